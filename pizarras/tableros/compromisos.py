"""Compromisos de gobierno abierto: commitments of the local action plans by entidad and plan, status, policy area
and ODS alignment, the membership of the Secretariados Técnicos Locales (STL), and the table with its detail view.

ODS colours come from the `ods` catalog (through the query), never from code. The per-commitment ODS alignment and
the per-entidad STL split are demo data; the board says so and keeps the flags (`ods_es_demo`, `es_demo`) visible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pandas as pd

from pizarras import estilo, etiquetas
from pizarras.filtros import Filtros
from pizarras.tableros import (
    FILAS_VISIBLES,
    Consultar,
    Demo,
    con_encabezados,
    consulta_filtrada,
    listado_completo,
    no_aplican,
    primera_fila,
)
from pizarras.tableros.detalle import Fuente, campos, fuentes

SIN_ALINEACION = "Sin alineación directa"
AREAS_VISIBLES = 12
SECTORES = etiquetas.VALORES["sector"]

# The commitments table and its downloads (the detail view shows the same fields), leading with what a reader scans.
COLUMNAS_COMPROMISOS = [
    "titulo", "entidad", "estatus", "avance", "vencido", "plan_accion", "plan_periodo", "area_politica", "ods", "ods_nombre",
    "institucion_responsable", "problema_publico", "fecha_inicio", "fecha_fin", "anio_inicio", "anio_fin",
    "plan_numero", "region", "estatus_fuente", "ods_es_demo", "es_demo", "fuente_url", "id",
]
TEMA = "compromiso"


@dataclass(frozen=True)
class PizarraCompromisos:
    kpi: dict
    por_plan: pd.DataFrame
    por_estatus: pd.DataFrame
    por_area: pd.DataFrame
    por_ods: pd.DataFrame
    stl: pd.DataFrame
    compromisos: pd.DataFrame
    no_aplican: list[str]
    no_aplican_stl: list[str]

    @property
    def vacia(self) -> bool:
        return self.kpi["compromisos"] == 0

    @cached_property
    def tabla(self) -> pd.DataFrame:
        """The table as the page shows it, built once per board (boards are shared by the sessions that show them)."""
        return tabla_para_mostrar(self.compromisos)

    @property
    def demo(self) -> Demo:
        """Commitments that are demo rows, and real ones whose ODS alignment alone is demo."""
        return Demo.de_kpis(compromisos=self.kpi)

    @property
    def registros_demo(self) -> int:
        return self.demo.total

    @property
    def sin_avance(self) -> int:
        """Commitments whose source gives no progress percentage (left out of the average)."""
        return int((self.por_estatus["compromisos"] - self.por_estatus["con_avance"]).sum())

    @property
    def alineaciones_demo(self) -> int:
        return int(self.por_ods["alineacion_demo"].sum())

    @property
    def stl_es_demo(self) -> bool:
        return bool(self.stl["es_demo"].any())


def pizarra_compromisos(consultar: Consultar, filtros: Filtros, hoy: date) -> PizarraCompromisos:
    """Everything the board shows; `hoy` is the cut-off for overdue commitments."""
    return PizarraCompromisos(
        kpi=primera_fila(consulta_filtrada(consultar, "kpi_compromisos", filtros)),
        por_plan=consulta_filtrada(consultar, "compromisos_por_plan", filtros),
        por_estatus=consulta_filtrada(consultar, "compromisos_por_estatus", filtros),
        por_area=consulta_filtrada(consultar, "compromisos_por_area", filtros),
        por_ods=consulta_filtrada(consultar, "compromisos_por_ods", filtros),
        stl=consulta_filtrada(consultar, "stl_integrantes_por_sector", filtros),
        compromisos=consulta_filtrada(consultar, "compromisos_tabla", filtros, hoy=hoy, limite=FILAS_VISIBLES),
        no_aplican=no_aplican("compromisos_tabla", filtros),
        no_aplican_stl=no_aplican("stl_integrantes_por_sector", filtros),
    )


def ods_para_grafica(por_ods: pd.DataFrame) -> pd.DataFrame:
    """Rows of the ODS chart: 'ODS 16 · Paz, justicia…' in the catalog colour; the non-aligned row in grey, last."""
    alineados = por_ods[por_ods["ods"].notna()]
    filas = [
        {
            "ods": int(f["ods"]),
            "etiqueta": f"ODS {int(f['ods'])} · {f['nombre']}",
            "color": estilo.color_ods(f["color"]),
            "compromisos": int(f["compromisos"]),
            "alineacion_demo": int(f["alineacion_demo"]),
        }
        for _, f in alineados.sort_values("ods").iterrows()
    ]
    no_alineados = int(por_ods.loc[por_ods["ods"].isna(), "compromisos"].sum())
    if no_alineados:
        filas.append(
            {
                "ods": None,
                "etiqueta": SIN_ALINEACION,
                "color": estilo.COLOR_NO_ALINEADO,
                "compromisos": no_alineados,
                "alineacion_demo": 0,
            }
        )
    return pd.DataFrame(filas, columns=["ods", "etiqueta", "color", "compromisos", "alineacion_demo"])


def planes_para_grafica(por_plan: pd.DataFrame) -> pd.DataFrame:
    """The plans with their period as text ('sin periodo' when the source gives none)."""
    return por_plan.assign(plan_periodo_texto=por_plan["plan_periodo"].fillna("sin periodo en la fuente"))


def tabla_planes(por_plan: pd.DataFrame) -> pd.DataFrame:
    """The plans table with Spanish headers."""
    return con_encabezados(
        por_plan,
        ["entidad_nombre", "region", "plan_accion", "plan_numero", "plan_periodo", "compromisos", "concluidos",
         "avance_promedio", "alineados_ods"],
    )


def estatus_para_grafica(por_estatus: pd.DataFrame) -> pd.DataFrame:
    return por_estatus.assign(avance_texto=[estilo.porcentaje(v) for v in por_estatus["avance_promedio"]])


def areas_principales(por_area: pd.DataFrame, cuantas: int = AREAS_VISIBLES) -> pd.DataFrame:
    """The `cuantas` areas with most commitments (the query orders them)."""
    return por_area.head(cuantas).reset_index(drop=True)


def resto_de_areas(por_area: pd.DataFrame, cuantas: int = AREAS_VISIBLES) -> tuple[int, int]:
    """(areas, commitments) beyond the `cuantas` shown: the sources word areas freely, so the tail is long."""
    resto = por_area.iloc[cuantas:]
    return len(resto), int(resto["compromisos"].sum())


def tabla_areas(por_area: pd.DataFrame) -> pd.DataFrame:
    return con_encabezados(por_area, ["area", "compromisos", "concluidos", "avance_promedio"])


def stl_por_sector(stl: pd.DataFrame) -> pd.DataFrame:
    """STL members as one row per sector (fixed order) with Mujeres, Hombres and Total."""
    tabla = stl.pivot_table(index="sector", columns="sexo", values="personas", aggfunc="sum", fill_value=0)
    tabla = tabla.reindex(index=[s for s in SECTORES if s in tabla.index], columns=["mujer", "hombre"], fill_value=0)
    salida = pd.DataFrame(
        {
            "Sector": [SECTORES[s] for s in tabla.index],
            "Mujeres": tabla["mujer"].astype(int).to_numpy(),
            "Hombres": tabla["hombre"].astype(int).to_numpy(),
        }
    )
    return salida.assign(Total=salida["Mujeres"] + salida["Hombres"])


def compromisos_para_descarga(consultar: Consultar, filtros: Filtros, hoy: date) -> pd.DataFrame:
    """Every filtered commitment, with the table's Spanish headers."""
    return tabla_para_mostrar(listado_completo(consultar, "compromisos_tabla", filtros, hoy=hoy))


