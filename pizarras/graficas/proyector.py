"""A board's figure redrawn for a projector screen of a known size: the chart fills the space the slide gives it,
type grows with the screen, category labels wrap so they never overlap, and the text beside a bar stays inside the
plot area (a wider value axis, not a clipped label).

The sizes are estimates from the font size (Source Sans averages about half an em per character): plotly does not
measure text before drawing. The browser tests measure what was drawn (tests/e2e/test_presentacion_e2e.py).
Rejected: CSS zoom on the slide (plotly's hover and click then map to the wrong points) and plotly's autosize (the
figure would keep the board's fixed height and small type).
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go

from pizarras.lectura.tableros.mapa import COLUMNAS, FILAS

TEXTO_PROYECTOR = "#000000"
ANCHO_LETRA = 0.55  # average character width, in ems, with some slack
ALTO_LINEA = 1.3  # a label line's height, in ems
ANCHOS_ETIQUETA = (16, 22, 28, 36)  # characters per line tried for category labels
PARTE_ETIQUETAS = 0.36  # at most this share of the chart's width for the category labels
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _lista(valores) -> list:
    """A trace's x, y or text as a list (plotly keeps them as tuples or numpy arrays; None when unset)."""
    return [] if valores is None else list(valores)


def _lineas(texto) -> list[str]:
    return _BR.split(str(texto))


def ancho_texto(texto, fuente: float) -> float:
    """Estimated width in pixels of `texto` (its longest line) at `fuente` pixels."""
    return max((len(linea) for linea in _lineas(texto)), default=0) * fuente * ANCHO_LETRA


def partir(texto, ancho: int) -> str:
    """A label on lines of at most `ancho` characters (a word longer than that keeps its line)."""
    plano = " ".join(_lineas(texto))
    return "<br>".join(textwrap.wrap(plano, ancho, break_on_hyphens=False, break_long_words=False)) or plano


def _etiquetas_que_caben(etiquetas: Sequence[str], espacio: float, fuente: float, ancho_max: float):
    """(width in characters, font size) for category labels sharing `espacio` pixels along their axis: the
    largest font that fits, on as few lines as keep the labels within `ancho_max` pixels."""
    posibles = []
    for ancho in ANCHOS_ETIQUETA:
        lineas = max((len(partir(e, ancho).split("<br>")) for e in etiquetas), default=1)
        letra = min(fuente, espacio / max(1, len(etiquetas)) / (lineas * ALTO_LINEA))
        largo = max((ancho_texto(partir(e, ancho), letra) for e in etiquetas), default=0)
        if not posibles or largo <= ancho_max:
            posibles.append((round(letra), ancho, letra))
    _, ancho, letra = max(posibles)
    return ancho, letra


def _extremo(valores: Sequence[float], largos: Sequence[float], largo_eje: float, letra: float,
             actual: float | None) -> float:
    """The value axis' upper end so that every bar's outside text (`largos`, in pixels along the axis) ends inside
    the plot area of `largo_eje` pixels."""
    techo = actual or max((v for v in valores if v is not None), default=1) or 1
    for v, largo in zip(valores, largos, strict=False):
        libre = largo_eje - largo - letra  # a little air after the text
        if v is None or (isinstance(v, float) and math.isnan(v)) or libre <= 0:
            continue
        techo = max(techo, float(v) * largo_eje / libre)
    return techo


def para_proyector(fig: go.Figure, ancho: int, alto: int, fuente: float) -> go.Figure:
    """The figure at `ancho`×`alto` pixels with `fuente`-pixel type, black on white, no title (the slide says it)."""
    fig = go.Figure(fig)
    margen = {"l": 10, "r": round(fuente), "t": round(fuente * 0.8), "b": 10}
    if fig.layout.showlegend:
        margen["t"] = round(fuente * 2.6)  # the legend sits between the slide's title and the plot
    fig.update_layout(
        width=None, height=alto, autosize=True,
        font={"size": fuente, "color": TEXTO_PROYECTOR},
        title={"text": None},
        margin=margen,
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend={"font": {"size": fuente * 0.9}},
        hoverlabel={"font": {"size": fuente * 0.9}},
    )
    letra_eje = fuente * 0.9
    ejes = {"tickfont": {"size": letra_eje, "color": TEXTO_PROYECTOR},
            "title_font": {"size": letra_eje, "color": TEXTO_PROYECTOR}, "automargin": True}
    fig.update_xaxes(**ejes)
    fig.update_yaxes(**ejes)
    fig.update_traces(textfont={"size": letra_eje}, selector={"type": "bar"})
    barras = [t for t in fig.data if t.type == "bar"]
    if barras:
        _barras(fig, barras, ancho, alto, letra_eje, margen)
    return fig


