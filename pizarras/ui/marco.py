"""The frame every page runs in: page setup, catalogs, the shared filter sidebar, warnings, and the router.

`app.py` calls `ejecutar_app` with the registered pages; page tests call it with the page under test as the only
page. Every page starts with `exigir_marco()`: while no session has called `st.navigation` yet, Streamlit treats our
`pages/` folder as a legacy multipage app and runs a page requested by URL (`/mapa`) on its own, without app.py.
"""

from __future__ import annotations

import logging
import runpy
import sys
import threading
from collections.abc import Collection
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException

from pizarras.estilo import COLOR_LEYENDA
from pizarras.ui import datos, escrituras, sesion, vista_interna
from pizarras.ui.filtros import avisos_de_filtros, barra_filtros

RAIZ = Path(__file__).resolve().parents[2]
ICONO = RAIZ / "assets" / "icono.png"
SITIO = "Pizarras de Avance"
CLAVE_PAGINAS = "paginas"
CLAVE_ESTILO = "estilo_marco"
# Captions and the labels of disabled controls at WCAG contrast (pizarras/estilo.py, COLOR_LEYENDA); no heading
# anchors (a link shown only on hover, named «Link to heading», was a Tab stop before every form). Drawn in a hidden
# sidebar element, which stays on the page between runs (style-only HTML goes to Streamlit's event container, where
# an audit once found the page without it).
ESTILO = f"""<style>
.st-key-{CLAVE_ESTILO}, div:has(> .st-key-{CLAVE_ESTILO}) {{ display: none; }}
.stApp [data-testid="stHeaderActionElements"] > a[href^="#"] {{ display: none; }}
.stApp [data-testid="stCaptionContainer"],
.stApp [data-testid="stWidgetLabel"][disabled] {{ color: {COLOR_LEYENDA}; opacity: 1; }}
.st-key-{CLAVE_PAGINAS} [data-testid="stCaptionContainer"] {{ margin-top: 0.5rem; }}
</style>"""

_registro = logging.getLogger("pizarras")
_ejecucion = threading.local()  # each session's script runs on its own thread

# Every session's rerun is a thread of this one process, all taking turns on the GIL. Python's default 5 ms turn
# made a live audience spend much of the server's time handing the GIL around: with 100 sessions a 25 ms turn
# served 13.4 filter changes per second against 10.0-10.6 (bench/audiencia.py, 4 alternating runs), and a lone
# session's rerun did not get slower. Set once, when the app's frame is first imported.
TURNO_GIL_S = 0.025
sys.setswitchinterval(TURNO_GIL_S)


def rango_de_anios(opciones) -> str:
    """The years the data covers, such as « (2015-2026)», from the periodo filter's options (never a fixed label)."""
    anios = [int(o.clave) for o in opciones.get("periodo", ())]
    return f" ({min(anios)}-{max(anios)})" if anios else ""


def titulo_de_pestana(titulo: str) -> str:
    """The browser tab's title of a page: «Pizarra nacional · Pizarras de Avance»."""
    return f"{titulo} · {SITIO}"


def enlaces_de_paginas(paginas: list[st.Page] | dict[str, list[st.Page]]) -> None:
    """The sidebar's page links, grouped as registered. Streamlit's own navigation list is hidden (its markup puts
    headers inside the list, which screen readers and audits reject); these are plain links, one Tab stop each."""
    secciones = paginas.items() if isinstance(paginas, dict) else [("", paginas)]
    with st.sidebar.container(key=CLAVE_PAGINAS, gap="small"):
        for seccion, lista in secciones:
            if seccion:
                st.caption(seccion)
            for pagina in lista:
                st.page_link(pagina)


def exigir_marco() -> None:
    """Run the page inside the frame: if it was started without app.py, run app.py (which runs it) and stop."""
    if getattr(_ejecucion, "dentro_del_marco", False):
        return
    runpy.run_path(str(RAIZ / "app.py"), run_name="__main__")
    st.stop()


def ejecutar_app(paginas: list[st.Page] | dict[str, list[st.Page]], sin_filtros: Collection[st.Page] = ()) -> None:
    """Run the chosen page in the frame. On the pages of `sin_filtros` (which the shared filters do not narrow) the
    sidebar shows the filters disabled, kept for the boards."""
    # A local icon: a material or emoji favicon is fetched from a CDN, and the boards must work offline. Set before
    # st.navigation, or the front end takes the material icon of the page as the favicon; the title comes after.
    st.set_page_config(page_icon=str(ICONO), layout="wide")
    pagina = st.navigation(paginas, position="hidden")
    st.set_page_config(page_title=titulo_de_pestana(pagina.title))
    st.sidebar.container(key=CLAVE_ESTILO).html(ESTILO + "<span></span>")
    enlaces_de_paginas(paginas)
    try:
        opciones = datos.opciones_catalogos()
    except datos.BaseNoDisponible as error:
        st.error(str(error), icon=":material/database_off:")
        st.stop()

    st.session_state["opciones"] = opciones
    usuario = sesion.usuario_actual()
    st.session_state["usuario"] = usuario
    filtros = barra_filtros(opciones, aplican=all(pagina is not p for p in sin_filtros))
    # The public sees validated records only; admins and evaluators also see drafts, with a banner on each board and
    # a switch to the public view.
    st.session_state["filtros"] = vista_interna.filtros_de_la_vista(filtros, usuario, pagina)
    with st.sidebar:
        st.caption(f"Sistema Nacional de Transparencia{rango_de_anios(opciones)}. Datos autorreportados por sus "
                   "integrantes.")
    sesion.panel_de_sesion(usuario)

    for aviso in avisos_de_filtros():
        st.warning(aviso, icon=":material/warning:")

    _ejecucion.dentro_del_marco = True
    escrituras.empezar_corrida()
    interrumpida = False
    try:
        pagina.run()
    except RerunException:
        # Interrupted by a newer rerun (the second click of a double click) or ended by st.rerun(): the zones it had
        # not drawn yet keep their results for the run that follows.
        interrumpida = True
        raise
    except Exception:
        # No traceback reaches the audience; the server log keeps it.
        _registro.exception("Error al dibujar la página %s", pagina.title)
        st.error(
            "Ocurrió un error al dibujar esta página. Pruebe con otros filtros o recargue; el detalle quedó en el "
            "registro del servidor."
        )
    finally:
        _ejecucion.dentro_del_marco = False
        if not interrumpida:
            escrituras.terminar_corrida()
