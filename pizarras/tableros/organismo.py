"""Pizarra por organismo: one organismo's activities by eje and status, what is overdue, when it last reported, the
gobierno abierto commitments of its entidad and the trainings it organised — all under the global filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from pizarras.filtros import Filtros
from pizarras.tableros import FILAS_VISIBLES, Consultar, con_encabezados, consulta_filtrada, no_aplican, primera_fila

ENCABEZADOS_EJES = {
    "programa_sigla": "Programa",
    "nombre": "Eje",
    "tipo": "Tipo de eje",
    "actividades": "Actividades",
    "programadas": "Programadas",
    "en_proceso": "En proceso",
    "concluidas": "Concluidas",
    "canceladas": "Canceladas",
    "vencidas": "Vencidas",
    "avance_promedio": "Avance promedio (%)",
}
ENCABEZADOS_VENCIDAS = {
    "id": "ID",
    "programa": "Programa",
    "eje": "Eje temático",
    "titulo": "Actividad",
    "estatus": "Estatus",
    "avance": "Avance (%)",
    "fecha_fin": "Fin programado",
    "dias_vencida": "Días de retraso",
    "reportado_en": "Fecha de reporte",
    "es_demo": "Dato de demostración",
}
ENCABEZADOS_COMPROMISOS = {
    "id": "ID",
    "entidad": "Entidad",
    "plan_accion": "Plan de acción",
    "plan_periodo": "Periodo del plan",
    "titulo": "Compromiso",
    "area_politica": "Área de política",
    "ods": "ODS",
    "ods_nombre": "Nombre del ODS",
    "estatus": "Estatus",
    "avance": "Avance (%)",
    "vencido": "Vencido",
    "fuente_url": "Fuente",
    "es_demo": "Dato de demostración",
    "ods_es_demo": "ODS de demostración",
}
ENCABEZADOS_CAPACITACIONES = {
    "id": "ID",
    "titulo": "Capacitación",
    "tipo": "Tipo",
    "organizador": "Organizador",
    "entidad": "Entidad",
    "modalidad": "Modalidad",
    "tema": "Tema",
    "eje": "Eje",
    "fecha_inicio": "Inicio",
    "fecha_fin": "Fin",
    "participantes": "Participantes",
    "mujeres": "Mujeres",
    "hombres": "Hombres",
    "fuente_url": "Fuente",
    "es_demo": "Dato de demostración",
}
TIPOS_EJE = {"tematico": "Temático", "transversal": "Transversal"}


@dataclass(frozen=True)
class PizarraOrganismo:
    ficha: dict
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
    def registros_demo(self) -> int:
        return (
            int(self.kpi_actividades["demo"] or 0)
            + int(self.kpi_compromisos["demo"] or 0)
            + int(self.kpi_capacitaciones["demo"] or 0)
        )


def pizarra_organismo(consultar: Consultar, filtros: Filtros, organismo: str, hoy: date) -> PizarraOrganismo:
    """Everything the board shows for `organismo`, under the other global filters; `hoy` is the overdue cut-off."""
    ficha = consultar("ficha_organismo", {"organismo": organismo})
    if ficha.empty:
        raise ValueError(f"No existe el organismo {organismo!r} en el catálogo.")
    filtros = filtros.con(organismo=[organismo])
    return PizarraOrganismo(
        ficha=primera_fila(ficha),
        kpi_actividades=primera_fila(consulta_filtrada(consultar, "kpi_actividades", filtros, hoy=hoy)),
        kpi_compromisos=primera_fila(consulta_filtrada(consultar, "kpi_compromisos", filtros)),
        kpi_capacitaciones=primera_fila(consulta_filtrada(consultar, "kpi_capacitaciones", filtros)),
        por_eje=consulta_filtrada(consultar, "actividades_por_eje_estatus", filtros, hoy=hoy),
        vencidas=consulta_filtrada(consultar, "actividades_vencidas", filtros, hoy=hoy, limite=FILAS_VISIBLES),
        actividades=consulta_filtrada(consultar, "actividades_tabla", filtros, limite=FILAS_VISIBLES),
        compromisos=consulta_filtrada(consultar, "compromisos_tabla", filtros, hoy=hoy, limite=FILAS_VISIBLES),
        capacitaciones=consulta_filtrada(consultar, "capacitaciones_tabla", filtros, limite=FILAS_VISIBLES),
        compromisos_vencidos=int(consulta_filtrada(consultar, "compromisos_vencidos", filtros, hoy=hoy)["vencidos"].iloc[0]),
        no_aplican_compromisos=no_aplican("compromisos_tabla", filtros),
        no_aplican_capacitaciones=no_aplican("capacitaciones_tabla", filtros),
    )


def tabla_ejes(por_eje: pd.DataFrame) -> pd.DataFrame:
    """Activities per eje and status with Spanish headers; the eje kind spelled out."""
    return con_encabezados(por_eje.assign(tipo=por_eje["tipo"].map(TIPOS_EJE)), ENCABEZADOS_EJES)


def tabla_vencidas(vencidas: pd.DataFrame) -> pd.DataFrame:
    return con_encabezados(vencidas, ENCABEZADOS_VENCIDAS)


def tabla_compromisos(compromisos: pd.DataFrame) -> pd.DataFrame:
    return con_encabezados(compromisos, ENCABEZADOS_COMPROMISOS)


def tabla_capacitaciones(capacitaciones: pd.DataFrame) -> pd.DataFrame:
    return con_encabezados(capacitaciones, ENCABEZADOS_CAPACITACIONES)
