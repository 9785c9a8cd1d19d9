"""Drawing the charts a board declares (`pizarras.lectura.grafica.Grafica`): one table from a drawing's name to the
plotly function that draws it, so the page, the slides and the static site draw a declared chart the same way."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go

from pizarras.graficas import avance, gobierno_abierto, indicadores
from pizarras.lectura.grafica import Grafica

DIBUJOS: dict[str, Callable[..., go.Figure]] = {
    "barras_avance": avance.barras_avance,
    "barras_estatus": avance.barras_estatus,
    "barras_conteo": avance.barras_conteo,
    "barras_planes": gobierno_abierto.barras_planes,
    "barras_estatus_avance": gobierno_abierto.barras_estatus_avance,
    "barras_ods": gobierno_abierto.barras_ods,
    "barras_stl": gobierno_abierto.barras_stl,
    "serie_mensual": gobierno_abierto.serie_mensual,
    "barras_sexo": gobierno_abierto.barras_sexo,
    "indicador": indicadores.trayectoria_indicador,
}


def constructor(grafica: Grafica) -> Callable[..., go.Figure]:
    """The function that draws `grafica` (an unknown drawing is an error, not a blank chart)."""
    return DIBUJOS[grafica.dibujo]


def figura_de(grafica: Grafica) -> go.Figure:
    return constructor(grafica)(grafica.datos, **grafica.opciones)
