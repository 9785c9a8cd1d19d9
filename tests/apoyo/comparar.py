"""Whole-database snapshots for before/after comparisons: every table's rows, columns, constraints and macros."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import duckdb


def instantanea(con: duckdb.DuckDBPyConnection, tablas: Iterable[str] | None = None) -> dict[str, list[tuple]]:
    """Every row of `tablas` (of every table when None) in a stable order: what a refused or undone write must
    leave identical (compare with ==)."""
    if tablas is None:
        tablas = [t for (t,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
    return {t: con.execute(f'select * from "{t}" order by all').fetchall() for t in tablas}


def instantanea_de(ruta: Path, tablas: Iterable[str] | None = None) -> dict[str, list[tuple]]:
    """`instantanea` of the database file at `ruta`, opened read-only."""
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return instantanea(con, tablas)
    finally:
        con.close()


def contenido(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Everything a restore or a crash could change, as plain Python values (compare with ==)."""
    tablas = [t for (t,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
    return {
        "filas": instantanea(con, tablas),
        "columnas": {t: con.execute(f'describe "{t}"').fetchall() for t in tablas},
        "restricciones": sorted(
            con.execute(
                "select table_name, constraint_type, constraint_text, constraint_column_names "
                "from duckdb_constraints()"
            ).fetchall(),
            key=repr,
        ),
        "macros": con.execute(
            "select function_name, function_type, parameters, macro_definition from duckdb_functions() "
            "where not internal and function_type in ('macro', 'table_macro') order by 1"
        ).fetchall(),
    }


def contenido_de(ruta: Path) -> dict[str, object]:
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return contenido(con)
    finally:
        con.close()


def huella_archivo(ruta: Path, con_wal: bool = True) -> str:
    """sha256 of the file's bytes, and of its WAL if any: 'untouched' means byte for byte."""
    ruta = Path(ruta)
    resumen = hashlib.sha256(ruta.read_bytes())
    wal = ruta.with_name(ruta.name + ".wal")
    if con_wal and wal.exists():
        resumen.update(b"wal" + wal.read_bytes())
    return resumen.hexdigest()
