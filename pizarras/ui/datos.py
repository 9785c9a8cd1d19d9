"""One DuckDB connection per process (a cursor per query), and cached read queries cleared on every write."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import duckdb
import pandas as pd
import streamlit as st

from pizarras.arranque import abrir_al_dia
from pizarras.base.conexion import BaseNoAbre, Motivo
from pizarras.base.consultas import ejecutar
from pizarras.base.esquema import EsquemaIncompatible
from pizarras.config import ruta_db
from pizarras.lectura.filtros import DEFINICIONES, Opcion
from pizarras.ui.figuras import nombre_de, olvidar_figuras
from pizarras.ui.memoria import Compartidos

T = TypeVar("T")


class BaseNoDisponible(RuntimeError):
    """The database cannot be opened; the message says, in Spanish, what to do."""


@st.cache_resource(show_spinner=False)
def _conexion(ruta: str) -> duckdb.DuckDBPyConnection:
    try:
        return abrir_al_dia(Path(ruta))[0]
    except EsquemaIncompatible as error:
        raise BaseNoDisponible(str(error)) from error
    except BaseNoAbre as error:
        consejo = {
            Motivo.FALTA: f"No se encontró la base de datos en «{ruta}». Constrúyala con «make data» (o «make run», "
                          "que la construye si falta) y recargue la página.",
            Motivo.TOMADA: f"La base de datos «{ruta}» está abierta por otro proceso (otra copia de la aplicación o "
                           "un script de mantenimiento). Cierre ese proceso y recargue la página.",
        }
        raise BaseNoDisponible(consejo.get(error.motivo, str(error))) from error


def conexion() -> duckdb.DuckDBPyConnection:
    return _conexion(str(ruta_db()))


@st.cache_data(max_entries=2048, show_spinner=False)
def _consultar(ruta: str, nombre: str, parametros: dict) -> pd.DataFrame:
    return ejecutar(_conexion(ruta), nombre, parametros)


def consultar(nombre: str, parametros: dict | None = None) -> pd.DataFrame:
    """Run a named read query, cached per database, name and parameters."""
    return _consultar(str(ruta_db()), nombre, parametros or {})


TABLEROS_GUARDADOS = 128  # boards × filter combinations kept: each holds up to ~1 MB (its 1,000-row table)


_TABLEROS: Compartidos = Compartidos(TABLEROS_GUARDADOS)


def tablero_compartido(constructor: Callable[..., T], *argumentos) -> T:
    """The board `constructor(consultar, *argumentos)`, assembled once per database and arguments and shared by
    every session: a live audience asks for the same few filter combinations, and a rerun then skips a dozen cache
    lookups and the pandas work behind the board. Pages read a board and never modify its tables. The arguments
    (filters, keys, dates) are hashable: the key is a Python hash, not Streamlit's hash of their content."""
    clave = (nombre_de(constructor), str(ruta_db()), argumentos)
    return _TABLEROS.obtener(clave, lambda: constructor(consultar, *argumentos))


def consultar_directo(nombre: str, parametros: dict | None = None) -> pd.DataFrame:
    """Run a named query without caching it: for large one-off results such as a full download."""
    return ejecutar(conexion(), nombre, parametros or {})


def invalidar_cache() -> None:
    """Call after every write so no board shows stale numbers (figures are keyed by their data: clearing them
    only frees memory)."""
    _consultar.clear()
    _TABLEROS.vaciar()
    _opciones_catalogos.clear()
    olvidar_figuras()


@st.cache_resource(show_spinner=False)
def _opciones_catalogos(ruta: str) -> Mapping[str, tuple[Opcion, ...]]:
    opciones = {}
    for definicion in DEFINICIONES:
        tabla = ejecutar(_conexion(ruta), f"catalogos/catalogo_{definicion.parametro_sql}", {})
        opciones[definicion.clave] = tuple(
            Opcion(int(c) if definicion.entero else c, n, g)
            for c, n, g in zip(tabla["clave"], tabla["nombre"], tabla["grupo"], strict=True)
        )
    return MappingProxyType(opciones)


def opciones_catalogos() -> Mapping[str, tuple[Opcion, ...]]:
    """Choosable values of every filter, from the catalog queries. Built once and shared by every session (every
    rerun reads them): a read-only mapping of tuples of frozen `Opcion`, so no session can change another's."""
    return _opciones_catalogos(str(ruta_db()))

