"""The tile-grid map drawn with plotly: one square per entidad (grid and measures in
`pizarras.lectura.tableros.mapa`). Colours: viridis, reversed so that more is darker — perceptually uniform and
readable with colour-vision deficiencies."""

from __future__ import annotations

import plotly.graph_objects as go

from pizarras import estilo
from pizarras.graficas.avance import TEXTO
from pizarras.lectura.tableros.mapa import COLUMNAS, FILAS, Mapa, Medida, medida

ESCALA = "Viridis"
CELDA = 64  # pixels per grid cell; the figure has a fixed size so squares stay squares and tiles never overlap
LADO = 58  # tile side in pixels


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
