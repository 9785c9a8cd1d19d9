"""Build the DuckDB database from seed/: the schema steps, table macros, catalog CSVs, then the fact CSVs.

The build writes to a temporary file beside the target and renames it into place, so a failed or interrupted
build never leaves a half-built database where the app looks for one. Run: `python -m seed.build [--db PATH]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path

import duckdb

from pizarras.base.conexion import BaseNoAbre, abrir
from pizarras.base.consultas import cargar, ejecutar_en
from pizarras.base.demo import cargar_indicadores_demo, quitar_demo
from pizarras.base.esquema import aplicar_pasos, instalar_macros, registros_de_personas
from pizarras.config import CARPETA_SEED, ruta_db
from pizarras.publicacion.presentaciones import cargar_predeterminadas

# Load order follows the foreign keys.
TABLAS_CATALOGO = ["regiones", "entidades", "organismos", "programas", "ejes", "ods", "estatus"]
TABLAS_DATOS = [
    "actividades",
    "actividad_ejes_transversales",
    "actividad_ods",
    "compromisos",
    "capacitaciones",
    "stl_integrantes",
]
# Physical row order of the large fact tables. DuckDB keeps min/max per column segment and row group and skips
# those a pushed-down filter cannot match: activities grouped by programa, periodo and estatus (the board filters
# with few values), the link tables by eje / ods, let a filtered scan read a fraction of the rows. Queries never
# rely on it (they order their results explicitly).
ORDEN_FISICO = {
    "actividades": "programa, periodo, estatus, organismo, id",
    "actividad_ejes_transversales": "eje, actividad",
    "actividad_ods": "ods, actividad",
}


def _cargar_csv(con: duckdb.DuckDBPyConnection, tabla: str, ruta: Path) -> None:
    # Column types come from the table itself. The CSV names the baseline's columns (step 1); columns added by
    # later steps take their defaults.
    tipos_tabla = {fila[0]: fila[1] for fila in con.execute(f"describe {tabla}").fetchall()}
    with ruta.open(encoding="utf-8") as archivo:
        encabezado = archivo.readline().strip().split(",")
    desconocidas = [c for c in encabezado if c not in tipos_tabla]
    if desconocidas:
        raise ValueError(f"{ruta.name}: columnas que la tabla {tabla} no tiene: {desconocidas}")
    tipos = {c: tipos_tabla[c] for c in encabezado}
    columnas = list(tipos)
    con.execute(
        f"insert into {tabla} ({', '.join(columnas)}) "
        f"select {', '.join(columnas)} from read_csv($ruta, header = true, columns = $tipos, nullstr = '')"
        + (f" order by {ORDEN_FISICO[tabla]}" if tabla in ORDEN_FISICO else ""),
        {"ruta": str(ruta), "tipos": tipos},
    )


def crear_esquema_y_catalogos(con: duckdb.DuckDBPyConnection, carpeta: Path = CARPETA_SEED) -> None:
    """Tables, table macros and catalogs: what every database needs before any fact (tests add their own)."""
    aplicar_pasos(con, desde=0)
    instalar_macros(con)
    for tabla in TABLAS_CATALOGO:
        _cargar_csv(con, tabla, carpeta / "catalogos" / f"{tabla}.csv")


def construir_en(con: duckdb.DuckDBPyConnection, carpeta: Path = CARPETA_SEED) -> None:
    """Create every table and load every seed CSV into an open, empty database."""
    crear_esquema_y_catalogos(con, carpeta)
    for tabla in TABLAS_DATOS:
        _cargar_csv(con, tabla, carpeta / "datos" / f"{tabla}.csv")
    cargar_predeterminadas(con, carpeta / "presentaciones.json")
    # The programmes' indicators: no official sheet is held yet, so the demo set (removed with the other demo rows).
    cargar_indicadores_demo(con, carpeta / "demo")


# What a build publishes of the records it loaded as validated (queries/publicacion/cargadas_*.sql), in order:
# an activity's links and reports before the activity itself.
_PUBLICAR_LO_CARGADO = ("transversales", "ods", "reportes", "actividades", "compromisos", "capacitaciones",
                        "mediciones")


def cerrar_carga(con: duckdb.DuckDBPyConnection) -> None:
    """After the facts are loaded: each activity's current progress is its first report (the history starts there),
    and what was loaded as validated is published as it is (the public's version of it)."""
    con.execute("insert into reportes_avance select id, reportado_en, avance, estatus, reportado_por from actividades")
    publicar_lo_cargado(con)


def publicar_lo_cargado(con: duckdb.DuckDBPyConnection, ahora: datetime | None = None) -> None:
    """Publish the records loaded as validated that have no published version yet (a build; a test's extra rows)."""
    ahora = ahora or datetime.now().replace(microsecond=0)
    for que in _PUBLICAR_LO_CARGADO:
        consulta = f"publicacion/cargadas_{que}"
        ejecutar_en(con, consulta, {"ahora": ahora} if "ahora" in cargar(consulta).parametros else None)


def construir(destino: Path, carpeta: Path = CARPETA_SEED, llenar=None, sin_demo: bool = False) -> Path:
    """Build a fresh database at `destino`, atomically replacing any previous one.

    `llenar(con)` fills the empty database (default: `construir_en` from seed/); seed.synth passes its own. Then
    `cerrar_carga` writes each activity's first report and publishes what was loaded as validated.
    `sin_demo` leaves out every demo row (production), keeping the sourced records.
    """
    destino = Path(destino)
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporal = destino.with_name(f".{destino.name}.construyendo-{os.getpid()}")
    for resto in (temporal, temporal.with_name(temporal.name + ".wal")):
        resto.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(temporal))
        try:
            con.execute("begin")
            if llenar is None:
                construir_en(con, carpeta)
            else:
                llenar(con)
            con.execute("commit")
            # What was loaded is read back in a transaction of its own: DuckDB 2.0.0 read none of the million
            # activities the synthetic build had inserted earlier in the same transaction (its reports and
            # published versions came out empty), though a count saw them all.
            con.execute("begin")
            cerrar_carga(con)
            if sin_demo:
                quitar_demo(con)
            con.execute("commit")
            con.execute("checkpoint")
        finally:
            con.close()
        destino.with_name(destino.name + ".wal").unlink(missing_ok=True)
        os.replace(temporal, destino)
    finally:
        for resto in (temporal, temporal.with_name(temporal.name + ".wal")):
            resto.unlink(missing_ok=True)
    return destino


