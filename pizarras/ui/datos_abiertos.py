"""The open-data page's reads, cached per database and per last audited change (every write of people's records
is audited, so a validation changes the key and nobody downloads stale numbers)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pizarras.config import ruta_db, url_publica
from pizarras.publicacion import datos_abiertos
from pizarras.ui.datos import conexion


def _version() -> int:
    return datos_abiertos.version_de_los_datos(conexion())


@st.cache_data(max_entries=8, show_spinner=False)
def _resumen(ruta: str, version: int) -> pd.DataFrame:
    return datos_abiertos.resumen(conexion())


@st.cache_data(max_entries=8, show_spinner=False)
def _diccionario(ruta: str, version: int) -> pd.DataFrame:
    return datos_abiertos.diccionario(conexion())


@st.cache_data(max_entries=8, show_spinner=False)
def _ultima_validacion(ruta: str, version: int):
    return datos_abiertos.ultima_validacion(conexion())


@st.cache_data(max_entries=64, show_spinner=False)
def _tabla(ruta: str, version: int, nombre: str) -> pd.DataFrame:
    return datos_abiertos.tabla(conexion(), nombre)


def resumen() -> pd.DataFrame:
    return _resumen(str(ruta_db()), _version())


def diccionario() -> pd.DataFrame:
    return _diccionario(str(ruta_db()), _version())


def tabla(nombre: str) -> pd.DataFrame:
    return _tabla(str(ruta_db()), _version(), nombre)


def ultima_validacion():
    """The newest validation among the published records: the page's «Datos validados al …»."""
    return _ultima_validacion(str(ruta_db()), _version())


def cita() -> str:
    """The citation the licence asks for, for what this page serves: the address the browser downloads from (else
    the open-data page under $PIZARRAS_URL_PUBLICA) and today as the date of consultation."""
    url = st.context.url or None
    if url is None and (base := url_publica()):
        url = f"{base}/datos_abiertos"
    return datos_abiertos.cita(date.today(), url)