def _barras(fig: go.Figure, barras: list, ancho: int, alto: int, letra: float, margen: dict) -> None:
    horizontal = barras[0].orientation == "h"
    categorias = list(dict.fromkeys(str(c) for t in barras for c in _lista(t.y if horizontal else t.x)))
    eje_valor, eje_categoria = ("xaxis", "yaxis") if horizontal else ("yaxis", "xaxis")
    titulo_valor = 2.4 * letra if getattr(fig.layout, eje_valor).title.text else 1.4 * letra
    alto_plot = alto - margen["t"] - margen["b"] - (titulo_valor if horizontal else 0)
    if horizontal:
        ancho_etiquetas = PARTE_ETIQUETAS * ancho
        partido, letra_cat = _etiquetas_que_caben(categorias, alto_plot, letra, ancho_etiquetas)
        largo_etiquetas = max((ancho_texto(partir(c, partido), letra_cat) for c in categorias), default=0)
        largo_valor = ancho - margen["l"] - margen["r"] - largo_etiquetas - letra
    else:  # vertical bars: labels side by side under the bars, wrapped so that neighbours do not touch
        partido, letra_cat = ANCHOS_ETIQUETA[-1], letra
        por_barra = (ancho - margen["l"] - margen["r"] - 3 * letra) / max(1, len(categorias))
        for candidato in ANCHOS_ETIQUETA:
            if max((ancho_texto(partir(c, candidato), letra) for c in categorias), default=0) <= por_barra * 0.9:
                partido = candidato
        lineas = max((len(partir(c, partido).split("<br>")) for c in categorias), default=1)
        largo_valor = alto_plot - lineas * letra * ALTO_LINEA
    nuevas = {c: partir(c, partido) for c in categorias}
    for t in barras:
        campo = "y" if horizontal else "x"
        setattr(t, campo, [nuevas.get(str(c), c) for c in _lista(getattr(t, campo))])
    getattr(fig.layout, eje_categoria).update(tickfont={"size": letra_cat})
    _texto_dentro(fig, barras, horizontal, eje_valor, largo_valor, letra)


def _texto_dentro(fig: go.Figure, barras: list, horizontal: bool, eje_valor: str, largo: float, letra: float) -> None:
    """Widen the value axis until the text outside the longest bars fits inside the plot area."""
    afuera = [t for t in barras if t.textposition == "outside" and t.text is not None]
    if not afuera or fig.layout.barmode == "stack" or largo <= 0:
        return
    eje = getattr(fig.layout, eje_valor)
    actual = eje.range[1] if eje.range else None
    techo = actual
    for t in afuera:
        valores = _lista(t.x if horizontal else t.y)
        textos = [str(x) for x in (_lista(t.text) if not isinstance(t.text, str) else [t.text] * len(valores))]
        # Beside a bar the text's width counts; above a column, its height (once per line).
        largos = [ancho_texto(x, letra) if horizontal else len(_lineas(x)) * letra * ALTO_LINEA for x in textos]
        techo = _extremo(valores, largos, largo, letra, techo)
    if techo is not None:
        eje.update(range=[eje.range[0] if eje.range else 0, techo], autorange=False)


def mapa_para_proyector(fig: go.Figure, ancho: int, alto: int, fuente: float) -> go.Figure:
    """The tile map at the largest cell that fits `ancho`×`alto`, its type and colour bar scaled with it."""
    base = go.Figure(fig)
    margen = {"l": 10, "r": round(fuente * 6.5), "t": round(fuente * 0.6), "b": 10}
    celda = max(20.0, min((ancho - margen["l"] - margen["r"]) / COLUMNAS, (alto - margen["t"] - margen["b"]) / FILAS))
    factor = celda / 64  # the board draws 64-pixel cells (pizarras.graficas.mapa.CELDA)
    for t in base.data:
        if t.type == "scatter" and t.marker.size is not None:
            t.marker.size = t.marker.size * factor
            if t.textfont.size is not None:
                t.textfont.size = t.textfont.size * factor
        if t.type == "scatter" and t.marker.colorscale is not None:  # the coloured tiles' scale
            t.marker.colorbar.update(thickness=round(fuente * 0.7), tickfont={"size": fuente * 0.8},
                                     title={"font": {"size": fuente * 0.8}})
    # As tall as the slide's chart area (the browser test wants its foot near the screen's): the grid is centred
    # in it, its cells square.
    sobra = alto - (FILAS * celda + margen["t"] + margen["b"])
    base.update_layout(
        width=None, height=alto, margin={**margen, "t": margen["t"] + sobra / 2, "b": margen["b"] + sobra / 2},
        title={"text": None}, font={"size": fuente, "color": TEXTO_PROYECTOR},
        hoverlabel={"font": {"size": fuente * 0.9}}, paper_bgcolor="white",
    )
    return base
