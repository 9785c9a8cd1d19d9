"""Figures only the gobierno abierto and capacitaciones boards draw: ODS alignment in the official colours,
commitments per plan, status with progress, STL membership, trainings over time and by sex.

They take the frames the boards in `pizarras.tableros.compromisos` / `.capacitaciones` prepare (labels and colours
already resolved) and never query; reusable builders live in `pizarras.graficas`.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from pizarras.estilo import COLOR_ESTATUS, COLOR_NO_ALINEADO, COLOR_REJILLA, COLOR_SEXO, PALETA
from pizarras.graficas import estilo_base

ORDINALES = {1: "Primer plan", 2: "Segundo plan", 3: "Tercer plan", 4: "Cuarto plan"}


def barras_ods(datos: pd.DataFrame, titulo: str = "Compromisos alineados a cada ODS") -> go.Figure:
    """One bar per ODS in its official colour, ODS 1 on top, then the grey 'Sin alineación directa' bar.

    `datos` needs etiqueta, color, compromisos and alineacion_demo (see `ods_para_grafica`).
    """
    alto = max(240, 60 + 28 * len(datos))
    fig = go.Figure(
        go.Bar(
            x=datos["compromisos"],
            y=datos["etiqueta"],
            orientation="h",
            marker_color=list(datos["color"]),
            text=[f"{v:,}" for v in datos["compromisos"]],
            textposition="outside",
            cliponaxis=False,
            customdata=datos[["alineacion_demo"]].to_numpy(),
            hovertemplate="%{y}<br>%{x} compromisos<br>Alineaciones de demostración: %{customdata[0]}<extra></extra>",
        )
    )
    maximo = float(datos["compromisos"].max()) if len(datos) else 0.0
    fig.update_xaxes(range=[0, max(1.0, maximo) * 1.15], title="Compromisos", gridcolor=COLOR_REJILLA)
    fig.update_yaxes(title=None, automargin=True, autorange="reversed", type="category")
    return estilo_base(fig, titulo, alto)


def barras_planes(datos: pd.DataFrame, titulo: str = "Compromisos por entidad y plan de acción") -> go.Figure:
    """Horizontal bars per entidad, one stacked segment per plan (first, second…), plan name and period in the hover."""
    entidades = list(dict.fromkeys(datos["entidad_nombre"]))
    fig = go.Figure()
    for i, (numero, plan) in enumerate(datos.groupby("plan_numero", sort=True)):
        fig.add_trace(
            go.Bar(
                x=plan["compromisos"],
                y=plan["entidad_nombre"],
                orientation="h",
                name=ORDINALES.get(int(numero), f"Plan {numero}"),
                marker_color=PALETA[(0, 4, 2, 3)[i % 4]],
                text=plan["compromisos"],
                textposition="inside",
                textangle=0,
                insidetextanchor="middle",
                customdata=plan[["plan_accion", "plan_periodo_texto", "concluidos"]].to_numpy(),
                hovertemplate=(
                    "%{y} · %{customdata[0]}<br>Periodo: %{customdata[1]}<br>%{x} compromisos, "
                    "%{customdata[2]} concluidos<extra></extra>"
                ),
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="Compromisos", gridcolor=COLOR_REJILLA)
    fig.update_yaxes(title=None, automargin=True, autorange="reversed", categoryorder="array", categoryarray=entidades)
    fig = estilo_base(fig, titulo, max(240, 80 + 28 * len(entidades)))
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.12, "x": 0, "traceorder": "normal"})
    return fig


def barras_estatus_avance(datos: pd.DataFrame, titulo: str = "Compromisos por estatus") -> go.Figure:
    """Commitments per status in the status colours; each bar says its average progress and how many report one."""
    textos = [
        f"{n:,}" + ("" if pd.isna(a) else f"<br>avance {a:.0f} %")
        for n, a in zip(datos["compromisos"], datos["avance_promedio"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=datos["nombre"],
            y=datos["compromisos"],
            marker_color=[COLOR_ESTATUS.get(c, PALETA[0]) for c in datos["estatus"]],
            text=textos,
            textposition="outside",
            cliponaxis=False,
            customdata=datos[["avance_texto", "con_avance"]].to_numpy(),
            hovertemplate=(
                "%{x}: %{y} compromisos<br>Avance promedio: %{customdata[0]}"
                "<br>Con porcentaje de avance: %{customdata[1]}<extra></extra>"
            ),
        )
    )
    maximo = float(datos["compromisos"].max()) if len(datos) else 0.0
    fig.update_yaxes(title="Compromisos", gridcolor=COLOR_REJILLA, range=[0, max(1.0, maximo) * 1.3])
    fig.update_xaxes(title=None)
    return estilo_base(fig, titulo, 340)


def barras_stl(datos: pd.DataFrame, titulo: str = "Integrantes de los STL por sector y sexo") -> go.Figure:
    """Grouped bars: one group per sector, a bar for women and one for men (`datos` from `stl_por_sector`)."""
    fig = go.Figure()
    for sexo, columna in (("mujer", "Mujeres"), ("hombre", "Hombres")):
        fig.add_trace(
            go.Bar(
                x=datos["Sector"],
                y=datos[columna],
                name=columna,
                marker_color=COLOR_SEXO[sexo],
                text=datos[columna],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"%{{x}}<br>{columna}: %{{y}}<extra></extra>",
            )
        )
    maximo = float(datos[["Mujeres", "Hombres"]].to_numpy().max()) if len(datos) else 0.0
    fig.update_layout(barmode="group")
    fig.update_yaxes(title="Personas", gridcolor=COLOR_REJILLA, range=[0, max(1.0, maximo) * 1.2])
    fig.update_xaxes(title=None)
    fig = estilo_base(fig, titulo, 340)
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.15, "x": 0})
    return fig


def serie_mensual(datos: pd.DataFrame, titulo: str = "Capacitaciones y participantes por mes") -> go.Figure:
    """Trainings per month as bars, participants as a line on a second axis."""
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=datos["mes"],
            y=datos["capacitaciones"],
            name="Capacitaciones",
            marker_color=PALETA[0],
            hovertemplate="%{x|%b %Y}: %{y} capacitaciones<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=datos["mes"],
            y=datos["participantes"],
            name="Participantes",
            mode="lines",
            line={"color": PALETA[1], "width": 2},
            yaxis="y2",
            hovertemplate="%{x|%b %Y}: %{y:,} participantes<extra></extra>",
        )
    )
    fig.update_layout(
        yaxis={"title": "Capacitaciones", "gridcolor": COLOR_REJILLA, "rangemode": "tozero", "tickformat": ",d"},
        yaxis2={
            "title": "Participantes", "overlaying": "y", "side": "right", "rangemode": "tozero", "showgrid": False,
            "tickformat": ",d", "tickmode": "auto",
        },
        xaxis={"title": None, "type": "date"},
    )
    fig = estilo_base(fig, titulo, 360)
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.15, "x": 0})
    return fig


def barras_sexo(datos: pd.DataFrame, titulo: str = "Participantes por sexo") -> go.Figure:
    """Women, men and participants with no sex split (grey); `datos` from `participantes_por_sexo`."""
    colores = {"mujer": COLOR_SEXO["mujer"], "hombre": COLOR_SEXO["hombre"]}
    fig = go.Figure(
        go.Bar(
            x=datos["participantes"],
            y=datos["etiqueta"],
            orientation="h",
            marker_color=[colores.get(c, COLOR_NO_ALINEADO) for c in datos["sexo"]],
            text=[f"{v:,}" for v in datos["participantes"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,} personas<extra></extra>",
        )
    )
    maximo = float(datos["participantes"].max()) if len(datos) else 0.0
    fig.update_xaxes(range=[0, max(1.0, maximo) * 1.2], title="Personas", gridcolor=COLOR_REJILLA)
    fig.update_yaxes(title=None, automargin=True, autorange="reversed", type="category")
    return estilo_base(fig, titulo, 220)
