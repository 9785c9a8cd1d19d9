"""Capacitaciones: trainings and participants over time and by región, organiser, modality, type, theme and eje;
participants by sex where the source splits them; the table with its detail view.

Gaps are counted, never filled: trainings without a start date stay out of the monthly series, participants without
a sex split are their own bar, and the page says how many there are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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

SIN_DATO = "Sin dato"
ORGANIZADORES_VISIBLES = 10
MODALIDADES = etiquetas.VALORES["modalidad"]
TIPOS = etiquetas.VALORES["tipo_capacitacion"]
SIN_EJE = "Sin eje asignado"

# The trainings table and its downloads (the detail view shows the same fields), leading with what a reader scans.
COLUMNAS_CAPACITACIONES = [
    "titulo", "fecha_inicio", "organizador", "participantes", "tipo", "modalidad", "entidad", "organismo", "tema",
    "eje", "fecha_fin", "mujeres", "hombres", "sujetos_obligados", "publico", "region", "es_demo", "fuente_url", "id",
]
TEMA = "capacitacion"
_CONTEOS = ["participantes", "mujeres", "hombres", "sujetos_obligados"]


@dataclass(frozen=True)
class PizarraCapacitaciones:
    kpi: dict
    faltantes: dict
    por_mes: pd.DataFrame
    por_region: pd.DataFrame
    por_organizador: pd.DataFrame
    por_modalidad: pd.DataFrame
    por_tipo: pd.DataFrame
    por_tema: pd.DataFrame
    por_eje: pd.DataFrame
    capacitaciones: pd.DataFrame
    no_aplican: list[str]

    @cached_property
    def graficas(self) -> dict[str, Grafica]:
        """The board's charts: the monthly series (empty when no training has a start date), counts by región,
        sex, organiser, modality, type, theme and eje."""
        def conteo(clave, datos, etiqueta, titulo, color=estilo.PALETA[0], valor="capacitaciones",
                   unidad="capacitaciones", extra=("participantes", "Participantes")):
            return Grafica(clave, "barras_conteo", datos, {"etiqueta": etiqueta, "valor": valor, "titulo": titulo,
                                                            "unidad": unidad, "color": color, "extra": extra})

        principales = principales_organizadores(self.por_organizador)
        return declarar(
            Grafica("por_mes", "serie_mensual", self.por_mes),
            conteo("por_region", self.por_region, "nombre", "Capacitaciones por región"),
            conteo("participantes_por_region", self.por_region, "nombre", "Personas capacitadas por región",
                   valor="participantes", unidad="personas", extra=("capacitaciones", "Capacitaciones")),
            Grafica("por_sexo", "barras_sexo", participantes_por_sexo(self.kpi, self.faltantes)),
            conteo("por_organizador", principales, "organizador",
                   titulo_organizadores(principales, self.por_organizador), estilo.PALETA[1]),
            conteo("por_modalidad", con_modalidad(self.por_modalidad), "etiqueta", "Capacitaciones por modalidad"),
            conteo("por_tipo", con_tipo(self.por_tipo), "etiqueta", "Capacitaciones por tipo", estilo.PALETA[4]),
            conteo("por_tema", self.por_tema.assign(etiqueta=self.por_tema["tema"]), "etiqueta",
                   "Capacitaciones por tema", estilo.PALETA[2]),
            conteo("por_eje", con_eje(self.por_eje), "etiqueta", "Capacitaciones por eje", estilo.PALETA[3]),
        )

    @cached_property
    def tabla(self) -> pd.DataFrame:
        """The table as the page shows it, built once per board (boards are shared by the sessions that show them)."""
        return tabla_para_mostrar(self.capacitaciones)

    @property
    def vacia(self) -> bool:
        return self.kpi["capacitaciones"] == 0

    @property
    def cifras(self) -> list[Cifra]:
        """The headline figures, in the order the board shows them."""
        k, faltantes = self.kpi, self.faltantes
        return [
            cifra("capacitaciones", k["capacitaciones"]),
            cifra("participantes", k["participantes"]),
            cifra("mujeres", k["mujeres"]),
            cifra("hombres", k["hombres"]),
            cifra("organizadores", faltantes["organizadores"]),
            cifra("sujetos_obligados", faltantes["sujetos_obligados"],
                  ayuda="Algunas fuentes cuentan sujetos obligados capacitados en lugar de personas."),
        ]

    @property
    def demo(self) -> Demo:
        return Demo.de_kpis(capacitaciones=self.kpi)

    @property
    def registros_demo(self) -> int:
        return self.demo.total

    @property
    def ultima_validacion(self) -> pd.Timestamp | None:
        """The newest validation among the records the board counts."""
        return ultima_validacion(self.kpi)


def pizarra_capacitaciones(consultar: Consultar, filtros: Filtros) -> PizarraCapacitaciones:
    return PizarraCapacitaciones(
        kpi=primera_fila(consulta_filtrada(consultar, "tableros/kpi_capacitaciones", filtros)),
        faltantes=primera_fila(consulta_filtrada(consultar, "tableros/capacitaciones_faltantes", filtros)),
        por_mes=consulta_filtrada(consultar, "tableros/capacitaciones_por_mes", filtros),
        por_region=consulta_filtrada(consultar, "tableros/capacitaciones_por_region", filtros),
        por_organizador=consulta_filtrada(consultar, "tableros/capacitaciones_por_organizador", filtros),
        por_modalidad=consulta_filtrada(consultar, "tableros/capacitaciones_por_modalidad", filtros),
        por_tipo=consulta_filtrada(consultar, "tableros/capacitaciones_por_tipo", filtros),
        por_tema=consulta_filtrada(consultar, "tableros/capacitaciones_por_tema", filtros),
        por_eje=consulta_filtrada(consultar, "tableros/capacitaciones_por_eje", filtros),
        capacitaciones=consulta_filtrada(consultar, "tableros/capacitaciones_tabla", filtros, limite=FILAS_VISIBLES),
        no_aplican=no_aplican("tableros/capacitaciones_tabla", filtros),
    )


def _nombres(serie: pd.Series, nombres: Mapping[str, str]) -> list[str]:
    return [SIN_DATO if pd.isna(v) else nombres.get(v, str(v)) for v in serie]


def con_modalidad(tabla: pd.DataFrame) -> pd.DataFrame:
    """The rows with a readable modality label ('Sin dato' when the source does not say)."""
    return tabla.assign(etiqueta=_nombres(tabla["modalidad"], MODALIDADES))


def con_tipo(tabla: pd.DataFrame) -> pd.DataFrame:
    return tabla.assign(etiqueta=_nombres(tabla["tipo"], TIPOS))


def con_eje(tabla: pd.DataFrame) -> pd.DataFrame:
    """Eje labels as 'PROTAI · Gobierno abierto'; trainings not tied to an eje as 'Sin eje asignado'."""
    etiquetas = [
        SIN_EJE if pd.isna(e) else f"{p} · {n}"
        for e, p, n in zip(tabla["eje"], tabla["programa_sigla"], tabla["nombre"], strict=True)
    ]
    return tabla.assign(etiqueta=etiquetas)


def principales_organizadores(por_organizador: pd.DataFrame, cuantos: int = ORGANIZADORES_VISIBLES) -> pd.DataFrame:
    """The `cuantos` organisers with most trainings and every one tied with the last of them: cutting a tie would
    rank one organiser above another for no reason the reader can see."""
    if len(por_organizador) <= cuantos:
        return por_organizador.reset_index(drop=True)
    corte = por_organizador["capacitaciones"].iloc[cuantos - 1]
    return por_organizador[por_organizador["capacitaciones"] >= corte].reset_index(drop=True)


def titulo_organizadores(principales: pd.DataFrame, todos: pd.DataFrame, cuantos: int = ORGANIZADORES_VISIBLES) -> str:
    """The chart's title says how many it shows and why more than `cuantos` when there are ties."""
    if len(todos) <= cuantos:
        return f"Organizadores ({len(todos)})"
    if len(principales) > cuantos:
        return (
            f"Principales organizadores: los {cuantos} con más capacitaciones y sus empates "
            f"({len(principales)} de {len(todos)})"
        )
    return f"Principales organizadores ({len(principales)} de {len(todos)})"


