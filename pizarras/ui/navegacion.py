"""Streamlit side of drill-down: charts whose bars open a board, and selectors that set one global filter.

What a click or a choice means is decided in `pizarras.lectura.navegacion`; here it is read from the widgets and carried out
with `navegar_con_filtros` / `pedir_filtros`, so the sidebar and the URL show the new filters.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from pizarras.lectura.navegacion import (
    Destino,
    Grafica,
    cambios_para,
    clave_seleccionada,
    destino_de_clic,
    elegibles,
    unico,
)
from pizarras.ui.figuras import dibujar
from pizarras.ui.filtros import navegar_con_filtros, pedir_filtros


def ir_a(destino: Destino | None, desde: str | None = None) -> None:
    """Open the destination board; `desde` is the page the click was on."""
    if destino is not None:
        navegar_con_filtros(destino.pagina, desde, **destino.cambios)


def puntos_elegidos(evento) -> list[dict]:
    """The selected points of a `st.plotly_chart(on_select="rerun")` result (empty when nothing is selected)."""
    try:
        return list(evento.selection.points)
    except (AttributeError, KeyError):
        return []


_CLICS_ATENDIDOS = "_clics_atendidos"


def clic_nuevo(key: str, clave: str | None) -> str | None:
    """The key a chart's selection points to, only the first time: a chart keeps its selection across reruns, so
    without this, Back to the board (or any later rerun) would open the drilled board again."""
    atendidos = st.session_state.setdefault(_CLICS_ATENDIDOS, {})
    if clave is None:
        atendidos.pop(key, None)
        return None
    if atendidos.get(key) == clave:
        return None
    atendidos[key] = clave
    return clave


def grafica_navegable(figura: go.Figure, grafica: Grafica, key: str, desde: str, contenedor=st) -> None:
    """A chart whose bars open the matching board; the bar's key is in customdata[0]."""
    evento = dibujar(figura, contenedor, on_select="rerun", selection_mode="points", key=key)
    clave = clic_nuevo(key, clave_seleccionada(puntos_elegidos(evento)))
    if clave is None:
        return
    ir_a(destino_de_clic(grafica, clave, st.session_state["filtros"], st.session_state["opciones"], desde), desde)


def selector_unico(clave: str, etiqueta: str, marcador: str, key: str):
    """A selectbox that makes its choice the only value of global filter `clave`; returns the current single value.

    It offers the values the other filters allow (or the several already chosen) and shows the filter's value when
    the filter holds exactly one.
    """
    filtros = st.session_state["filtros"]
    opciones = st.session_state["opciones"]
    nombres = {o.clave: o.nombre for o in elegibles(clave, filtros, opciones)}
    actual = unico(filtros, clave)
    if actual not in nombres:
        actual = None
    st.session_state[key] = actual

    def al_cambiar() -> None:
        elegido = st.session_state.get(key)
        cambios = cambios_para(clave, elegido, st.session_state["filtros"], opciones)
        pedir_filtros(**(cambios if cambios is not None else {clave: ()}))

    st.selectbox(
        etiqueta,
        options=list(nombres),
        format_func=lambda v: nombres.get(v, str(v)),
        index=None,
        placeholder=marcador,
        key=key,
        on_change=al_cambiar,
    )
    return actual
