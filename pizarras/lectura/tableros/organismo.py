"""Pizarra por organismo: one organismo's activities by eje and status, what is overdue, when it last reported, the
gobierno abierto commitments of its entidad and the trainings it organised — all under the global filters."""

from __future__ import annotations

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
    capacitaciones,
    compromisos,
    con_encabezados,
    consulta_filtrada,
    nacional,
    no_aplican,
    primera_fila,
    ultima_validacion,
)

NOTA_EJES = ("Una actividad cuenta en su eje temático y en cada eje transversal que declara; el avance promedio no "
             "incluye las canceladas.")
COLUMNAS_EJES = [
    "programa_sigla", "nombre", "tipo", "actividades", "programadas", "en_proceso", "concluidas", "canceladas",
    "vencidas", "avance_promedio",
]
COLUMNAS_VENCIDAS = [
    "titulo", "dias_vencida", "fecha_fin", "estatus", "avance", "programa", "eje", "reportado_en", "es_demo", "id",
]
# The same columns, names and order as the national, compromisos and capacitaciones boards: one table per thing.
COLUMNAS_ACTIVIDADES = nacional.COLUMNAS_ACTIVIDADES
COLUMNAS_COMPROMISOS = compromisos.COLUMNAS_COMPROMISOS
COLUMNAS_CAPACITACIONES = capacitaciones.COLUMNAS_CAPACITACIONES


@dataclass(frozen=True)
class PizarraOrganismo:
    ficha: dict
    hoy: date  # the cut-off for overdue activities and commitments
    kpi_actividades: dict
    kpi_compromisos: dict
    kpi_capacitaciones: dict
    por_eje: pd.DataFrame
    vencidas: pd.DataFrame
    actividades: pd.DataFrame
    compromisos: pd.DataFrame
    compromisos_vencidos: int
    capacitaciones: pd.DataFrame
    no_aplican_compromisos: list[str]
    no_aplican_capacitaciones: list[str]

    @property
    def es_local(self) -> bool:
        """Only local garantes have an entidad with gobierno abierto commitments."""
        return self.ficha["tipo"] == "local"

    @property
    def sin_actividades(self) -> bool:
        return self.kpi_actividades["actividades"] == 0

    @property
    def vacia(self) -> bool:
        """Nothing at all under the filters: no activities, commitments or trainings."""
        return self.sin_actividades and self.compromisos.empty and self.capacitaciones.empty

    @property
    def cifras(self) -> list[Cifra]:
        """The headline figures, in the order the board shows them."""
        k = self.kpi_actividades
        return [
            cifra("actividades", k["actividades"]),
            cifra("concluidas", k["concluidas"]),
            cifra("avance_promedio", k["avance_promedio"], estilo.porcentaje),
            cifra("vencidas", k["vencidas"], ayuda=etiquetas.ayuda_vencidas(self.hoy)),
            cifra("ultimo_reporte", k["ultimo_reporte"], estilo.fecha,
                  ayuda="Fecha del reporte más reciente con los filtros elegidos."),
            cifra("compromisos", self.kpi_compromisos["compromisos"],
                  ayuda="De los planes de acción locales de su entidad."),
            cifra("compromisos_vencidos", self.compromisos_vencidos,
                  ayuda="El plan de acción terminó y el compromiso no se reporta concluido ni cancelado."),
            cifra("capacitaciones_organizadas", self.kpi_capacitaciones["capacitaciones"]),
            cifra("personas_capacitadas", self.kpi_capacitaciones["participantes"]),
        ]

    @cached_property
    def graficas(self) -> dict[str, Grafica]:
        """Progress by eje (the programme named too: both programmes number their ejes alike)."""
        temas = self.por_eje.assign(etiqueta=self.por_eje["programa_sigla"] + " · " + self.por_eje["nombre"])
        return declarar(
            Grafica("por_eje", "barras_avance", temas,
                    {"etiqueta": "etiqueta", "titulo": f"Avance por eje · {self.ficha['sigla']}", "clave": "eje"}),
        )

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


def pizarra_organismo(consultar: Consultar, filtros: Filtros, organismo: str, hoy: date) -> PizarraOrganismo:
    """Everything the board shows for `organismo`, under the other global filters; `hoy` is the overdue cut-off."""
    ficha = consultar("tableros/ficha_organismo", {"organismo": organismo})
    if ficha.empty:
        raise ValueError(f"No existe el organismo {organismo!r} en el catálogo.")
    filtros = filtros.con(organismo=[organismo])
    return PizarraOrganismo(
        ficha=primera_fila(ficha),
        hoy=hoy,
        kpi_actividades=primera_fila(consulta_filtrada(consultar, "tableros/kpi_actividades", filtros, hoy=hoy)),
        kpi_compromisos=primera_fila(consulta_filtrada(consultar, "tableros/kpi_compromisos", filtros)),
        kpi_capacitaciones=primera_fila(consulta_filtrada(consultar, "tableros/kpi_capacitaciones", filtros)),
        por_eje=consulta_filtrada(consultar, "tableros/actividades_por_eje_estatus", filtros, hoy=hoy),
        vencidas=consulta_filtrada(consultar, "tableros/actividades_vencidas", filtros, hoy=hoy, limite=FILAS_VISIBLES),
        actividades=consulta_filtrada(consultar, "tableros/actividades_tabla", filtros, limite=FILAS_VISIBLES),
        compromisos=consulta_filtrada(consultar, "tableros/compromisos_tabla", filtros, hoy=hoy, limite=FILAS_VISIBLES),
        capacitaciones=consulta_filtrada(consultar, "tableros/capacitaciones_tabla", filtros, limite=FILAS_VISIBLES),
        compromisos_vencidos=int(
            consulta_filtrada(consultar, "tableros/compromisos_vencidos", filtros, hoy=hoy)["vencidos"].iloc[0]
        ),
        no_aplican_compromisos=no_aplican("tableros/compromisos_tabla", filtros),
        no_aplican_capacitaciones=no_aplican("tableros/capacitaciones_tabla", filtros),
    )


def tabla_ejes(por_eje: pd.DataFrame) -> pd.DataFrame:
    """Activities per eje and status, the eje kind spelled out."""
    return con_encabezados(por_eje, COLUMNAS_EJES, "eje")


def tabla_vencidas(vencidas: pd.DataFrame) -> pd.DataFrame:
    return con_encabezados(vencidas, COLUMNAS_VENCIDAS, nacional.TEMA)


def tabla_compromisos(compromisos_: pd.DataFrame) -> pd.DataFrame:
    return compromisos.tabla_para_mostrar(compromisos_)


def tabla_capacitaciones(capacitaciones_: pd.DataFrame) -> pd.DataFrame:
    return capacitaciones.tabla_para_mostrar(capacitaciones_)
