"""Plotly figures for the boards, built from query results; no Streamlit here, so they are unit-testable."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from pizarras import estilo
from pizarras.estilo import COLOR_ESTATUS, COLOR_REJILLA, COLOR_TEXTO, FUENTE, PALETA, TAMANO_TEXTO, TAMANO_TITULO

TEXTO = {"family": FUENTE, "size": TAMANO_TEXTO, "color": COLOR_TEXTO}


def estilo_base(fig: go.Figure, titulo: str, alto: int) -> go.Figure:
    """Shared chart defaults: title, font, height, margins, white background, no legend.

    Text colour is set on every axis, legend and title too: Streamlit's chart theme otherwise greys axis text to
    rgb(128,132,149) (3.7:1 on white, too faint on a projector).
    """
    fig.update_layout(
        title={"text": titulo, "x": 0, "font": {**TEXTO, "size": TAMANO_TITULO}},
        font=TEXTO,
        height=alto,
        margin={"l": 10, "r": 10, "t": 52, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        legend={"font": TEXTO},
        hoverlabel={"font": {"family": FUENTE, "size": TAMANO_TEXTO}},
        separators=".,",  # Mexican usage: 1,234.5
    )
    fig.update_xaxes(tickfont=TEXTO, title_font=TEXTO, linecolor=COLOR_TEXTO)
    fig.update_yaxes(tickfont=TEXTO, title_font=TEXTO)
    fig.update_traces(textfont=TEXTO, selector={"type": "bar", "textposition": "outside"})
    # plotly shrinks a bar's text to the bar's thickness by default: on a projector it became unreadable.
    fig.update_traces(constraintext="none", selector={"type": "bar"})
    return fig


def leyenda_arriba(fig: go.Figure, **opciones) -> None:
    """A horizontal legend between the title and the plot: below the plot it covered the x ticks of short charts."""
    fig.update_layout(
        showlegend=True,
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom", **opciones},
        margin={"t": 84},
    )


def eje_conteo(fig: go.Figure, eje: str, maximo: float, margen: float = 1.15, **opciones) -> None:
    """A count axis from 0: whole-number ticks only (never 0.5, never '1, 1, 2'), thousands as '5,000' not '5k',
    and room above the largest value for its label."""
    techo = max(1.0, float(maximo)) * margen
    paso = estilo.paso_entero(techo)
    fig.update_layout({eje: {
        "range": [0, techo], "tick0": 0, "dtick": paso, "tickformat": ",d", "gridcolor": COLOR_REJILLA, **opciones,
    }})


MARGEN_TEXTO_AVANCE = 140  # pixels
MINIMO_ACTIVIDADES = 10  # below this, an average is too unstable to rank with the rest
NOTA_ORDEN_AVANCE = (
    "Cada barra dice su avance promedio y cuántas actividades (act.) promedia. Van de mayor a menor avance; las de "
    f"menos de {MINIMO_ACTIVIDADES} actividades van al final, en tono claro: su promedio cambia mucho con una sola "
    "actividad."
)


def orden_de_avance(datos: pd.DataFrame, minimo: int = MINIMO_ACTIVIDADES) -> pd.DataFrame:
    """Rows in ranking order: groups with at least `minimo` activities by average progress, then the small ones (so
    an eje with 2 activities at 100 % cannot lead one with 45); `pequeno` marks them."""
    pequeno = datos["actividades"] < minimo
    return (
        datos.assign(pequeno=pequeno)
        .sort_values(["pequeno", "avance_promedio", "actividades"], ascending=[True, False, False], na_position="last")
        .reset_index(drop=True)
    )


ANCHO_ETIQUETA = 18  # characters per line of a bar's label: longer eje names ran off a phone's screen (390 px)


def partir_etiqueta(texto: str, ancho: int = ANCHO_ETIQUETA) -> str:
    """A long category label on two or more lines (plotly's <br>), so the margin it needs fits a phone; the click
    keeps using the row's key (customdata), not this text."""
    texto = str(texto)
    if len(texto) <= ancho:
        return texto
    return "<br>".join(textwrap.wrap(texto, ancho, break_on_hyphens=False, break_long_words=False))


def barras_avance(
    datos: pd.DataFrame, etiqueta: str, titulo: str, color: str = PALETA[0], clave: str | None = None
) -> go.Figure:
    """Horizontal bars of average progress (0–100) per row, each saying how many activities it averages; groups
    with fewer than MINIMO_ACTIVIDADES go last, in a lighter tint."""
    datos = orden_de_avance(datos)
    etiquetas = [partir_etiqueta(e) for e in datos[etiqueta]]
    lineas = max((e.count("<br>") + 1 for e in etiquetas), default=1)
    alto = max(220, 110 + (30 + 16 * (lineas - 1)) * len(datos))
    textos = [
        ("" if pd.isna(v) else f"{v:.0f} % · ") + f"{estilo.entero(n)} act."
        for v, n in zip(datos["avance_promedio"], datos["actividades"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=datos["avance_promedio"],
            y=etiquetas,
            orientation="h",
            # A lighter colour per bar, not marker.opacity: per-point opacity stops plotly's click selection.
            marker_color=[estilo.aclarar(color) if p else color for p in datos["pequeno"]],
            text=textos,
            textposition="outside",
            cliponaxis=False,
            customdata=datos[[clave or etiqueta, "actividades"]].to_numpy(),
            hovertemplate="%{y}<br>Avance promedio: %{x:.1f} %<br>Actividades: %{customdata[1]:,}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 102], tickvals=[0, 50, 100], ticktext=["0 %", "50 %", "100 %"], ticksuffix=" %",
                     title="Avance promedio",
                     gridcolor=COLOR_REJILLA)
    fig.update_yaxes(title=None, automargin=True, autorange="reversed", type="category")
    fig = estilo_base(fig, titulo, alto)
    # A right margin as wide as the longest bar text ('100 % · 1,234 act.'): past the figure's edge it was cut off.
    fig.update_layout(margin={"r": MARGEN_TEXTO_AVANCE})
    return fig


def barras_estatus(datos: pd.DataFrame, titulo: str = "Actividades por estatus") -> go.Figure:
    """Vertical bars of activities per status in the status colours."""
    fig = go.Figure(
        go.Bar(
            x=datos["nombre"],
            y=datos["actividades"],
            marker_color=[COLOR_ESTATUS.get(c, PALETA[0]) for c in datos["estatus"]],
            text=datos["actividades"],
            textposition="outside",
            hovertemplate="%{x}: %{y} actividades<extra></extra>",
        )
    )
    eje_conteo(fig, "yaxis", datos["actividades"].max() if len(datos) else 0, 1.2, title="Actividades")
    fig.update_xaxes(title=None)
    return estilo_base(fig, titulo, 340)


def barras_conteo(
    datos: pd.DataFrame,
    etiqueta: str,
    valor: str,
    titulo: str,
    unidad: str,
    color: str | list[str] = PALETA[0],
    extra: tuple[str, str] | None = None,
) -> go.Figure:
    """Horizontal bars of a count per row, first row on top; `extra` = (column, label) adds a figure to the hover."""
    alto = max(220, 60 + 26 * len(datos))
    hover = f"%{{y}}<br>%{{x:,}} {unidad}"
    customdata = None
    if extra is not None:
        customdata = datos[[extra[0]]].to_numpy()
        hover += f"<br>{extra[1]}: %{{customdata[0]:,}}"
    fig = go.Figure(
        go.Bar(
            x=datos[valor],
            y=datos[etiqueta],
            orientation="h",
            marker_color=color,
            text=[f"{v:,}" for v in datos[valor]],
            textposition="outside",
            cliponaxis=False,
            customdata=customdata,
            hovertemplate=hover + "<extra></extra>",
        )
    )
    eje_conteo(fig, "xaxis", datos[valor].max() if len(datos) else 0, 1.2, title=unidad.capitalize())
    fig.update_yaxes(title=None, automargin=True, autorange="reversed", type="category")
    return estilo_base(fig, titulo, alto)
