"""Plotly figures for the boards, built from query results; no Streamlit here, so they are unit-testable."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from pizarras.estilo import COLOR_ESTATUS, COLOR_REJILLA, FUENTE, PALETA


def estilo_base(fig: go.Figure, titulo: str, alto: int) -> go.Figure:
    """Shared chart defaults: title, font, height, margins, white background, no legend."""
    fig.update_layout(
        title={"text": titulo, "x": 0, "font": {"size": 16}},
        font={"family": FUENTE, "size": 13},
        height=alto,
        margin={"l": 10, "r": 10, "t": 48, "b": 10},
        plot_bgcolor="white",
        showlegend=False,
    )
    return fig


def barras_avance(
    datos: pd.DataFrame, etiqueta: str, titulo: str, color: str = PALETA[0], clave: str | None = None
) -> go.Figure:
    """Horizontal bars of average progress (0–100) per row, with the number of activities in the hover."""
    datos = datos.sort_values("avance_promedio", ascending=True)
    alto = max(220, 60 + 26 * len(datos))
    fig = go.Figure(
        go.Bar(
            x=datos["avance_promedio"],
            y=datos[etiqueta],
            orientation="h",
            marker_color=color,
            text=[f"{v:.0f} %" if pd.notna(v) else "" for v in datos["avance_promedio"]],
            textposition="outside",
            cliponaxis=False,
            customdata=datos[[clave or etiqueta, "actividades"]].to_numpy(),
            hovertemplate="%{y}<br>Avance promedio: %{x:.1f} %<br>Actividades: %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 110], title="Avance promedio (%)", gridcolor=COLOR_REJILLA)
    fig.update_yaxes(title=None, automargin=True)
    return estilo_base(fig, titulo, alto)


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
    fig.update_yaxes(title="Actividades", gridcolor=COLOR_REJILLA, rangemode="tozero")
    fig.update_xaxes(title=None)
    return estilo_base(fig, titulo, 320)


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
    maximo = float(datos[valor].max()) if len(datos) else 0.0
    fig.update_xaxes(range=[0, max(1.0, maximo) * 1.15], title=unidad.capitalize(), gridcolor=COLOR_REJILLA)
    fig.update_yaxes(title=None, automargin=True, autorange="reversed", type="category")
    return estilo_base(fig, titulo, alto)
