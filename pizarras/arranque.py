"""Opening the database for the app and the command line: the data layer's migration, plus what a migrated
database must receive from the layers above it (as a fresh build from seed/ does). The data layer never imports
them; this composition step, above both, hands them down."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pizarras.base import conexion, esquema
from pizarras.base.demo import cargar_indicadores_demo
from pizarras.base.esquema import ResultadoMigracion
from pizarras.config import CARPETA_SEED
from pizarras.publicacion.presentaciones import cargar_predeterminadas


def sembrar_lo_nuevo(con: duckdb.DuckDBPyConnection, desde: int, carpeta_seed: Path = CARPETA_SEED) -> None:
    """What a fresh build writes into the tables of the steps a database just crossed: step 4 brings the default
    presentations; step 6 the demo indicator set, to a database that holds the demo records (a production one,
    built without them, keeps an empty catalogue until the official sheets are loaded)."""
    if desde < 4:
        cargar_predeterminadas(con, carpeta_seed / "presentaciones.json")
    if desde < 6 and con.execute("select count(*) from actividades where es_demo").fetchone()[0]:
        cargar_indicadores_demo(con, carpeta_seed / "demo")


def migrar(ruta: Path, carpeta_seed: Path = CARPETA_SEED) -> ResultadoMigracion:
    """`esquema.migrar` with the upper layers' seeds."""
    return esquema.migrar(ruta, sembrar=lambda con, desde: sembrar_lo_nuevo(con, desde, carpeta_seed))


def abrir_al_dia(ruta: Path) -> tuple[duckdb.DuckDBPyConnection, ResultadoMigracion]:
    """`conexion.abrir_al_dia` with the upper layers' seeds: how the app and the command line open the database."""
    return conexion.abrir_al_dia(ruta, sembrar=sembrar_lo_nuevo)
