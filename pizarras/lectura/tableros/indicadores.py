"""Indicadores de los programas: each indicator's sheet (2020 baseline, a goal per year 2022-2026) against the
values achieved, and this year's state (cumple / cerca / rezagado / sin dato) by one rule written as a sentence.

The catalogue is reference data the Secretaría Ejecutiva loads (like the ejes); the yearly values follow the review
rule of every record: the public reads the version last validated (`mediciones_publicadas`). Where a sheet names a
computation the boards can do (`calculo`), the value computed from the same activities the other boards read is
shown beside the reported one; the state follows the reported value and falls back to the computed one only when
nothing was reported. Only programa, eje and periodo narrow this board: an indicator belongs to a programme and an
eje, not to a región or an organismo.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Literal

import pandas as pd

from pizarras import estilo
from pizarras.lectura.filtros import POR_CLAVE, Filtros
from pizarras.lectura.grafica import Grafica, declarar
from pizarras.lectura.tableros import Consultar, consulta_filtrada

Estado = Literal["cumple", "cerca", "rezagado", "sin_dato"]
ANIOS_META = (2022, 2023, 2024, 2025, 2026)
ANIO_BASE = 2020
# How far short of the goal still counts as «cerca»: a tenth of the goal.
TOLERANCIA = 0.10
# Okabe–Ito colours (colour-blind safe), always shown with the state's word.
ESTADOS: dict[Estado, tuple[str, str]] = {
    "cumple": ("Cumple", "#009E73"),
    "cerca": ("Cerca", "#E69F00"),
    "rezagado": ("Rezagado", "#D55E00"),
    "sin_dato": ("Sin dato", "#999999"),
}
REGLA = (
    "Estado del año: se compara el valor del año con la meta del año. «Cumple» si la alcanza (si mayor es mejor, "
    "el valor es igual o mayor que la meta; si menor es mejor, igual o menor). «Cerca» si le falta a lo más el "
    f"{round(TOLERANCIA * 100)} % de la meta. «Rezagado» si le falta más. «Sin dato» si no hay valor validado o la "
    "ficha no tiene meta para ese año. Se usa el valor reportado; si no hay y la ficha dice que se calcula, el "
    "valor calculado con las actividades publicadas."
)
CALCULOS = {
    "organismos_con_concluida_en_eje": "indicadores/organismos_con_concluida_en_eje",
}
FILTROS_QUE_APLICAN = ("programa", "eje", "periodo")
VACIO = (
    "Todavía no hay indicadores: esta base se construyó sin datos de demostración y aún no tiene las fichas oficiales "
    "del PROTAI y del PRONADATOS. Esta versión todavía no permite cargarlas (ni las fichas ni sus valores por año); "
    "el README, sección «Indicadores de los programas», dice qué falta. Para ver la pizarra con el juego de "
    "demostración, construya la base con `make data` (sin SIN_DEMO=1)."
)


def _vacio(valor: object) -> bool:
    return valor is None or (isinstance(valor, float) and math.isnan(valor)) or estilo.vacio(valor)


def estado(valor: float | None, meta: float | None, sentido: str) -> Estado:
    """The state of a value against its goal: `sentido` 'mayor' (higher is better) or 'menor'."""
    if _vacio(valor) or _vacio(meta):
        return "sin_dato"
    valor, meta = float(valor), float(meta)
    margen = TOLERANCIA * abs(meta)
    if sentido == "menor":
        if valor <= meta:
            return "cumple"
        return "cerca" if valor <= meta + margen else "rezagado"
    if sentido != "mayor":
        raise ValueError(f"sentido desconocido: {sentido!r}")
    if valor >= meta:
        return "cumple"
    return "cerca" if valor >= meta - margen else "rezagado"


def meta_de(indicador: dict, anio: int) -> float | None:
    """The sheet's goal for a year (None: the sheet has none)."""
    valor = indicador.get(f"meta_{anio}")
    return None if _vacio(valor) else float(valor)


def anio_de_corte(filtros: Filtros, ultimo_con_valor: int | None, hoy: date) -> int:
    """The year the state is judged on: the latest chosen periodo; else the latest year with a value among all the
    indicators (the programme's data stop before its last year), else this year, within the programme's years."""
    if filtros.periodo:
        return int(max(filtros.periodo))
    anio = hoy.year if _vacio(ultimo_con_valor) else int(ultimo_con_valor)
    return min(max(anio, ANIOS_META[0]), ANIOS_META[-1])


