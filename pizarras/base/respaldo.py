"""Backup and restore of the whole database: DuckDB `EXPORT DATABASE … (format parquet)` / `IMPORT DATABASE`.

A backup is a folder: DuckDB's `schema.sql` and `load.sql` (tables and constraints), one Parquet file per table, and our `respaldo.json` manifest with each
table's row count and checksum. A backup is written to a temporary sibling folder and renamed into place, so an
interrupted backup never looks complete.

The table macros of pizarras/base/vistas.sql live in the catalog but are left out of `schema.sql`: DuckDB writes them
in name order, which is not the order they build on each other, so an import would fail; restore installs them
from vistas.sql (the manifest lists them, and restore checks each one runs).

Restore imports into a temporary file beside the target, checks it against the manifest, and only then renames it
over the target: a missing, empty or corrupt backup leaves the current database untouched. Errors carry a Spanish
message meant for the person at the terminal.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from pizarras.base.conexion import BaseNoAbre, Motivo, abrir
from pizarras.base.esquema import VISTAS

MANIFIESTO = "respaldo.json"
FORMATO = 1
ARCHIVOS_DUCKDB = ("schema.sql", "load.sql")
_MACRO_EN_VISTAS = re.compile(r"^\s*create\s+(?:or\s+replace\s+)?macro\s+([a-z_][a-z0-9_]*)", re.IGNORECASE | re.MULTILINE)


class ErrorDeRespaldo(RuntimeError):
    """Backup or restore refused or failed; str() is a Spanish message saying what to do."""


@dataclass(frozen=True)
class Resumen:
    carpeta: Path
    base: Path
    filas: dict[str, int]

    @property
    def total_filas(self) -> int:
        return sum(self.filas.values())


def _abrir(ruta: Path, solo_lectura: bool) -> duckdb.DuckDBPyConnection:
    try:
        return abrir(ruta, solo_lectura)
    except BaseNoAbre as error:
        if error.motivo is Motivo.TOMADA:
            raise ErrorDeRespaldo(
                f"La base de datos «{ruta}» está abierta por otro proceso (probablemente la aplicación en marcha). "
                "Detenga la aplicación (Ctrl+C en la terminal de «make run») y vuelva a intentarlo."
            ) from error
        raise ErrorDeRespaldo(str(error)) from error


def _tablas(con: duckdb.DuckDBPyConnection) -> list[str]:
    filas = con.execute(
        "select table_name from duckdb_tables() where database_name = current_database() and not temporary "
        "order by table_name"
    ).fetchall()
    return [t for (t,) in filas]


def _macros(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """User macros of the database (name → parameter names)."""
    filas = con.execute(
        "select function_name, parameters from duckdb_functions() "
        "where not internal and database_name = current_database() and function_type in ('macro', 'table_macro') "
        "order by function_name"
    ).fetchall()
    return {nombre: list(parametros) for nombre, parametros in filas}


def _huella(con: duckdb.DuckDBPyConnection, tabla: str) -> tuple[int, str]:
    """Row count and an order-independent checksum of every row's content."""
    filas, suma = con.execute(f'select count(*), coalesce(sum(hash(t)), 0) from "{tabla}" t').fetchone()
    return int(filas), str(suma)


def _literal(ruta: Path) -> str:
    # EXPORT/IMPORT take no bound parameters; the path is ours (not user SQL), quoted as a SQL string literal.
    return "'" + str(ruta).replace("'", "''") + "'"