def tabla_organizadores(por_organizador: pd.DataFrame) -> pd.DataFrame:
    return con_encabezados(por_organizador, ["organizador", "es_integrante", "capacitaciones", "participantes"])


def participantes_por_sexo(kpi: Mapping[str, object], faltantes: Mapping[str, object]) -> pd.DataFrame:
    """Women, men and participants the source does not split by sex."""
    return pd.DataFrame(
        {
            "sexo": ["mujer", "hombre", None],
            "etiqueta": ["Mujeres", "Hombres", "Sin dato de sexo"],
            "participantes": [int(kpi["mujeres"] or 0), int(kpi["hombres"] or 0),
                              int(faltantes["participantes_sin_sexo"] or 0)],
        }
    )


def capacitaciones_para_descarga(consultar: Consultar, filtros: Filtros) -> pd.DataFrame:
    """Every filtered training, with the table's Spanish headers."""
    return tabla_para_mostrar(listado_completo(consultar, "tableros/capacitaciones_tabla", filtros))


def tabla_para_mostrar(capacitaciones: pd.DataFrame) -> pd.DataFrame:
    """Every field as the board and its downloads show it."""
    return con_encabezados(capacitaciones, COLUMNAS_CAPACITACIONES, TEMA)


def detalle_capacitacion(fila: Mapping[str, object]) -> list[tuple[str, str]]:
    """Every field of one training (a row of `capacitaciones_tabla`) as (label, text)."""
    return campos(
        fila,
        {k: etiquetas.etiqueta(k, TEMA) for k in COLUMNAS_CAPACITACIONES if k != "fuente_url"},
        formatos={
            "tipo": lambda v: TIPOS.get(v, str(v)),
            "modalidad": lambda v: MODALIDADES.get(v, str(v)),
            **{c: estilo.entero for c in _CONTEOS},
        },
        vacios={
            "organismo": "No es integrante del SNT o la fuente no lo nombra",
            "fecha_inicio": "Sin fecha en la fuente",
            "participantes": "Sin dato en la fuente",
            "eje": "Sin eje asignado",
        },
    )


def fuentes_capacitacion(fila: Mapping[str, object]) -> list[Fuente]:
    return fuentes(fila.get("fuente_url"))


def avisos_capacitacion(fila: Mapping[str, object]) -> list[str]:
    if bool(fila.get("es_demo")):
        return ["Esta capacitación es un dato de demostración, no un registro real del SNT."]
    return []
