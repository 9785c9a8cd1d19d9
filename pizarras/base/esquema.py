"""Schema versions and migrations: what people write into the database survives every upgrade.

The schema is the ordered steps in `pizarras/base/migraciones/NNN_nombre.sql`; step 1 is the baseline (every database
built before versions existed). A step that must move data in ways SQL says badly (replaying the audit trail) adds
`NNN_nombre.py` beside its SQL, with `aplicar(con)`, run right after the SQL in the same transaction. A fresh build
applies all of them; an older database gets the missing ones, each in its own transaction, after a copy of the file
is taken beside it. The table `esquema` records each applied step.
The filtering macros (`pizarras/base/vistas.sql`) are not a step: they are replaced whenever their text changes, so a
database never runs an old macro with new code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

CARPETA_MIGRACIONES = Path(__file__).resolve().parent / "migraciones"
# The table macros every query filters through, and the business rules they share (overdue, what an average
# counts): part of the data layer, replaced whenever their text changes.
VISTAS = Path(__file__).resolve().parent / "vistas.sql"
_NOMBRE_PASO = re.compile(r"(\d{3})_([a-z0-9_]+)\.sql")


class EsquemaIncompatible(RuntimeError):
    """The database was written by a newer version of the app: it is never opened and half-used."""


@dataclass(frozen=True)
class Paso:
    numero: int
    nombre: str
    ruta: Path

    def sql(self) -> str:
        return self.ruta.read_text(encoding="utf-8")

    def aplicar(self, con: duckdb.DuckDBPyConnection) -> None:
        """The step's SQL, then its Python half when it has one."""
        con.execute(self.sql())
        mitad = self.ruta.with_suffix(".py")
        if mitad.is_file():
            especificacion = importlib.util.spec_from_file_location(f"_paso_{self.numero:03d}", mitad)
            modulo = importlib.util.module_from_spec(especificacion)
            especificacion.loader.exec_module(modulo)
            modulo.aplicar(con)


def pasos(carpeta: Path | None = None) -> list[Paso]:
    encontrados = []
    for ruta in (carpeta or CARPETA_MIGRACIONES).glob("*.sql"):
        coincide = _NOMBRE_PASO.fullmatch(ruta.name)
        if coincide:
            encontrados.append(Paso(int(coincide.group(1)), coincide.group(2), ruta))
    encontrados.sort(key=lambda p: p.numero)
    assert [p.numero for p in encontrados] == list(range(1, len(encontrados) + 1)), "pasos no consecutivos"
    return encontrados


def version_actual() -> int:
    """The schema version this code expects."""
    return pasos()[-1].numero


