"""Figures only the gobierno abierto and capacitaciones boards draw: ODS alignment in the official colours,
commitments per plan, status with progress, STL membership, trainings over time and by sex.

They take the frames the boards in `pizarras.lectura.tableros.compromisos` / `.capacitaciones` prepare (labels and colours
already resolved) and never query; reusable builders live in `pizarras.graficas.avance`.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pizarras import estilo
from pizarras.estilo import COLOR_ESTATUS, COLOR_NO_ALINEADO, COLOR_SEXO, PALETA
from pizarras.graficas.avance import TEXTO, eje_conteo, estilo_base, leyenda_arriba

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
    eje_conteo(fig, "xaxis", datos["compromisos"].max() if len(datos) else 0, 1.2, title="Compromisos")
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
                insidetextfont={"color": "#FFFFFF" if i % 4 != 1 else "#000000", "size": 14},
                customdata=plan[["plan_accion", "plan_periodo_texto", "concluidos"]].to_numpy(),
                hovertemplate=(
                    "%{y} · %{customdata[0]}<br>Periodo: %{customdata[1]}<br>%{x} compromisos, "
                    "%{customdata[2]} concluidos<extra></extra>"
                ),
            )
        )
    fig.update_layout(barmode="stack")
    totales = datos.groupby("entidad_nombre")["compromisos"].sum()
    eje_conteo(fig, "xaxis", totales.max() if len(totales) else 0, 1.05, title="Compromisos")
    fig.update_yaxes(title=None, automargin=True, autorange="reversed", categoryorder="array", categoryarray=entidades)
    fig = estilo_base(fig, titulo, max(240, 80 + 28 * len(entidades)))
    leyenda_arriba(fig, traceorder="normal")
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
    eje_conteo(fig, "yaxis", datos["compromisos"].max() if len(datos) else 0, 1.35, title="Compromisos")
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
    eje_conteo(fig, "yaxis", maximo, 1.2, title="Personas")
    fig.update_xaxes(title=None)
    fig = estilo_base(fig, titulo, 340)
    leyenda_arriba(fig)
    return fig


def marcas_de_meses(primero: pd.Timestamp, ultimo: pd.Timestamp) -> tuple[list[pd.Timestamp], list[str]]:
    """Month ticks in Spanish ('ene 2023'): every month over a year or less, every quarter up to three years,
    every January (every other one past eight years) beyond; only ticks inside the series."""
    meses = (ultimo.year - primero.year) * 12 + ultimo.month - primero.month + 1
    cada = 1 if meses <= 12 else 3 if meses <= 36 else 12 if meses <= 96 else 24
    desde = primero
    while (desde.month - 1) % min(cada, 12):  # the first quarter or January inside the series
        desde += pd.DateOffset(months=1)
    marcas = list(pd.date_range(desde, ultimo, freq=f"{cada}MS"))
    return marcas, [estilo.mes(m) for m in marcas]


def serie_mensual(datos: pd.DataFrame, titulo: str = "Capacitaciones y participantes por mes") -> go.Figure:
    """Trainings (top) and participants (bottom) per month, one panel each with its own count scale and a shared
    time axis; only months with records have a bar (a month with nothing reported is a gap, not a zero)."""
    datos = datos.assign(mes=pd.to_datetime(datos["mes"]))
    textos = [estilo.mes(m) for m in datos["mes"]]
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12,
                        subplot_titles=("Capacitaciones", "Participantes"))
    for fila, columna, unidad, color in (
        (1, "capacitaciones", "capacitaciones", PALETA[0]),
        (2, "participantes", "participantes", PALETA[1]),
    ):
        fig.add_trace(
            go.Bar(
                x=datos["mes"],
                y=datos[columna],
                name=unidad.capitalize(),
                marker_color=color,
                customdata=[[t] for t in textos],
                hovertemplate=f"%{{customdata[0]}}: %{{y:,}} {unidad}<extra></extra>",
            ),
            row=fila,
            col=1,
        )
        eje = "yaxis" if fila == 1 else "yaxis2"
        eje_conteo(fig, eje, datos[columna].max() if len(datos) else 0, 1.1)
    if len(datos):
        marcas, nombres = marcas_de_meses(datos["mes"].min(), datos["mes"].max())
        medio_mes = pd.Timedelta(days=20)
        fig.update_xaxes(
            type="date", tickvals=marcas, ticktext=nombres, range=[datos["mes"].min() - medio_mes,
                                                                  datos["mes"].max() + medio_mes],
        )
    fig = estilo_base(fig, titulo, 460)
    fig.update_annotations(font=TEXTO, x=0, xanchor="left")
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
    eje_conteo(fig, "xaxis", datos["participantes"].max() if len(datos) else 0, 1.25, title="Personas")
    fig.update_yaxes(title=None, automargin=True, autorange="reversed", type="category")
    return estilo_base(fig, titulo, 220)