def tabla_para_mostrar(compromisos: pd.DataFrame) -> pd.DataFrame:
    """Every field as the board and its downloads show it."""
    return con_encabezados(compromisos, COLUMNAS_COMPROMISOS, TEMA)


def _avance(valor: object) -> str:
    return f"{int(valor)} %"


def detalle_compromiso(fila: Mapping[str, object]) -> list[tuple[str, str]]:
    """Every field of one commitment (a row of `compromisos_tabla`) as (label, text); no progress says so."""
    return campos(
        fila,
        {k: etiquetas.etiqueta(k, TEMA) for k in COLUMNAS_COMPROMISOS if k != "fuente_url"},
        formatos={"avance": _avance, "ods": lambda v: str(int(v))},
        vacios={"avance": "Sin porcentaje en la fuente", "ods": SIN_ALINEACION},
    )


def fuentes_compromiso(fila: Mapping[str, object]) -> list[Fuente]:
    return fuentes(fila.get("fuente_url"))


def avisos_compromiso(fila: Mapping[str, object]) -> list[str]:
    """What the reader must know about the record's data before trusting it."""
    avisos = []
    if bool(fila.get("es_demo")):
        avisos.append("Este compromiso es un dato de demostración: completa un plan publicado, no es un registro real.")
    if bool(fila.get("ods_es_demo")):
        avisos.append(
            "Su alineación a un ODS es de demostración: ninguna fuente alinea compromisos individuales a un ODS."
        )
    return avisos