def respaldar(base: Path, carpeta: Path) -> Resumen:
    """Export `base` into the new folder `carpeta` (it must not exist, or be empty)."""
    base, carpeta = Path(base).absolute(), Path(carpeta).absolute()
    if not base.is_file():
        raise ErrorDeRespaldo(f"No existe la base de datos «{base}»; no hay nada que respaldar.")
    if carpeta.exists() and (not carpeta.is_dir() or any(carpeta.iterdir())):
        raise ErrorDeRespaldo(
            f"La carpeta de respaldo «{carpeta}» ya existe y no está vacía. Elija una carpeta nueva para no "
            "mezclar respaldos."
        )
    carpeta.parent.mkdir(parents=True, exist_ok=True)
    temporal = carpeta.with_name(f".{carpeta.name}.respaldando-{os.getpid()}")
    shutil.rmtree(temporal, ignore_errors=True)
    try:
        con = _abrir(base, solo_lectura=True)
        try:
            # One read transaction: the export and the checksums see the same snapshot.
            con.execute("begin")
            tablas = {t: _huella(con, t) for t in _tablas(con)}
            macros = _macros(con)
            con.execute(f"export database {_literal(temporal)} (format parquet)")
            con.execute("commit")
        finally:
            con.close()
        _sin_macros(temporal / "schema.sql")
        manifiesto = {
            "formato": FORMATO,
            "creado": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "duckdb": duckdb.__version__,
            "base": str(base),
            "tablas": {t: {"filas": n, "suma": s} for t, (n, s) in tablas.items()},
            "macros": macros,
        }
        (temporal / MANIFIESTO).write_text(json.dumps(manifiesto, ensure_ascii=False, indent=2), encoding="utf-8")
        if carpeta.exists():
            carpeta.rmdir()  # empty, checked above
        os.replace(temporal, carpeta)
    except duckdb.Error as error:
        raise ErrorDeRespaldo(f"No se pudo escribir el respaldo en «{carpeta}»: {error}") from error
    finally:
        shutil.rmtree(temporal, ignore_errors=True)
    return Resumen(carpeta, base, {t: n for t, (n, _) in tablas.items()})


def _sin_macros(esquema: Path) -> None:
    """Drop the CREATE MACRO statements (one line each) from an exported schema.sql; restore installs them."""
    lineas = esquema.read_text(encoding="utf-8").splitlines(keepends=True)
    esquema.write_text("".join(l for l in lineas if not l.startswith("CREATE MACRO ")), encoding="utf-8")


def leer_manifiesto(carpeta: Path) -> dict:
    """The backup's manifest, after checking the folder looks like one of our backups."""
    carpeta = Path(carpeta)
    if not carpeta.is_dir():
        raise ErrorDeRespaldo(f"No existe la carpeta de respaldo «{carpeta}».")
    if not any(carpeta.iterdir()):
        raise ErrorDeRespaldo(f"La carpeta de respaldo «{carpeta}» está vacía.")
    faltan = [n for n in (*ARCHIVOS_DUCKDB, MANIFIESTO) if not (carpeta / n).is_file()]
    if faltan:
        raise ErrorDeRespaldo(
            f"La carpeta «{carpeta}» no es un respaldo completo de Pizarras: faltan {', '.join(faltan)}. "
            "Use una carpeta creada con «python -m pizarras backup»."
        )
    danado = ErrorDeRespaldo(f"El manifiesto {MANIFIESTO} de «{carpeta}» está dañado o incompleto.")
    try:
        manifiesto = json.loads((carpeta / MANIFIESTO).read_text(encoding="utf-8"))
        tablas = manifiesto["tablas"]
        valido = (
            isinstance(tablas, dict)
            and bool(tablas)
            and all(isinstance(v["filas"], int) and isinstance(v["suma"], str) for v in tablas.values())
            and isinstance(manifiesto.get("macros", {}), dict)
        )
    except (ValueError, KeyError, TypeError) as error:
        raise danado from error
    if not valido:
        raise danado
    if manifiesto.get("formato") != FORMATO:
        raise ErrorDeRespaldo(
            f"El respaldo «{carpeta}» tiene un formato que esta versión no reconoce ({manifiesto.get('formato')!r})."
        )
    return manifiesto


def _reponer_macros_de_vistas(con: duckdb.DuckDBPyConnection) -> None:
    """Recreate the table macros of pizarras/base/vistas.sql if the import left any of them out."""
    texto = VISTAS.read_text(encoding="utf-8")
    nombres = _MACRO_EN_VISTAS.findall(texto)
    if set(nombres) <= set(_macros(con)):
        return
    for nombre in nombres:
        con.execute(f"drop macro table if exists {nombre}")
    con.execute(texto)


