"""What each board shows, assembled from named queries: the data behind KPIs, charts and tables.

A board function takes a `consultar(nombre, parametros) -> DataFrame` callable (cached by the UI, direct in tests),
the filters and the cut-off date, and returns plain data; drawing is the page's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from pizarras.consultas import cargar
from pizarras.filtros import Filtros, filtros_no_aplicables, parametros_para

Consultar = Callable[[str, dict], pd.DataFrame]

# Spanish headers for the activities table and its download.
ENCABEZADOS_ACTIVIDADES = {
    "id": "ID",
    "organismo": "Organismo",
    "entidad": "Entidad",
    "region": "Región",
    "programa": "Programa",
    "eje": "Eje temático",
    "ejes_transversales": "Ejes transversales",
    "ods": "ODS",
    "titulo": "Actividad",
    "tipo": "Tipo",
    "estatus": "Estatus",
    "avance": "Avance (%)",
    "fecha_inicio": "Inicio programado",
    "fecha_fin": "Fin programado",
    "periodo": "Periodo",
    "evidencia_url": "Evidencia",
    "reportado_por": "Reportado por",
    "reportado_en": "Fecha de reporte",
    "revision": "Revisión",
    "es_demo": "Dato de demostración",
}


def consulta_filtrada(consultar: Consultar, nombre: str, filtros: Filtros, **otros) -> pd.DataFrame:
    """Run a named query with the filter parameters it declares (and any extra ones, such as $hoy)."""
    return consultar(nombre, parametros_para(cargar(nombre).parametros, filtros, **otros))


def _fila(tabla: pd.DataFrame) -> dict:
    return {k: (None if pd.isna(v) else v) for k, v in tabla.iloc[0].items()}


@dataclass(frozen=True)
class PizarraNacional:
    kpi_actividades: dict
    kpi_compromisos: dict
    kpi_capacitaciones: dict
    por_estatus: pd.DataFrame
    por_eje_tematico: pd.DataFrame
    por_eje_transversal: pd.DataFrame
    por_region: pd.DataFrame
    por_organismo: pd.DataFrame
    actividades: pd.DataFrame
    no_aplican_compromisos: list[str]
    no_aplican_capacitaciones: list[str]

    @property
    def vacia(self) -> bool:
        return self.kpi_actividades["actividades"] == 0

    @property
    def registros_demo(self) -> int:
        return sum(int(k["demo"] or 0) for k in (self.kpi_actividades, self.kpi_compromisos, self.kpi_capacitaciones))


def pizarra_nacional(consultar: Consultar, filtros: Filtros, hoy: date) -> PizarraNacional:
    por_eje = consulta_filtrada(consultar, "avance_por_eje", filtros)
    return PizarraNacional(
        kpi_actividades=_fila(consulta_filtrada(consultar, "kpi_actividades", filtros, hoy=hoy)),
        kpi_compromisos=_fila(consulta_filtrada(consultar, "kpi_compromisos", filtros)),
        kpi_capacitaciones=_fila(consulta_filtrada(consultar, "kpi_capacitaciones", filtros)),
        por_estatus=consulta_filtrada(consultar, "actividades_por_estatus", filtros),
        por_eje_tematico=por_eje[por_eje["tipo"] == "tematico"].reset_index(drop=True),
        por_eje_transversal=por_eje[por_eje["tipo"] == "transversal"].reset_index(drop=True),
        por_region=consulta_filtrada(consultar, "avance_por_region", filtros),
        por_organismo=consulta_filtrada(consultar, "avance_por_organismo", filtros, hoy=hoy),
        actividades=consulta_filtrada(consultar, "actividades_tabla", filtros),
        no_aplican_compromisos=filtros_no_aplicables(cargar("kpi_compromisos").parametros, filtros),
        no_aplican_capacitaciones=filtros_no_aplicables(cargar("kpi_capacitaciones").parametros, filtros),
    )


def tabla_para_mostrar(actividades: pd.DataFrame) -> pd.DataFrame:
    """The activities with Spanish headers and 'Sí'/'No' for the demo flag."""
    tabla = actividades.copy()
    tabla["es_demo"] = tabla["es_demo"].map({True: "Sí", False: "No"})
    return tabla.rename(columns=ENCABEZADOS_ACTIVIDADES)
