"""Compromisos de gobierno abierto: commitments of the local action plans by entidad and plan, status, policy area
and ODS alignment, the membership of the Secretariados Técnicos Locales (STL), and the table with its detail view.

ODS colours come from the `ods` catalog (through the query), never from code. The per-commitment ODS alignment and
the per-entidad STL split are demo data; the board says so and keeps the flags (`ods_es_demo`, `es_demo`) visible.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pandas as pd

from pizarras import estilo, etiquetas
from pizarras.lectura.areas import area_de, por_area_del_catalogo
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

SIN_ALINEACION = "Sin alineación directa"
SECTORES = etiquetas.VALORES["sector"]

# The commitments table and its downloads (the detail view shows the same fields), leading with what a reader scans.
COLUMNAS_COMPROMISOS = [
    "titulo", "entidad", "estatus", "avance", "vencido", "plan_accion", "plan_periodo", "area", "ods", "ods_nombre",
    "institucion_responsable", "problema_publico", "fecha_inicio", "fecha_fin", "anio_inicio", "anio_fin",
    "plan_numero", "plan_periodo_fuente", "area_politica", "region", "estatus_fuente", "ods_es_demo", "es_demo",
    "fuente_url", "id",
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

    @property
    def cifras(self) -> list[Cifra]:
        """The headline figures, in the order the board shows them."""
        k = self.kpi
        return [
            cifra("compromisos", k["compromisos"]),
            cifra("planes", k["planes"]),
            cifra("entidades", k["entidades"]),
            cifra("concluidos", k["concluidos"]),
            cifra("avance_promedio", k["avance_promedio"], estilo.porcentaje,
                  ayuda="Promedio de los compromisos con porcentaje de avance; sin porcentaje en su fuente: "
                  f"{self.sin_avance}."),
            cifra("alineados_ods", k["alineados_ods"]),
        ]

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
    def ultima_validacion(self) -> pd.Timestamp | None:
        """The newest validation among the records the board counts."""
        return ultima_validacion(self.kpi)

    @property
    def sin_avance(self) -> int:
        """Commitments whose source gives no progress percentage (left out of the average)."""
        return int((self.por_estatus["compromisos"] - self.por_estatus["con_avance"]).sum())

    @cached_property
    def areas(self) -> pd.DataFrame:
        """Commitments per policy area of the catalog (the sources word areas freely)."""
        return por_area_del_catalogo(self.por_area)

    @cached_property
    def graficas(self) -> dict[str, Grafica]:
        """The board's charts; the STL one only where the filters leave STL members."""
        graficas = [
            Grafica("por_plan", "barras_planes", planes_para_grafica(self.por_plan)),
            Grafica("por_estatus", "barras_estatus_avance", estatus_para_grafica(self.por_estatus)),
            Grafica("por_area", "barras_conteo", self.areas,
                    {"etiqueta": "area", "valor": "compromisos", "titulo": "Compromisos por área de política",
                     "unidad": "compromisos", "color": estilo.PALETA[2], "extra": ("concluidos", "Concluidos")}),
            Grafica("por_ods", "barras_ods", ods_para_grafica(self.por_ods)),
        ]
        if not self.stl.empty:
            graficas.append(Grafica("stl", "barras_stl", stl_por_sector(self.stl)))
        return declarar(*graficas)

    @property
    def alineaciones_demo(self) -> int:
        return int(self.por_ods["alineacion_demo"].sum())

    @property
    def stl_es_demo(self) -> bool:
        return bool(self.stl["es_demo"].any())


def pizarra_compromisos(consultar: Consultar, filtros: Filtros, hoy: date) -> PizarraCompromisos:
    """Everything the board shows; `hoy` is the cut-off for overdue commitments."""
    return PizarraCompromisos(
        kpi=primera_fila(consulta_filtrada(consultar, "tableros/kpi_compromisos", filtros)),
        por_plan=consulta_filtrada(consultar, "tableros/compromisos_por_plan", filtros),
        por_estatus=consulta_filtrada(consultar, "tableros/compromisos_por_estatus", filtros),
        por_area=consulta_filtrada(consultar, "tableros/compromisos_por_area", filtros),
        por_ods=consulta_filtrada(consultar, "tableros/compromisos_por_ods", filtros),
        stl=consulta_filtrada(consultar, "tableros/stl_integrantes_por_sector", filtros),
        compromisos=consulta_filtrada(consultar, "tableros/compromisos_tabla", filtros, hoy=hoy, limite=FILAS_VISIBLES),
        no_aplican=no_aplican("tableros/compromisos_tabla", filtros),
        no_aplican_stl=no_aplican("tableros/stl_integrantes_por_sector", filtros),
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


_PERIODO_DE_ANIOS = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})")
_PUBLICADO_POR_UN_ANIO = re.compile(r"publicado (\d{4})-\d{2}-\d{2}; duración de un año")
_UN_ANIO = re.compile(r"^\s*(\d{4})\b")