def _verificar(con: duckdb.DuckDBPyConnection, manifiesto: dict, carpeta: Path) -> dict[str, int]:
    """Compare the imported database with the manifest; raise with the first differences found."""
    esperadas = manifiesto["tablas"]
    presentes = set(_tablas(con))
    problemas = []
    if presentes != set(esperadas):
        faltan = sorted(set(esperadas) - presentes)
        sobran = sorted(presentes - set(esperadas))
        problemas.append(f"tablas faltantes {faltan}, tablas inesperadas {sobran}")
    misma_version = manifiesto.get("duckdb") == duckdb.__version__  # hash() may change between DuckDB versions
    filas = {}
    for tabla in sorted(presentes & set(esperadas)):
        n, suma = _huella(con, tabla)
        filas[tabla] = n
        if n != esperadas[tabla]["filas"]:
            problemas.append(f"{tabla}: {n} filas en lugar de {esperadas[tabla]['filas']}")
        elif misma_version and suma != esperadas[tabla]["suma"]:
            problemas.append(f"{tabla}: el contenido no coincide con la suma de verificación")
    macros = _macros(con)
    for nombre, parametros in manifiesto.get("macros", {}).items():
        if macros.get(nombre) != parametros:
            problemas.append(f"falta la macro {nombre} o cambió su firma")
    if not problemas:
        for nombre, parametros in macros.items():
            if nombre in manifiesto.get("macros", {}):
                try:
                    _probar_macro(con, nombre, parametros)
                except duckdb.Error as error:
                    problemas.append(f"la macro {nombre} falla: {error}")
    if problemas:
        raise ErrorDeRespaldo(
            f"El respaldo «{carpeta}» está dañado; la base actual no se modificó. Diferencias: "
            + "; ".join(problemas[:5])
            + ("…" if len(problemas) > 5 else "")
        )
    return filas


def _probar_macro(con: duckdb.DuckDBPyConnection, nombre: str, parametros: list[str]) -> None:
    tipo = con.execute(
        "select function_type from duckdb_functions() where function_name = $n and not internal", {"n": nombre}
    ).fetchone()[0]
    argumentos = ", ".join("null" for _ in parametros)
    if tipo == "table_macro":
        con.execute(f"select count(*) from {nombre}({argumentos})").fetchone()


def restaurar(carpeta: Path, base: Path, forzar: bool = False) -> Resumen:
    """Rebuild `base` from the backup in `carpeta`; an existing `base` is replaced only with `forzar`."""
    carpeta, base = Path(carpeta).absolute(), Path(base).absolute()
    manifiesto = leer_manifiesto(carpeta)
    if base.exists() and not forzar:
        raise ErrorDeRespaldo(
            f"Ya existe la base de datos «{base}». Para reemplazarla por el respaldo, repita la orden con --forzar "
            "(conviene respaldarla antes)."
        )
    if base.exists():
        _abrir(base, solo_lectura=True).close()  # refuse now, with a clear message, if the app holds it
    base.parent.mkdir(parents=True, exist_ok=True)
    temporal = base.with_name(f".{base.name}.restaurando-{os.getpid()}")
    restos = (temporal, temporal.with_name(temporal.name + ".wal"))
    for resto in restos:
        resto.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(temporal))
        try:
            try:
                con.execute("begin")
                con.execute(f"import database {_literal(carpeta)}")
                _reponer_macros_de_vistas(con)
                con.execute("commit")
            except duckdb.Error as error:
                raise ErrorDeRespaldo(
                    f"No se pudo leer el respaldo «{carpeta}» (archivo dañado o incompleto); la base actual no se "
                    f"modificó. Detalle: {error}"
                ) from error
            filas = _verificar(con, manifiesto, carpeta)
            con.execute("checkpoint")
        finally:
            con.close()
        if base.exists():
            _abrir(base, solo_lectura=True).close()  # the app may have started meanwhile
        # A WAL left by the old file would be replayed onto the new one.
        base.with_name(base.name + ".wal").unlink(missing_ok=True)
        os.replace(temporal, base)
    finally:
        for resto in restos:
            resto.unlink(missing_ok=True)
    return Resumen(carpeta, base, filas)
