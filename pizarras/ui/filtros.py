"""The shared filter sidebar, mirrored in the URL so a view can be shared as a link.

Widgets keep their values in session state (they are drawn by app.py on every page, so they survive page
switches); after each run the URL is rewritten from them. The URL is read back into the widgets when it changes
from outside: first load, a shared link, the browser's back button, or a client that reruns with a new query string.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NoReturn

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from pizarras.config import RAIZ
from pizarras.etiquetas import todos
from pizarras.lectura.filtros import DEFINICIONES, POR_CLAVE, Filtros, Opcion, desde_url, opciones_visibles

_PREFIJO = "filtro_"
_URL_ESCRITA = "_url_escrita"
_AVISOS = "_avisos_filtros"
_PENDIENTES = "_filtros_pendientes"
_FANTASMAS = "_entradas_de_historial_de_un_clic"


def _clave_widget(clave: str) -> str:
    return _PREFIJO + clave


def _url_actual() -> dict[str, list[str]]:
    return {d.clave: st.query_params.get_all(d.clave) for d in DEFINICIONES if d.clave in st.query_params}


def _sembrar_desde_url(url: dict[str, list[str]], opciones: Mapping[str, Sequence[Opcion]]) -> None:
    resolucion = desde_url(url, opciones)
    for definicion in DEFINICIONES:
        st.session_state[_clave_widget(definicion.clave)] = list(resolucion.filtros.valores(definicion.clave))
    st.session_state[_AVISOS] = resolucion.avisos()


def _desde_estado() -> Filtros:
    return Filtros(**{d.clave: tuple(st.session_state.get(_clave_widget(d.clave), [])) for d in DEFINICIONES})


def _limpiar_avisos() -> None:
    st.session_state[_AVISOS] = []


def _restablecer() -> None:
    for definicion in DEFINICIONES:
        st.session_state[_clave_widget(definicion.clave)] = []
    _limpiar_avisos()


def pedir_filtros(**cambios: Sequence) -> None:
    """Queue filter values (filter name -> keys, empty = all) for the next run; safe inside widget callbacks."""
    desconocidos = sorted(set(cambios) - set(POR_CLAVE))
    if desconocidos:
        raise ValueError(f"Filtros desconocidos: {desconocidos}")
    pendientes = dict(st.session_state.get(_PENDIENTES, {}))
    pendientes.update({clave: list(valores) for clave, valores in cambios.items()})
    st.session_state[_PENDIENTES] = pendientes


def navegar_con_filtros(pagina: str, desde: str | None = None, **cambios: Sequence) -> NoReturn:
    """Open a page ('pages/x.py', from the project root) with some filters changed; the URL will show them.

    Streamlit's front end records a page switch that changes the query string as two history entries: first the old
    page's path with the new query (a view the user never saw: the national board filtered by the región just
    clicked), then the new page. That first entry is remembered here, so that Back, landing on it, shows the view
    the user left instead (and the front end rewrites its URL to match). `desde` is the page the click was on: on
    the same page there is only the one, real, entry.
    """
    pedir_filtros(**cambios)
    destino = _desde_estado().con(**cambios).a_url()
    if desde != pagina:
        fantasmas = dict(st.session_state.get(_FANTASMAS, {}))
        fantasmas[_vista(_pagina_actual(), destino)] = dict(st.session_state.get(_URL_ESCRITA, {}))
        st.session_state[_FANTASMAS] = fantasmas
    # absolute, so it does not depend on where the entry script lives
    st.switch_page(RAIZ / pagina, query_params=destino)


def _pagina_actual() -> str:
    contexto = get_script_run_ctx()
    return contexto.page_script_hash if contexto is not None else ""


def _por_historial() -> bool:
    """This run comes from the browser's Back or Forward."""
    contexto = get_script_run_ctx()
    return bool(contexto is not None and getattr(contexto, "is_history_navigation", False))


def _vista(pagina: str, url: Mapping[str, Sequence[str]]) -> tuple:
    return pagina, tuple(sorted((k, tuple(v)) for k, v in url.items()))


def _aplicar_pendientes() -> None:
    pendientes = st.session_state.pop(_PENDIENTES, None)
    if pendientes:
        for clave, valores in pendientes.items():
            st.session_state[_clave_widget(clave)] = list(valores)
        _limpiar_avisos()


def barra_filtros(opciones: Mapping[str, Sequence[Opcion]], aplican: bool = True) -> Filtros:
    """Draw the filters in the sidebar and return them; keeps the URL in step. On a page they do not apply to
    (`aplican=False`) they are drawn disabled, still holding their values for the boards, with a line saying so."""
    url = _url_actual()
    primera_vez = _URL_ESCRITA not in st.session_state
    if _por_historial():
        # Back/Forward: the URL of that history entry is the view, even an empty one (no filters); an entry a
        # drill-down left behind stands for the view the user left (see `navegar_con_filtros`).
        _sembrar_desde_url(st.session_state.get(_FANTASMAS, {}).get(_vista(_pagina_actual(), url), url), opciones)
    # An empty URL on a later run is a page switch that dropped the query string: keep the widgets' values.
    elif primera_vez or (url and url != st.session_state[_URL_ESCRITA]):
        _sembrar_desde_url(url, opciones)
    _aplicar_pendientes()

    with st.sidebar:
        st.header("Filtros")
        if not aplican:
            st.caption("Esta página no usa los filtros; se conservan para las pizarras.")
        for definicion in DEFINICIONES:
            visibles = opciones_visibles(definicion.clave, _desde_estado(), opciones)
            nombres = {o.clave: o.nombre for o in visibles}
            clave = _clave_widget(definicion.clave)
            # A parent filter may have narrowed this one's options: drop values no longer offered.
            st.session_state[clave] = [v for v in st.session_state.get(clave, []) if v in nombres]
            st.multiselect(
                definicion.etiqueta,
                options=list(nombres),
                format_func=lambda v, nombres=nombres: nombres.get(v, str(v)),
                key=clave,
                placeholder=todos(definicion.clave),
                select_all=False,  # an empty filter already means all; Streamlit's option says «Select all»
                on_change=_limpiar_avisos,
                disabled=not aplican,
            )
        st.button(
            "Restablecer filtros",
            on_click=_restablecer,
            icon=":material/filter_alt_off:",
            width="stretch",
            key="restablecer_filtros",
            disabled=not aplican,
        )

    filtros = _desde_estado()
    nueva_url = filtros.a_url()
    if nueva_url != url:
        st.query_params.from_dict(nueva_url)
    st.session_state[_URL_ESCRITA] = nueva_url
    return filtros


def avisos_de_filtros() -> list[str]:
    """Warnings about URL values that were ignored (unknown region, say), until the user touches a filter."""
    return list(st.session_state.get(_AVISOS, []))