def periodo_en_anios(texto: object) -> str | None:
    """A plan's period as years ('2016–2017'), read from the source's wording ('publicado 2016-08-04; duración de un
    año', '2016-2018 (presentado 2016-11-30)', '2016 (publicado …)'); the text itself when it gives no years."""
    if not isinstance(texto, str) or not texto.strip():
        return None
    if m := _PERIODO_DE_ANIOS.match(texto):
        return f"{m[1]}–{m[2]}"
    if m := _PUBLICADO_POR_UN_ANIO.search(texto):
        return f"{m[1]}–{int(m[1]) + 1}"
    if m := _UN_ANIO.match(texto):
        return m[1]
    return texto.strip()


def con_datos_normalizados(tabla: pd.DataFrame) -> pd.DataFrame:
    """The plan's period in years and the policy area of the catalog, each beside the source's own words."""
    cambios = {}
    if "plan_periodo" in tabla.columns:
        cambios["plan_periodo_fuente"] = tabla["plan_periodo"]
        cambios["plan_periodo"] = [periodo_en_anios(t) for t in tabla["plan_periodo"]]
    if "area_politica" in tabla.columns:
        cambios["area"] = [area_de(t) for t in tabla["area_politica"]]
    return tabla.assign(**cambios)


def planes_para_grafica(por_plan: pd.DataFrame) -> pd.DataFrame:
    """The plans with their period in years ('sin periodo' when the source gives none)."""
    periodos = [periodo_en_anios(t) or "sin periodo en la fuente" for t in por_plan["plan_periodo"]]
    return por_plan.assign(plan_periodo_texto=periodos)


def tabla_planes(por_plan: pd.DataFrame) -> pd.DataFrame:
    """The plans table: period in years, then as the source words it."""
    return con_encabezados(
        con_datos_normalizados(por_plan),
        ["entidad_nombre", "region", "plan_accion", "plan_numero", "plan_periodo", "compromisos", "concluidos",
         "avance_promedio", "alineados_ods", "plan_periodo_fuente"],
    )


def estatus_para_grafica(por_estatus: pd.DataFrame) -> pd.DataFrame:
    return por_estatus.assign(
        nombre=[etiquetas.valor("estatus_compromiso", n) for n in por_estatus["nombre"]],
        avance_texto=[estilo.porcentaje(v) for v in por_estatus["avance_promedio"]],
    )


def tabla_areas(por_area: pd.DataFrame) -> pd.DataFrame:
    return con_encabezados(por_area, ["area", "compromisos", "concluidos", "avance_promedio", "textos_fuente"])


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
    return tabla_para_mostrar(listado_completo(consultar, "tableros/compromisos_tabla", filtros, hoy=hoy))


def tabla_para_mostrar(compromisos: pd.DataFrame) -> pd.DataFrame:
    """Every field as the board and its downloads show it."""
    return con_encabezados(con_datos_normalizados(compromisos), COLUMNAS_COMPROMISOS, TEMA)


def _avance(valor: object) -> str:
    return f"{int(valor)} %"


def detalle_compromiso(fila: Mapping[str, object]) -> list[tuple[str, str]]:
    """Every field of one commitment (a row of `compromisos_tabla`) as (label, text); no progress says so."""
    fila = con_datos_normalizados(pd.DataFrame([dict(fila)])).iloc[0].to_dict()
    return campos(
        fila,
        {k: etiquetas.etiqueta(k, TEMA) for k in COLUMNAS_COMPROMISOS if k != "fuente_url"},
        formatos={"avance": _avance, "ods": lambda v: str(int(v)),
                  "estatus": lambda v: etiquetas.valor("estatus_compromiso", v)},
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
