"""The chart of progress over time (no Streamlit here, so it is unit-testable)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from pizarras.estilo import PALETA
from pizarras.graficas.avance import estilo_base

MESES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]


def linea_de_avance(serie: pd.DataFrame, titulo: str) -> go.Figure:
    """Average progress at each month's end with a report: points joined by lines, on a fixed 0–100 % scale."""
    fechas = pd.to_datetime(serie["corte"])
    etiquetas = [f"{MESES[f.month - 1]} {f.year}" for f in fechas]
    fig = go.Figure(
        go.Scatter(
            x=fechas,
            y=serie["avance_promedio"],
            mode="lines+markers",
            line={"color": PALETA[0], "width": 3},
            marker={"size": 8},
            customdata=list(zip(etiquetas, serie["actividades"], strict=True)),
            hovertemplate="%{customdata[0]}<br>Avance promedio: %{y:.1f} %<br>Actividades: %{customdata[1]}"
            "<extra></extra>",
        )
    )
    estilo_base(fig, titulo, 320)
    fig.update_yaxes(range=[0, 105], ticksuffix=" %", dtick=25, gridcolor="#E5E7EB")
    paso = max(1, math.ceil(len(fechas) / 12))  # at most a dozen month labels, so they never overlap
    fig.update_xaxes(tickvals=list(fechas)[::paso], ticktext=etiquetas[::paso], showgrid=False)
    return fig
