"""The internal view of the boards: an admin or evaluador sees drafts and unvalidated records, and every board says
so at its top, with a switch «Ver como el público» that shows exactly what a logged-out visitor sees.

The frame calls `filtros_de_la_vista` once per run, after the filter sidebar: it sets `solo_validadas` on the
shared filters and, on a board (`pizarras.lectura.sin_validar.QUE_CUENTA`), draws the banner and the switch above
the page's content. The public never sees either. The switch is mirrored in the URL (`?vista=publica`) so a link
keeps it: the URL sets it when a session starts or when the URL changes from outside (a shared link, Back), and it
is written back after every run, also on the pages without the banner, where it is kept for the boards.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import streamlit as st

from pizarras.config import RAIZ
from pizarras.escritura.cuentas import Usuario
from pizarras.lectura import sin_validar
from pizarras.lectura.filtros import Filtros
from pizarras.ui.datos import consultar

PARAMETRO = "vista"
VALOR_PUBLICO = "publica"
CONMUTADOR = "vista_publica"  # the toggle's widget key
ETIQUETA = "Ver como el público"
AYUDA = ("Muestra las pizarras como las ve quien no inició sesión: solo registros validados. Se conserva al cambiar "
         "de página y en la dirección (vista=publica).")
_ESTADO = "_vista_publica"  # kept while the toggle is not drawn (pages without the banner)
_EN_URL = "_vista_publica_en_url"  # what the URL said after the last run
_registro = logging.getLogger("pizarras")


def archivo_de(pagina) -> str:
    """The page's script as 'pages/x.py' (how `pizarras.lectura` names pages), or '' for a page without one."""
    ruta = getattr(pagina, "_page", None)  # st.Page keeps its script's absolute path here
    if not isinstance(ruta, (str, Path)):
        return ""
    try:
        return Path(ruta).resolve().relative_to(RAIZ).as_posix()
    except ValueError:
        return ""


def filtros_de_la_vista(filtros: Filtros, usuario: Usuario | None, pagina) -> Filtros:
    """The shared filters as `usuario` sees the boards: validated records only for the public and in the public view;
    every record for an admin or evaluador otherwise. On a board, draws the banner and the switch."""
    if usuario is None or not usuario.ve_sin_validar:
        return replace(filtros, solo_validadas=True)
    publica = _vista_publica()
    filtros = replace(filtros, solo_validadas=publica)
    tipos = sin_validar.tipos_de(archivo_de(pagina))
    if tipos is not None:
        _aviso(filtros, tipos, publica)
    return filtros


def _vista_publica() -> bool:
    """Whether the switch is on, read from the URL when it changed from outside, and written back to it."""
    valores = st.query_params.get_all(PARAMETRO)
    en_url = VALOR_PUBLICO in valores
    # A URL without the parameter on a later run is a page switch or a filter change that rewrote the query
    # string: the session's choice holds, and is written back below.
    if _ESTADO not in st.session_state or (valores and en_url != st.session_state.get(_EN_URL)):
        st.session_state[_ESTADO] = en_url
    publica = bool(st.session_state[_ESTADO])
    if publica and valores != [VALOR_PUBLICO]:
        st.query_params[PARAMETRO] = VALOR_PUBLICO
    elif not publica and valores:
        del st.query_params[PARAMETRO]
    st.session_state[_EN_URL] = publica
    return publica


def _al_cambiar() -> None:
    st.session_state[_ESTADO] = bool(st.session_state.get(CONMUTADOR))


def _aviso(filtros: Filtros, tipos: tuple[str, ...], publica: bool) -> None:
    try:
        conteo = sin_validar.sin_validar(consultar, filtros, tipos)
    except Exception:
        # The board itself will say what failed; the banner still says what this view is.
        _registro.exception("No se pudieron contar los registros sin validar")
        conteo = None
    texto, borde = st.columns([4, 1], vertical_alignment="center")
    if publica:
        texto.info(conteo.aviso_publico() if conteo else f"{sin_validar.VISTA_PUBLICA}.", icon=":material/public:")
    elif conteo is not None and conteo.total == 0:
        texto.info(conteo.aviso(), icon=":material/visibility:")
    else:
        texto.warning(conteo.aviso() if conteo else sin_validar.AVISO_SIN_CONTEO, icon=":material/visibility:")
    st.session_state[CONMUTADOR] = publica
    borde.toggle(ETIQUETA, key=CONMUTADOR, on_change=_al_cambiar, help=AYUDA, wrap=True)
