"""The chart of one indicator: its 2020 baseline, the goal of each year 2022-2026 and the values achieved («Logrado»:
reported; «Calculado»: computed from the activities where its sheet says so), on one time axis. No Streamlit here."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from pizarras.estilo import COLOR_REJILLA, COLOR_TEXTO_SECUNDARIO, PALETA
from pizarras.graficas.avance import estilo_base, leyenda_arriba, partir_etiqueta

ANIOS = list(range(2020, 2027))
# Each series: its colour, line and marker, so that they differ in shape too, not in colour alone.
SERIES = {
    "Línea base": {"mode": "markers", "marker": {"color": COLOR_TEXTO_SECUNDARIO, "size": 12, "symbol": "diamond"}},
    "Meta": {"mode": "lines+markers", "line": {"color": PALETA[1], "width": 2, "dash": "dash"},
             "marker": {"color": PALETA[1], "size": 8, "symbol": "circle-open"}},
    "Logrado": {"mode": "lines+markers", "line": {"color": PALETA[0], "width": 3},
                            "marker": {"color": PALETA[0], "size": 9}},
    "Calculado": {"mode": "lines+markers", "line": {"color": PALETA[2], "width": 2, "dash": "dot"},
                                      "marker": {"color": PALETA[2], "size": 8, "symbol": "square"}},
}


def trayectoria_indicador(datos: pd.DataFrame, titulo: str, unidad: str) -> go.Figure:
    """Baseline → goals → achieved: one trace per series of `datos` (serie, anio, valor)."""
    fig = go.Figure()
    sufijo = " %" if unidad == "porcentaje" else ""
    for serie, trazo in SERIES.items():
        filas = datos[datos["serie"] == serie].sort_values("anio")
        if filas.empty:
            continue
        fig.add_trace(go.Scatter(
            x=filas["anio"], y=filas["valor"], name=serie, **trazo,
            hovertemplate=f"{serie} %{{x}}: %{{y:,.1f}}{sufijo}<extra></extra>",
        ))
    estilo_base(fig, partir_etiqueta(titulo, 36), 380)
    leyenda_arriba(fig)
    # Room for a title on two lines and the legend on two on a phone (on a wide screen both take one).
    fig.update_layout(margin={"t": 130})
    fig.update_xaxes(tickvals=ANIOS, ticktext=[str(a) for a in ANIOS], range=[2019.5, 2026.5], showgrid=False)
    fig.update_yaxes(gridcolor=COLOR_REJILLA, ticksuffix=sufijo, tickformat=",", rangemode="tozero",
                     title_text=None if unidad == "porcentaje" else unidad)
    return fig