def _tablas(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {
        fila[0]
        for fila in con.execute(
            "select table_name from duckdb_tables() where database_name = current_database() and not temporary"
        ).fetchall()
    }


def version_de(con: duckdb.DuckDBPyConnection) -> int:
    """0 for an empty database, 1 for one built before versions existed, else the last step recorded."""
    tablas = _tablas(con)
    if "esquema" in tablas:
        return int(con.execute("select coalesce(max(version), 0) from esquema").fetchone()[0])
    return 1 if "actividades" in tablas else 0


def _huella_macros(vistas: Path) -> str:
    return hashlib.sha256(vistas.read_bytes()).hexdigest()[:16]


def _registrar(con: duckdb.DuckDBPyConnection, paso: Paso) -> None:
    con.execute(
        "create table if not exists esquema (version integer primary key, nombre varchar not null, "
        "aplicado_en timestamp not null)"
    )
    con.execute("insert into esquema values (?, ?, current_timestamp::timestamp)", [paso.numero, paso.nombre])


def aplicar_pasos(con: duckdb.DuckDBPyConnection, desde: int) -> list[Paso]:
    """Apply the steps after `desde` inside the caller's transaction (the build's); returns them."""
    aplicados = [p for p in pasos() if p.numero > desde]
    for paso in aplicados:
        paso.aplicar(con)
        _registrar(con, paso)
    return aplicados


def instalar_macros(con: duckdb.DuckDBPyConnection, vistas: Path = VISTAS) -> None:
    """Create or replace the filtering macros and remember which text they came from."""
    con.execute(vistas.read_text(encoding="utf-8"))
    con.execute("create table if not exists macros_instaladas (huella varchar not null)")
    con.execute("delete from macros_instaladas")
    con.execute("insert into macros_instaladas values (?)", [_huella_macros(vistas)])


def macros_al_dia(con: duckdb.DuckDBPyConnection, vistas: Path = VISTAS) -> bool:
    if "macros_instaladas" not in _tablas(con):
        return False
    fila = con.execute("select max(huella) from macros_instaladas").fetchone()
    return fila[0] == _huella_macros(vistas)


@dataclass(frozen=True)
class ResultadoMigracion:
    version_inicial: int
    version_final: int
    respaldo: Path | None
    macros_reinstaladas: bool

    def mensaje(self) -> str:
        if self.version_inicial == self.version_final:
            texto = f"La base ya está en la versión {self.version_final} del esquema."
        else:
            texto = (
                f"Base migrada de la versión {self.version_inicial} a la {self.version_final} del esquema; "
                f"copia previa en «{self.respaldo}»."
            )
        if self.macros_reinstaladas:
            texto += " Macros de filtrado actualizadas."
        return texto


def ruta_respaldo(ruta: Path, desde: int, hasta: int, ahora: datetime | None = None) -> Path:
    sello = (ahora or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return ruta.with_name(f"{ruta.stem}.v{desde}-a-v{hasta}.{sello}.respaldo{ruta.suffix}")


def comprobar(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(version in the database, version of the code); refuses a database newer than the code."""
    tiene, espera = version_de(con), version_actual()
    if tiene > espera:
        raise EsquemaIncompatible(
            f"La base está en la versión {tiene} del esquema y esta versión de la aplicación solo conoce hasta la "
            f"{espera}. Actualice la aplicación (git pull) o use una base compatible; la base no se modificó."
        )
    return tiene, espera


# What a fresh build writes from seed/ into the tables of the steps a database just crossed: given by the layer
# above (`pizarras.arranque`), since those records belong to it (the presentations of step 4).
Sembrar = Callable[[duckdb.DuckDBPyConnection, int], None]


def migrar(ruta: Path, sembrar: Sembrar | None = None) -> ResultadoMigracion:
    """Bring the database file at `ruta` to the code's schema (no other process may hold it).

    The steps run on a copy of the file, each in its own transaction; only when all of them succeeded does the
    copy replace the original, so a failing step leaves the original untouched. A copy of the original stays
    beside it (date and both versions in its name). The macros are replaced when their text changed. `sembrar`
    (con, version_de_la_que_viene) runs last, in its own transaction on the same copy.
    """
    con = duckdb.connect(str(ruta))
    try:
        tiene, espera = comprobar(con)
        if tiene == 0:
            raise EsquemaIncompatible(f"«{ruta}» no es una base de Pizarras de Avance (no tiene tablas).")
        if tiene == espera:
            # The usual start: one open, and a write only when the macros' text changed.
            reinstalar = not macros_al_dia(con)
            if reinstalar:
                _en_transaccion(con, lambda: instalar_macros(con))
                con.execute("checkpoint")
            return ResultadoMigracion(tiene, espera, None, reinstalar)
        con.execute("checkpoint")  # everything in the main file, so copying it copies the database
    finally:
        con.close()
    respaldo = ruta_respaldo(ruta, tiene, espera)
    shutil.copy2(ruta, respaldo)
    temporal = ruta.with_name(f".{ruta.name}.migrando-{os.getpid()}")
    shutil.copy2(ruta, temporal)
    try:
        con = duckdb.connect(str(temporal))
        try:
            for paso in [p for p in pasos() if p.numero > tiene]:
                _en_transaccion(con, lambda: (paso.aplicar(con), _registrar(con, paso)))
            _en_transaccion(con, lambda: instalar_macros(con))
            if sembrar:
                _en_transaccion(con, lambda: sembrar(con, tiene))
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(temporal, ruta)
    finally:
        for resto in (temporal, temporal.with_name(temporal.name + ".wal")):
            resto.unlink(missing_ok=True)
    return ResultadoMigracion(tiene, espera, respaldo, True)


def _en_transaccion(con: duckdb.DuckDBPyConnection, trabajo) -> None:
    con.execute("begin")
    try:
        trabajo()
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


# What only people wrote, by table: a rebuild from seed/ would lose it. (Every self-report write and login is
# audited, so the audit trail alone would do; users are named too, since an account can exist before any write.)
_ESCRITO_POR_PERSONAS = {"usuarios": "cuentas de usuario", "auditoria": "cambios y accesos registrados"}


def registros_de_personas(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """{what: how many} of the records people wrote into this database; empty when there are none."""
    tablas = _tablas(con)
    encontrados = {}
    for tabla, que in _ESCRITO_POR_PERSONAS.items():
        if tabla in tablas:
            n = con.execute(f"select count(*) from {tabla}").fetchone()[0]
            if n:
                encontrados[que] = n
    return encontrados
