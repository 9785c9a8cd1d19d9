"""Pizarra nacional: activity KPIs and progress by status, eje, región and organismo, plus the headline figures
of commitments and trainings; the activities table with its detail view."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pandas as pd

from pizarras import estilo, etiquetas
from pizarras.lectura.cifras import Cifra, cifra
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.grafica import Grafica, declarar
from pizarras.lectura.tableros import (
    FILAS_VISIBLES,
    Consultar,
    Demo,
    con_encabezados,
    consulta_filtrada,
    listado_completo,
    no_aplican,
    primera_fila,
    ultima_validacion,
)
from pizarras.lectura.tableros.detalle import Fuente, campos, fuentes

# The activities table and its download, leading with what a reader scans (what, who, how far, by when).
COLUMNAS_ACTIVIDADES = [
    "titulo", "organismo", "estatus", "avance", "fecha_fin", "programa", "eje", "ejes_transversales", "ods",
    "entidad", "region", "tipo", "fecha_inicio", "periodo", "reportado_en", "reportado_por", "revision",
    "evidencia_url", "es_demo", "id",
]
TEMA = "actividad"


@dataclass(frozen=True)
class PizarraNacional:
    hoy: date  # the cut-off for overdue activities
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
    def cifras(self) -> list[Cifra]:
        """The headline figures, in the order the board shows them."""
        k = self.kpi_actividades
        return [
            cifra("actividades", k["actividades"]),
            cifra("concluidas", k["concluidas"]),
            cifra("en_proceso", k["en_proceso"]),
            cifra("programadas", k["programadas"]),
            cifra("canceladas", k["canceladas"]),
            cifra("avance_promedio", k["avance_promedio"], estilo.porcentaje),
            cifra("organismos_reportando", k["organismos_reportando"]),
            cifra("vencidas", k["vencidas"], ayuda=etiquetas.ayuda_vencidas(self.hoy)),
            cifra("compromisos", self.kpi_compromisos["compromisos"],
                  ayuda="Compromisos de gobierno abierto de los planes de acción locales."),
            cifra("personas_capacitadas", self.kpi_capacitaciones["participantes"]),
        ]

    @cached_property
    def graficas(self) -> dict[str, Grafica]:
        """The board's charts; a click on a region, eje or organismo bar reports its key (`clave`)."""
        return declarar(
            Grafica("por_estatus", "barras_estatus", self.por_estatus),
            Grafica("por_region", "barras_avance", self.por_region,
                    {"etiqueta": "nombre", "titulo": "Avance por región", "clave": "region"}),
            Grafica("por_eje_tematico", "barras_avance", self.por_eje_tematico,
                    {"etiqueta": "etiqueta", "titulo": "Avance por eje temático", "clave": "eje"}),
            Grafica("por_eje_transversal", "barras_avance", self.por_eje_transversal,
                    {"etiqueta": "etiqueta", "titulo": "Avance por eje transversal", "color": estilo.PALETA[2],
                     "clave": "eje"}),
            Grafica("por_organismo", "barras_avance", self.por_organismo,
                    {"etiqueta": "sigla", "titulo": "Avance por organismo", "color": estilo.PALETA[1],
                     "clave": "organismo"}),
        )

    @cached_property
    def tabla(self) -> pd.DataFrame:
        """The table as the page shows it, built once per board (boards are shared by the sessions that show them)."""
        return tabla_para_mostrar(self.actividades)

    @property
    def demo(self) -> Demo:
        return Demo.de_kpis(self.kpi_actividades, self.kpi_compromisos, self.kpi_capacitaciones)

    @property
    def registros_demo(self) -> int:
        return self.demo.total

    @property
    def ultima_validacion(self) -> pd.Timestamp | None:
        """The newest validation among the activities, commitments and trainings the board counts."""
        return ultima_validacion(self.kpi_actividades, self.kpi_compromisos, self.kpi_capacitaciones)


def pizarra_nacional(consultar: Consultar, filtros: Filtros, hoy: date) -> PizarraNacional:
    por_eje = consulta_filtrada(consultar, "tableros/avance_por_eje", filtros)
    # The chart label names the programme too: both programmes number their ejes alike.
    por_eje = por_eje.assign(etiqueta=por_eje["programa_sigla"] + " · " + por_eje["nombre"])
    return PizarraNacional(
        hoy=hoy,
        kpi_actividades=primera_fila(consulta_filtrada(consultar, "tableros/kpi_actividades", filtros, hoy=hoy)),
        kpi_compromisos=primera_fila(consulta_filtrada(consultar, "tableros/kpi_compromisos", filtros)),
        kpi_capacitaciones=primera_fila(consulta_filtrada(consultar, "tableros/kpi_capacitaciones", filtros)),
        por_estatus=consulta_filtrada(consultar, "tableros/actividades_por_estatus", filtros),
        por_eje_tematico=por_eje[por_eje["tipo"] == "tematico"].reset_index(drop=True),
        por_eje_transversal=por_eje[por_eje["tipo"] == "transversal"].reset_index(drop=True),
        por_region=consulta_filtrada(consultar, "tableros/avance_por_region", filtros),
        por_organismo=consulta_filtrada(consultar, "tableros/avance_por_organismo", filtros, hoy=hoy),
        actividades=consulta_filtrada(consultar, "tableros/actividades_tabla", filtros, limite=FILAS_VISIBLES),
        no_aplican_compromisos=no_aplican("tableros/kpi_compromisos", filtros),
        no_aplican_capacitaciones=no_aplican("tableros/kpi_capacitaciones", filtros),
    )


def actividades_para_descarga(consultar: Consultar, filtros: Filtros) -> pd.DataFrame:
    """Every filtered activity, with the table's Spanish headers."""
    return tabla_para_mostrar(listado_completo(consultar, "tableros/actividades_tabla", filtros))


def tabla_para_mostrar(actividades: pd.DataFrame) -> pd.DataFrame:
    """The activities as the board and its downloads show them."""
    return con_encabezados(actividades, COLUMNAS_ACTIVIDADES, TEMA)


def detalle_actividad(fila: Mapping[str, object]) -> list[tuple[str, str]]:
    """Every field of one activity (a row of `actividades_tabla`) as (label, text), in the table's order."""
    return campos(
        fila,
        {k: etiquetas.etiqueta(k, TEMA) for k in COLUMNAS_ACTIVIDADES if k != "evidencia_url"},
        formatos={"avance": lambda v: f"{int(v)} %", "revision": lambda v: etiquetas.valor("revision", v)},
        vacios={"ejes_transversales": "Ninguno", "ods": "Sin alineación a un ODS"},
    )


def fuentes_actividad(fila: Mapping[str, object]) -> list[Fuente]:
    """The activity's evidence, its source."""
    return fuentes(fila.get("evidencia_url"))


def avisos_actividad(fila: Mapping[str, object]) -> list[str]:
    if bool(fila.get("es_demo")):
        return ["Esta actividad es un dato de demostración, no un reporte real del SNT."]
    return []