def formato(valor: float | None, unidad: str) -> str:
    """'61 %', '11.9 días hábiles', '176,200 personas'; '—' when missing."""
    if _vacio(valor):
        return estilo.SIN_DATO
    numero = float(valor)
    texto = f"{numero:,.0f}" if numero == round(numero) else f"{numero:,.1f}"
    return f"{texto} %" if unidad == "porcentaje" else f"{texto} {unidad}"


@dataclass(frozen=True)
class Situacion:
    """One indicator in the year judged: its goal, its values and its state."""

    anio: int
    meta: float | None
    reportado: float | None
    calculado: float | None
    estado: Estado
    segun: Literal["reportado", "calculado", None]  # which value the state follows

    @property
    def etiqueta(self) -> str:
        return ESTADOS[self.estado][0]

    @property
    def color(self) -> str:
        return ESTADOS[self.estado][1]


def situacion(indicador: dict, valores: pd.DataFrame, calculados: pd.DataFrame, anio: int) -> Situacion:
    """The state of one indicator in `anio`, from its reported values (`anio`, `valor`) and computed ones."""
    meta = meta_de(indicador, anio)
    reportado = _valor_en(valores, anio)
    calculado = _valor_en(calculados, anio)
    segun = "reportado" if reportado is not None else ("calculado" if calculado is not None else None)
    valor = reportado if reportado is not None else calculado
    return Situacion(anio, meta, reportado, calculado, estado(valor, meta, indicador["sentido"]), segun)


def _valor_en(tabla: pd.DataFrame, anio: int) -> float | None:
    if tabla.empty:
        return None
    fila = tabla[tabla["anio"] == anio]
    if fila.empty or _vacio(fila["valor"].iloc[0]):
        return None
    return float(fila["valor"].iloc[0])


def trayectoria(indicador: dict, valores: pd.DataFrame, calculados: pd.DataFrame) -> pd.DataFrame:
    """The chart's data: the 2020 baseline, the goal of each year and the values achieved (reported, and
    computed where the sheet says so). One row per series and year: serie, anio, valor."""
    filas = []
    if not _vacio(indicador.get("linea_base")):
        filas.append(("Línea base", ANIO_BASE, float(indicador["linea_base"])))
    filas += [("Meta", a, meta_de(indicador, a)) for a in ANIOS_META if meta_de(indicador, a) is not None]
    for serie, tabla in (("Logrado", valores), ("Calculado", calculados)):
        if not tabla.empty:
            filas += [(serie, int(a), float(v)) for a, v in zip(tabla["anio"], tabla["valor"], strict=True)
                      if not _vacio(v)]
    return pd.DataFrame(filas, columns=["serie", "anio", "valor"])


@dataclass(frozen=True)
class Indicador:
    ficha: dict
    situacion: Situacion
    trayectoria: pd.DataFrame
    valores: pd.DataFrame  # the reported values shown (public: validated only)

    @property
    def titulo(self) -> str:
        return f"{self.ficha['clave']} · {self.ficha['nombre']}"

    def resumen(self) -> str:
        """'En 2025: 61 % reportado frente a una meta de 60 %.' (the state's word goes beside it)."""
        s, unidad = self.situacion, self.ficha["unidad"]
        if s.estado == "sin_dato":
            falta = "la ficha no tiene meta para ese año" if s.meta is None else "no hay valor validado"
            return f"En {s.anio}: {falta}."
        return (f"En {s.anio}: {formato(s.reportado if s.segun == 'reportado' else s.calculado, unidad)} "
                f"{'reportado' if s.segun == 'reportado' else 'calculado'} frente a una meta de "
                f"{formato(s.meta, unidad)}.")


SENTIDOS = {"mayor": "Mayor es mejor", "menor": "Menor es mejor"}
COLUMNAS_TABLA = [
    "Programa", "Eje", "Clave", "Indicador", "Unidad", "Sentido", "Línea base 2020", "Año", "Meta del año",
    "Valor reportado", "Valor calculado", "Estado", "Ficha verificada", "Dato de demostración",
]