def _registros_de_personas(destino: Path) -> dict[str, int] | None:
    """What people wrote into the existing database; None (and the reason printed) when it cannot be read."""
    try:
        con = abrir(destino, solo_lectura=True)
    except BaseNoAbre as error:
        print(f"{error} Detenga la aplicación antes de reconstruir la base.", file=sys.stderr)
        return None
    try:
        return registros_de_personas(con)
    finally:
        con.close()


def _copia_previa(destino: Path, ahora: datetime | None = None) -> Path:
    """A copy of the database beside it, named with the moment, before a forced rebuild replaces it."""
    sello = (ahora or datetime.now()).strftime("%Y%m%d-%H%M%S")
    copia = destino.with_name(f"{destino.stem}.antes-de-reconstruir.{sello}{destino.suffix}")
    shutil.copy2(destino, copia)
    wal = destino.with_name(destino.name + ".wal")
    if wal.exists():
        shutil.copy2(wal, copia.with_name(copia.name + ".wal"))
    return copia


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construye la base DuckDB de Pizarras de Avance desde seed/.")
    parser.add_argument("--db", type=Path, default=None, help="ruta del archivo (predeterminada: $PIZARRAS_DB)")
    parser.add_argument("--si-falta", action="store_true", help="construir solo si el archivo no existe")
    parser.add_argument("--forzar", action="store_true",
                        help="reemplazar una base que tiene registros escritos por personas (antes se copia)")
    parser.add_argument("--sin-demo", action="store_true", help="sin los datos de demostración (producción)")
    args = parser.parse_args(argv)
    destino = args.db or ruta_db()
    if destino.exists():
        if args.si_falta:
            print(f"La base ya existe: {destino}")
            return 0
        personas = _registros_de_personas(destino)
        if personas is None:
            return 1
        if personas and not args.forzar:
            detalle = ", ".join(f"{n:,} {que}" for que, n in personas.items())
            print(
                f"No se reconstruyó «{destino}»: tiene registros escritos por personas ({detalle}) que la semilla no "
                "tiene. Para conservarlos, no la reconstruya: la aplicación la migra sola al arrancar. Si de verdad "
                "quiere reemplazarla, use «make data FORZAR=1» (o --forzar): antes se guarda una copia.",
                file=sys.stderr,
            )
            return 1
        if personas:
            copia = _copia_previa(destino)
            print(f"Copia de la base anterior, con sus registros, en «{copia}».")
    construir(destino, sin_demo=args.sin_demo)
    print(f"Base construida{' sin datos de demostración' if args.sin_demo else ''}: {destino}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
