"""What each board shows, assembled from named queries: the data behind KPIs, charts and tables.

One module per board. A board function takes a `consultar(nombre, parametros) -> DataFrame` callable (cached by the
UI, direct in tests), the filters and, where "overdue" matters, the cut-off date; it returns plain data. Drawing is
the page's job.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from pizarras.consultas import cargar
from pizarras.etiquetas import presentar
from pizarras.filtros import Filtros, filtros_no_aplicables, parametros_para

Consultar = Callable[[str, dict], pd.DataFrame]

# Rows a board table shows; its CSV and XLSX downloads carry every row (`listado_completo`).
FILAS_VISIBLES = 1000


def consulta_filtrada(consultar: Consultar, nombre: str, filtros: Filtros, **otros) -> pd.DataFrame:
    """Run a named query with the filter parameters it declares (and any extra ones, such as $hoy)."""
    return consultar(nombre, parametros_para(cargar(nombre).parametros, filtros, **otros))


def listado_completo(consultar: Consultar, nombre: str, filtros: Filtros, **otros) -> pd.DataFrame:
    """Every row of a list query (one with `$limite`), for a download."""
    return consulta_filtrada(consultar, nombre, filtros, limite=None, **otros)


def no_aplican(nombre: str, filtros: Filtros) -> list[str]:
    """Labels of the active filters that the named query does not take."""
    return filtros_no_aplicables(cargar(nombre).parametros, filtros)


def primera_fila(tabla: pd.DataFrame) -> dict:
    """The single row of a KPI query as a dict, with SQL NULL (and NaN) as None."""
    return {k: (None if pd.isna(v) else v) for k, v in tabla.iloc[0].items()}


def con_encabezados(tabla: pd.DataFrame, columnas: Sequence[str], tema: str | None = None) -> pd.DataFrame:
    """The table as boards and exports show it: the named columns in order, with the labels and value kinds of the
    one dictionary in `pizarras.etiquetas`."""
    return presentar(tabla, columnas, tema)
