"""Pizarra por región: the organismos of one región side by side (average progress, activities, concluded,
overdue, last report), including those that reported nothing under the filters, plus the región's headline figures."""

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
    Consultar,
    Demo,
    con_encabezados,
    consulta_filtrada,
    no_aplican,
    primera_fila,
    ultima_validacion,
)

COLUMNAS_ORGANISMOS = [
    "sigla", "entidad", "avance_promedio", "actividades", "concluidas", "vencidas", "ultimo_reporte",
]


@dataclass(frozen=True)
class PizarraRegion:
    region: str
    nombre: str
    hoy: date  # the cut-off for overdue activities
    kpi_actividades: dict
    kpi_compromisos: dict
    kpi_capacitaciones: dict
    organismos: pd.DataFrame
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
            cifra("organismos", len(self.organismos), ayuda="Organismos de la región con los filtros de lugar elegidos."),
            cifra("organismos_reportando", k["organismos_reportando"]),
            cifra("actividades", k["actividades"]),
            cifra("avance_promedio", k["avance_promedio"], estilo.porcentaje),
            cifra("vencidas", k["vencidas"], ayuda=etiquetas.ayuda_vencidas(self.hoy)),
            cifra("concluidas", k["concluidas"]),
            cifra("ultimo_reporte", k["ultimo_reporte"], estilo.fecha),
            cifra("compromisos", self.kpi_compromisos["compromisos"]),
            cifra("personas_capacitadas", self.kpi_capacitaciones["participantes"]),
        ]

    @property
    def organismos_con_actividades(self) -> pd.DataFrame:
        return self.organismos[self.organismos["actividades"] > 0].reset_index(drop=True)

    @cached_property
    def graficas(self) -> dict[str, Grafica]:
        """The region's organismos with activities, side by side; a click on a bar reports the organismo."""
        return declarar(
            Grafica("por_organismo", "barras_avance", self.organismos_con_actividades,
                    {"etiqueta": "sigla", "titulo": f"Avance por organismo — {self.nombre}",
                     "color": estilo.PALETA[1], "clave": "organismo"}),
        )

    @property
    def organismos_sin_actividades(self) -> list[str]:
        return list(self.organismos.loc[self.organismos["actividades"] == 0, "sigla"])

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


def pizarra_region(consultar: Consultar, filtros: Filtros, region: str, hoy: date) -> PizarraRegion:
    """The board of `region` under the other global filters; `hoy` is the cut-off for overdue activities."""
    regiones = consultar("catalogos/catalogo_regiones", {})
    nombres = dict(zip(regiones["clave"], regiones["nombre"], strict=True))
    if region not in nombres:
        raise ValueError(f"No existe la región {region!r} en el catálogo.")
    filtros = filtros.con(region=[region])
    return PizarraRegion(
        region=region,
        nombre=nombres[region],
        hoy=hoy,
        kpi_actividades=primera_fila(consulta_filtrada(consultar, "tableros/kpi_actividades", filtros, hoy=hoy)),
        kpi_compromisos=primera_fila(consulta_filtrada(consultar, "tableros/kpi_compromisos", filtros)),
        kpi_capacitaciones=primera_fila(consulta_filtrada(consultar, "tableros/kpi_capacitaciones", filtros)),
        organismos=consulta_filtrada(consultar, "tableros/organismos_comparados", filtros, hoy=hoy),
        no_aplican_compromisos=no_aplican("tableros/kpi_compromisos", filtros),
        no_aplican_capacitaciones=no_aplican("tableros/kpi_capacitaciones", filtros),
    )


def tabla_organismos(organismos: pd.DataFrame) -> pd.DataFrame:
    """The side-by-side table with Spanish headers (sortable in the page)."""
    return con_encabezados(organismos, COLUMNAS_ORGANISMOS)
