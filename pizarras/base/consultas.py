"""Named SQL queries: one statement per file in queries/<carpeta>/, loaded by name and run with bound parameters only.

A query's public name is its folder and file name, "carpeta/nombre" ("tableros/kpi_actividades"): the folder says
its concern (tableros, catalogos, autorreporte, cuentas, auditoria, demo, importar, presentacion, datos_abiertos), and
there is no default folder. A file starts with a comment header (what it answers, its grain, its parameters).
Parameters are DuckDB named parameters (`$region`); the loader lists them, ignoring comments and string literals,
and refuses a call whose names differ before DuckDB sees it. Values never enter SQL as text.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from pizarras.config import CARPETA_CONSULTAS

# "carpeta/nombre": one folder level, lowercase, nothing that could leave queries/.
_NOMBRE_VALIDO = re.compile(r"[a-z][a-z0-9_]*/[a-z][a-z0-9_]*")
# A string literal, a line comment or a block comment: removed before looking for $names.
_NO_CODIGO = re.compile(r"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", re.DOTALL)
_PARAMETRO = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# `ejecutar` reads a DB-API result as Arrow. The client warns that this copies the rows once more than a relation
# would; board results are a few thousand rows at most, and the relation path binds the query a second time.
warnings.filterwarnings("ignore", message="Arrow output on a DB-API result", category=UserWarning)


class ErrorDeConsulta(ValueError):
    """A query was asked for by a wrong name or with the wrong parameters."""


@dataclass(frozen=True)
class Consulta:
    nombre: str
    sql: str
    descripcion: str
    parametros: frozenset[str]


def _cabecera(sql: str) -> str:
    lineas = []
    for linea in sql.splitlines():
        if not linea.startswith("--"):
            break
        lineas.append(linea.removeprefix("--").strip())
    return " ".join(lineas).strip()


def parametros_de(sql: str) -> frozenset[str]:
    """The $names a SQL text uses, outside comments and string literals."""
    return frozenset(_PARAMETRO.findall(_NO_CODIGO.sub(" ", sql)))


@lru_cache(maxsize=None)
def cargar(nombre: str, raiz: Path = CARPETA_CONSULTAS) -> Consulta:
    """Read queries/<carpeta>/<nombre>.sql once per process (`raiz`: another queries folder, for tests)."""
    if not _NOMBRE_VALIDO.fullmatch(nombre):
        raise ErrorDeConsulta(f"Nombre de consulta no válido (carpeta/nombre): {nombre!r}")
    ruta = raiz / f"{nombre}.sql"
    if not ruta.is_file():
        raise ErrorDeConsulta(f"No existe la consulta {nombre!r} ({ruta})")
    sql = ruta.read_text(encoding="utf-8")
    return Consulta(nombre, sql, _cabecera(sql), parametros_de(sql))


def nombres_disponibles(carpeta: str | None = None, raiz: Path = CARPETA_CONSULTAS) -> list[str]:
    """Every query's name ("carpeta/nombre"), or only those of one folder."""
    rutas = (raiz / carpeta).glob("*.sql") if carpeta else raiz.glob("*/*.sql")
    return sorted(f"{p.parent.name}/{p.stem}" for p in rutas)


def _parametros_revisados(consulta: Consulta, parametros: dict | None) -> dict:
    parametros = dict(parametros or {})
    recibidos = frozenset(parametros)
    if recibidos != consulta.parametros:
        faltan = sorted(consulta.parametros - recibidos)
        sobran = sorted(recibidos - consulta.parametros)
        raise ErrorDeConsulta(f"Parámetros incorrectos para {consulta.nombre!r}: faltan {faltan}, sobran {sobran}")
    return parametros


def ejecutar(con: duckdb.DuckDBPyConnection, nombre: str, parametros: dict | None = None) -> pd.DataFrame:
    """Run a named query on its own cursor and return the whole result as a DataFrame (through Arrow: faster).

    `execute` rather than `sql`: `cursor.sql()` binds the query once to describe a lazy relation and again when
    it runs; `execute` parses, binds and plans it once (1–10 ms less per query, most for the macro queries).
    """
    consulta = cargar(nombre)
    parametros = _parametros_revisados(consulta, parametros)
    with con.cursor() as cur:
        return cur.execute(consulta.sql, parametros or None).to_arrow_table().to_pandas()


def ejecutar_en(cur: duckdb.DuckDBPyConnection, nombre: str, parametros: dict | None = None) -> list[dict]:
    """Run a named statement on `cur` itself (inside the caller's transaction); the rows it returns as dicts."""
    consulta = cargar(nombre)
    resultado = cur.execute(consulta.sql, _parametros_revisados(consulta, parametros) or None)
    if resultado.description is None:
        return []
    columnas = [d[0] for d in resultado.description]
    return [dict(zip(columnas, fila, strict=True)) for fila in resultado.fetchall()]
