"""The map of the 32 entidades as a tile-grid cartogram: one square per entidad at a fixed (row, column) that
approximates Mexico's geography, coloured by a chosen measure.

Why not a geographic map: plotly's geo traces fetch topojson from a CDN and its tile maps fetch tiles, and the boards
must work with no internet access; no Mexican state boundaries ship with plotly. A tile grid needs no boundary data,
gives every entidad the same visual weight (Tlaxcala is as visible as Chihuahua) and still reads as Mexico.
Colours: viridis, reversed so that more is darker — perceptually uniform and readable with colour-vision deficiencies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from pizarras import estilo
from pizarras.graficas.avance import TEXTO
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros import Consultar, Demo, con_encabezados, consulta_filtrada, no_aplican


class Casilla(NamedTuple):
    fila: int
    columna: int
    abreviatura: str


# INEGI key -> tile. Rows run north to south, columns west to east (9 columns, 5 rows):
#   BC   SON  CHIH COAH NL
#   BCS  SIN  DGO  ZAC  SLP  TAMPS
#        NAY  AGS  GTO  QRO  HGO  VER
#        JAL  MICH MEX  CDMX TLAX PUE       YUC
#        COL  GRO  MOR  OAX  CHIS TAB  CAMP QROO
CUADRICULA: dict[str, Casilla] = {
    "02": Casilla(0, 0, "BC"),
    "26": Casilla(0, 1, "SON"),
    "08": Casilla(0, 2, "CHIH"),
    "05": Casilla(0, 3, "COAH"),
    "19": Casilla(0, 4, "NL"),
    "03": Casilla(1, 0, "BCS"),
    "25": Casilla(1, 1, "SIN"),
    "10": Casilla(1, 2, "DGO"),
    "32": Casilla(1, 3, "ZAC"),
    "24": Casilla(1, 4, "SLP"),
    "28": Casilla(1, 5, "TAMPS"),
    "18": Casilla(2, 1, "NAY"),
    "01": Casilla(2, 2, "AGS"),
    "11": Casilla(2, 3, "GTO"),
    "22": Casilla(2, 4, "QRO"),
    "13": Casilla(2, 5, "HGO"),
    "30": Casilla(2, 6, "VER"),
    "14": Casilla(3, 1, "JAL"),
    "16": Casilla(3, 2, "MICH"),
    "15": Casilla(3, 3, "MEX"),
    "09": Casilla(3, 4, "CDMX"),
    "29": Casilla(3, 5, "TLAX"),
    "21": Casilla(3, 6, "PUE"),
    "31": Casilla(3, 8, "YUC"),
    "06": Casilla(4, 1, "COL"),
    "12": Casilla(4, 2, "GRO"),
    "17": Casilla(4, 3, "MOR"),
    "20": Casilla(4, 4, "OAX"),
    "07": Casilla(4, 5, "CHIS"),
    "27": Casilla(4, 6, "TAB"),
    "04": Casilla(4, 7, "CAMP"),
    "23": Casilla(4, 8, "QROO"),
}
FILAS = 1 + max(c.fila for c in CUADRICULA.values())
COLUMNAS = 1 + max(c.columna for c in CUADRICULA.values())


@dataclass(frozen=True)
class Medida:
    clave: str
    etiqueta: str  # Spanish, for the selector, the colour bar and the table
    columna_demo: str  # the demo-record count of the records behind the measure
    consulta_origen: str  # the query whose filters this measure takes (to name the ones that do not apply)
    que: str  # what an empty map lacks, for the empty state
    porcentaje: bool = False
    # Colour by rank: one entidad far above the rest (Guanajuato's trainees) left every other tile the same colour.
    cuantiles: bool = False
    sin_dato: str = ""  # what a grey tile inside the place filters lacks


MEDIDAS: dict[str, Medida] = {
    m.clave: m
    for m in (
        Medida("avance_promedio", "Avance promedio (%)", "demo_actividades", "kpi_actividades", "actividades", True,
               sin_dato="actividades con avance"),
        Medida("actividades", "Actividades", "demo_actividades", "kpi_actividades", "actividades",
               sin_dato="actividades"),
        Medida("compromisos", "Compromisos de gobierno abierto", "demo_compromisos", "kpi_compromisos", "compromisos",
               sin_dato="compromisos de gobierno abierto"),
        Medida("participantes", "Personas capacitadas", "demo_capacitaciones", "kpi_capacitaciones", "capacitaciones",
               cuantiles=True, sin_dato="personas capacitadas registradas"),
    )
}
ESCALA = "Viridis"
CELDA = 64  # pixels per grid cell; the figure has a fixed size so squares stay squares and tiles never overlap
LADO = 58  # tile side in pixels

COLUMNAS_TABLA = [
    "nombre_corto", "region_nombre", "avance_promedio", "actividades", "compromisos", "capacitaciones", "participantes",
]


@dataclass(frozen=True)
class Mapa:
    entidades: pd.DataFrame  # mapa_entidades plus fila, columna, abreviatura
    no_aplican: dict[str, list[str]]  # measure -> labels of active filters it does not take

    def valores(self, medida: str) -> pd.Series:
        """The measure per entidad; NaN outside the place filters (and for an average with no activities)."""
        return self.entidades[medida].where(self.entidades["en_filtro"])

    def vacio(self, medida: str) -> bool:
        """No entidad inside the filters has anything for this measure."""
        valores = self.valores(medida).dropna()
        return valores.empty or (not MEDIDAS[medida].porcentaje and bool((valores == 0).all()))

    def registros_demo(self, medida: str) -> int:
        entidades = self.entidades[self.entidades["en_filtro"]]
        return int(entidades[MEDIDAS[medida].columna_demo].sum())

    def demo(self, medida: str) -> Demo:
        """The demo records behind the measure (the map's commitment count does not tell rows from alignments)."""
        campo = {"demo_actividades": "actividades", "demo_compromisos": "compromisos_o_alineaciones",
                 "demo_capacitaciones": "capacitaciones"}[MEDIDAS[medida].columna_demo]
        return Demo(**{campo: self.registros_demo(medida)})


def medida(clave: str) -> Medida:
    if clave not in MEDIDAS:
        raise ValueError(f"Medida desconocida: {clave!r}. Elija una de {', '.join(MEDIDAS)}.")
    return MEDIDAS[clave]


def con_posiciones(entidades: pd.DataFrame) -> pd.DataFrame:
    """Add each entidad's tile (row, column, abbreviation); an entidad without a tile is an error."""
    faltan = sorted(set(entidades["entidad"]) - set(CUADRICULA))
    if faltan:
        raise ValueError(f"Entidades sin casilla en el mapa: {faltan}")
    casillas = [CUADRICULA[e] for e in entidades["entidad"]]
    return entidades.assign(
        fila=[c.fila for c in casillas], columna=[c.columna for c in casillas], abreviatura=[c.abreviatura for c in casillas]
    )


def mapa_entidades(consultar: Consultar, filtros: Filtros) -> Mapa:
    entidades = con_posiciones(consulta_filtrada(consultar, "mapa_entidades", filtros))
    return Mapa(entidades, {m.clave: no_aplican(m.consulta_origen, filtros) for m in MEDIDAS.values()})


def _texto(valor, porcentaje: bool = False) -> str:
    return estilo.porcentaje(valor) if porcentaje else estilo.entero(valor)


def _ficha(fila) -> list[str]:
    """customdata of a tile: key, name, then the four measures as text (all shown in the hover)."""
    return [
        fila.entidad,
        fila.nombre_corto,
        _texto(fila.avance_promedio, porcentaje=True),
        _texto(fila.actividades),
        _texto(fila.compromisos),
        _texto(fila.participantes),
    ]


_HOVER = (
    "<b>%{customdata[1]}</b><br>Avance promedio: %{customdata[2]}<br>Actividades: %{customdata[3]}"
    "<br>Compromisos: %{customdata[4]}<br>Personas capacitadas: %{customdata[5]}<extra></extra>"
)


def figura_mapa(mapa: Mapa, clave_medida: str) -> go.Figure:
    """The tile grid coloured by the measure; grey tiles are outside the place filters or have no value."""
    m = medida(clave_medida)
    datos = mapa.entidades.assign(_valor=mapa.valores(m.clave))
    con_valor = datos[datos["_valor"].notna()]
    sin_valor = datos[datos["_valor"].isna()]
    mayor = float(con_valor["_valor"].max()) if not con_valor.empty else 0.0
    minimo, maximo = (0.0, 100.0) if m.porcentaje else (0.0, max(1.0, mayor))
    colores = con_valor["_valor"]
    barra: dict = {} if m.porcentaje else {"tickformat": ",d"}  # counts: 10,000 rather than 10k
    if not m.porcentaje and maximo <= 5:
        barra["dtick"] = 1  # whole numbers for small counts
    titulo_barra = m.etiqueta
    if m.cuantiles and len(con_valor) > 1:
        colores, minimo, maximo = con_valor["_valor"].rank(pct=True), 0.0, 1.0
        marcas = [0.0, 0.25, 0.5, 0.75, 1.0]
        barra = {"tickvals": marcas, "ticktext": [estilo.entero(con_valor["_valor"].quantile(q)) for q in marcas]}
        titulo_barra = f"{m.etiqueta} (color por cuantiles)"
    claro = [(v - minimo) / (maximo - minimo) < 0.5 for v in colores]
    textos = [
        f"{a}<br>{_corto(v, m.porcentaje)}" for a, v in zip(con_valor["abreviatura"], con_valor["_valor"], strict=True)
    ]

    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=sin_valor["columna"],
            y=sin_valor["fila"],
            mode="markers+text",
            marker={"symbol": "square", "size": LADO, "color": estilo.COLOR_SIN_DATO, "line": {"width": 0}},
            text=sin_valor["abreviatura"],
            textfont={"color": estilo.COLOR_TEXTO_SECUNDARIO, "size": 12},
            customdata=[_ficha(f) + [_motivo(f, m)] for f in sin_valor.itertuples()],
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[6]}<extra></extra>",
            name="Sin dato",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=con_valor["columna"],
            y=con_valor["fila"],
            mode="markers+text",
            marker={
                "symbol": "square",
                "size": LADO,
                "color": colores,
                "colorscale": ESCALA,
                "reversescale": True,  # more is darker
                "cmin": minimo,
                "cmax": maximo,
                "line": {"width": 0},
                "colorbar": {
                    "title": {"text": titulo_barra, "side": "right", "font": TEXTO},
                    "tickfont": TEXTO,
                    "thickness": 14,
                    "len": 0.9,
                    **barra,
                },
            },
            text=textos,  # the value too, not only the abbreviation: a projector shows no hover
            textfont={"color": ["#000000" if c else "#FFFFFF" for c in claro], "size": 13},
            customdata=[_ficha(f) for f in con_valor.itertuples()],
            hovertemplate=_HOVER,
            name=m.etiqueta,
        )
    )
    fig.update_xaxes(visible=False, range=[-0.5, COLUMNAS - 0.5], fixedrange=True)
    fig.update_yaxes(visible=False, range=[FILAS - 0.5, -0.5], fixedrange=True)
    margen = {"l": 10, "r": 110, "t": 48, "b": 10}
    fig.update_layout(
        title={"text": f"{m.etiqueta} por entidad federativa", "x": 0, "font": {**TEXTO, "size": estilo.TAMANO_TITULO}},
        font=TEXTO,
        hoverlabel={"font": {"family": estilo.FUENTE, "size": estilo.TAMANO_TEXTO}},
        width=COLUMNAS * CELDA + margen["l"] + margen["r"],
        height=FILAS * CELDA + margen["t"] + margen["b"],
        margin=margen,
        plot_bgcolor="white",
        showlegend=False,
        dragmode=False,
    )
    return fig


def _motivo(fila, m: Medida) -> str:
    if not fila.en_filtro:
        return "Fuera de los filtros de lugar"
    return f"Sin {m.sin_dato}"


def _corto(valor, porcentaje: bool) -> str:
    return f"{valor:.0f} %" if porcentaje else estilo.entero(valor)


def nota_grises(clave_medida: str) -> str:
    """What a grey tile means for the chosen measure."""
    return (
        f"Los cuadros grises quedan fuera de los filtros de lugar o no tienen {medida(clave_medida).sin_dato}. Los "
        "integrantes federales (INAI, ASF, AGN, INEGI) y las capacitaciones de alcance nacional no aparecen en el mapa."
    )


def tabla_entidades(mapa: Mapa, clave_medida: str) -> pd.DataFrame:
    """The entidades inside the filters, highest value of the measure first, with Spanish headers."""
    datos = mapa.entidades[mapa.entidades["en_filtro"]]
    datos = datos.sort_values([clave_medida, "nombre_corto"], ascending=[False, True], na_position="last")
    return con_encabezados(datos, COLUMNAS_TABLA, "mapa")
