"""Plotly figures kept per content, shared by every session.

Building a figure (plotly validates every property) costs more than the rest of a rerun together, and a live
audience asks for the same few filter combinations again and again. The key is the builder and its arguments by
content, so a figure can never outlive the data it was drawn from; clearing it on writes only frees memory.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure

from pizarras.graficas.declaradas import constructor
from pizarras.lectura.grafica import Grafica
from pizarras.ui.memoria import PorIdentidad

FIGURAS_GUARDADAS = 512  # a board draws up to 8 figures: room for ~60 filter combinations per board


def _huella_tabla(tabla: pd.DataFrame) -> bytes:
    """A table's content as a key, ~8× faster than Streamlit's own DataFrame hash (which hashes every cell through
    pandas). Two equal tables whose pickles differ only cost one extra build; different tables never collide."""
    return hashlib.md5(pickle.dumps(tabla, protocol=5), usedforsecurity=False).digest()


def nombre_de(funcion: Callable) -> str:
    """What tells builders apart in a shared cache's key: the builder itself is passed unhashed (an underscore
    argument), so its qualified name goes in the key beside its arguments."""
    return f"{funcion.__module__}.{funcion.__qualname__}"


@st.cache_resource(max_entries=FIGURAS_GUARDADAS, show_spinner=False, hash_funcs={pd.DataFrame: _huella_tabla})
def _guardada(_constructor: Callable[..., go.Figure], nombre: str, argumentos: tuple, opciones: dict) -> go.Figure:
    return _constructor(*argumentos, **opciones)


def figura(constructor: Callable[..., go.Figure], *argumentos, **opciones) -> go.Figure:
    """`constructor(*argumentos, **opciones)`, built once per distinct arguments.

    The figure is shared: callers hand it to `st.plotly_chart` (which copies it) and never modify it.
    """
    return _guardada(constructor, nombre_de(constructor), argumentos, opciones)


_POR_GRAFICA: PorIdentidad[go.Figure] = PorIdentidad()


def figura_declarada(grafica: Grafica) -> go.Figure:
    """A chart a board declares, built once per content like `figura`. A board is shared by every session that
    shows it (`tablero_compartido`) and so are its `Grafica` objects: a rerun finds the figure by the chart's
    identity instead of hashing its table again."""
    return _POR_GRAFICA.obtener(grafica, lambda g: figura(constructor(g), g.datos, **g.opciones))


class _FiguraServida(BaseFigure):
    """All `st.plotly_chart` asks of a figure — its dict form (plotly's `to_dict`: a deep copy of every trace and
    a base64 pass over every array) — computed once per shared figure rather than on every rerun. Nothing else of
    a plotly figure works on it; it is made only here, for `dibujar`."""

    def __init__(self, forma: dict) -> None:  # BaseFigure.__init__ is skipped on purpose: nothing to validate
        object.__setattr__(self, "_forma", forma)

    def to_dict(self) -> dict:
        return self._forma


_SERVIDAS: PorIdentidad[_FiguraServida] = PorIdentidad()


def olvidar_figuras() -> None:
    _guardada.clear()
    _POR_GRAFICA.vaciar()
    _SERVIDAS.vaciar()


# Plotly's toolbar speaks English and is not needed to read a board: hidden (a chart is still hoverable).
CONFIGURACION = {"displayModeBar": False, "displaylogo": False}


def dibujar(fig: go.Figure, contenedor=st, **opciones):
    """Draw a board's chart: full width, no plotly toolbar; extra options (selection, key) pass through."""
    opciones.setdefault("width", "stretch")
    servida = _SERVIDAS.obtener(fig, lambda f: _FiguraServida(f.to_dict()))
    return contenedor.plotly_chart(servida, config=CONFIGURACION, **opciones)