@dataclass(frozen=True)
class PizarraIndicadores:
    indicadores: list[Indicador]
    anio: int
    no_aplican: list[str]
    catalogo_vacio: bool  # no indicator at all in the database (not just none under the filters)
    ultima_validacion: pd.Timestamp | None = None  # the newest validation among the values shown (public view)

    @property
    def vacia(self) -> bool:
        return not self.indicadores

    @property
    def demo(self) -> int:
        """How many of the indicators shown are demo sheets."""
        return sum(bool(i.ficha["es_demo"]) for i in self.indicadores)

    def aviso_demo(self) -> str | None:
        if not self.demo:
            return None
        return (f"Datos de demostración: {estilo.cantidad(self.demo, 'indicador', 'indicadores')} de esta página "
                f"({'es una ficha' if self.demo == 1 else 'son fichas'} de demostración, sin verificar, y "
                f"{'su valor' if self.demo == 1 else 'sus valores'} no {'es real' if self.demo == 1 else 'son reales'}"
                "): no son las fichas oficiales del programa (columna «Dato de demostración» en la tabla).")

    def conteo_estados(self) -> dict[Estado, int]:
        cuenta = {e: 0 for e in ESTADOS}
        for i in self.indicadores:
            cuenta[i.situacion.estado] += 1
        return cuenta

    @property
    def tabla(self) -> pd.DataFrame:
        filas = []
        for i in self.indicadores:
            f, s = i.ficha, i.situacion
            filas.append([
                f["programa_sigla"], f["eje_nombre"], f["clave"], f["nombre"], f["unidad"], SENTIDOS[f["sentido"]],
                f["linea_base"], s.anio, s.meta, s.reportado, s.calculado, s.etiqueta,
                "Sí" if f["verificado"] else "No", "Sí" if f["es_demo"] else "No",
            ])
        tabla = pd.DataFrame(filas, columns=COLUMNAS_TABLA)
        for columna in ("Línea base 2020", "Meta del año", "Valor reportado", "Valor calculado"):
            tabla[columna] = pd.to_numeric(tabla[columna], errors="coerce").astype("Float64")
        return tabla

    @property
    def graficas(self) -> dict[str, Grafica]:
        return declarar(*(
            Grafica(i.ficha["clave"], "indicador", i.trayectoria,
                    {"titulo": f"{i.ficha['clave']}: metas y lo logrado", "unidad": i.ficha["unidad"]})
            for i in self.indicadores
        ))


def pizarra_indicadores(consultar: Consultar, filtros: Filtros, hoy: date) -> PizarraIndicadores:
    catalogo = consulta_filtrada(consultar, "indicadores/catalogo", filtros)
    mediciones = consulta_filtrada(consultar, "indicadores/mediciones", filtros)
    no_aplican = [POR_CLAVE[c].etiqueta for c in filtros.activos() if c not in FILTROS_QUE_APLICAN]
    vacio = catalogo.empty and consulta_filtrada(consultar, "indicadores/catalogo", Filtros()).empty
    calculados = {
        calculo: consulta_filtrada(consultar, consulta, filtros)
        for calculo, consulta in CALCULOS.items()
        if not catalogo.empty and (catalogo["calculo"] == calculo).any()
    }
    ultimo = consulta_filtrada(consultar, "indicadores/ultimo_anio", filtros)["anio"].iloc[0]
    anio = anio_de_corte(filtros, ultimo, hoy)
    indicadores = []
    for ficha in catalogo.to_dict("records"):
        ficha = {k: (None if estilo.vacio(v) else v) for k, v in ficha.items()}
        valores = mediciones[mediciones["indicador"] == ficha["clave"]]
        hechos = calculados.get(ficha["calculo"]) if ficha["calculo"] else None
        hechos = (hechos[hechos["indicador"] == ficha["clave"]] if hechos is not None
                  else pd.DataFrame(columns=["anio", "valor"]))
        indicadores.append(Indicador(ficha, situacion(ficha, valores, hechos, anio),
                                     trayectoria(ficha, valores, hechos), valores))
    validadas = mediciones["validada_en"].dropna() if not mediciones.empty else mediciones
    return PizarraIndicadores(indicadores, anio, no_aplican, vacio,
                              pd.Timestamp(validadas.max()) if len(validadas) else None)
