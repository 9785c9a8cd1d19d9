"""What `make run` serves: the app (`app.py`) under Streamlit's own server, with the frontend's static files sent
gzip-compressed (`pizarras/web/compresion.py`) — a phone's first visit moves a third of the bytes — the page
itself in Spanish (`pizarras/web/idioma.py`: `<html lang="es">`, also when Streamlit compresses it), and the
latest static publication of the boards under `/publico/` (`pizarras/web/publico.py`).

The copy under `/publico/` is what a workshop's audience opens from a slide's QR code when the app is reached on
the venue's network (pizarras.publicacion.puerta): plain files, served by a process of its own on the next port
(8502 beside 8501; pizarras.web.copia_aparte), so a room of phones does not share the live app's event loop, and
also by this same process under /publico/, outside Streamlit's script runner and in front of its middleware (so
nothing is compressed again per request), for when that process cannot run. A background thread
keeps it current (pizarras.publicacion.republicar): it publishes at start when the server listens beyond this
machine (`make run HOST=0.0.0.0`), otherwise on the first request for `/publico/` or the first visit to the
presentation page from the network, and again whenever what the public sees changes. The copies live beside the
database (`pizarras.config.carpeta_publica`: data/publico/pizarras/ for data/pizarras.duckdb).

`streamlit run servidor.py` finds `app` below and serves it with every `--server.*` flag and `.streamlit/config.toml`
as usual; `streamlit run app.py` still works, without the compression, the page in English and no copy (the QR
codes then open the live app).
"""

import os
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
import streamlit
from starlette.middleware import Middleware
from streamlit import config as configuracion
from streamlit.starlette import App

from pizarras.config import carpeta_publica
from pizarras.publicacion.puerta import solo_esta_maquina
from pizarras.publicacion.republicar import ENLACE, Republicador, registrar
from pizarras.web import copia_aparte
from pizarras.web.compresion import EstaticosComprimidos
from pizarras.web.idioma import DocumentoEnEspanol
from pizarras.web.publico import PREFIJO, ConSitioPublico, SitioPublico

ESTATICOS_DE_STREAMLIT = Path(streamlit.__file__).parent / "static"



def _conexion_de_la_app():
    """The app's own connection (one per process); the thread reads through a cursor of it. Imported on first use:
    before Streamlit's runtime exists, importing the app's cached functions logs a warning."""
    from pizarras.ui.datos import conexion

    return conexion()


def _copia_aparte() -> copia_aparte.CopiaAparte | None:
    """The copy's own process (pizarras.web.copia_aparte) on the app's address, unless $PIZARRAS_PUERTO_COPIA=0.
    Streamlit has read its options when it imports this file."""
    puertos = copia_aparte.puertos_a_probar(configuracion.get_option("server.port"),
                                            os.environ.get(copia_aparte.VARIABLE_PUERTO))
    if not puertos:
        return None
    return copia_aparte.CopiaAparte(carpeta_publica() / ENLACE, configuracion.get_option("server.address") or "",
                                    puertos)


COPIA_APARTE = _copia_aparte()
copia_aparte.registrar(COPIA_APARTE)
REPUBLICADOR = Republicador(_conexion_de_la_app, carpeta_publica(),
                            al_activar=COPIA_APARTE.iniciar if COPIA_APARTE else None)
registrar(REPUBLICADOR)


def en_la_red() -> bool:
    """Whether the server listens beyond this machine (`--server.address 0.0.0.0`, a LAN address, or none)."""
    direccion = configuracion.get_option("server.address")
    return not direccion or not solo_esta_maquina(direccion)


@asynccontextmanager
async def _vida(_app):
    if en_la_red():
        REPUBLICADOR.activar()
    try:
        yield
    finally:
        if COPIA_APARTE is not None:
            await anyio.to_thread.run_sync(COPIA_APARTE.detener)
        await anyio.to_thread.run_sync(REPUBLICADOR.detener, 5.0)


app = App(Path(__file__).with_name("app.py"), lifespan=_vida,
          middleware=[Middleware(ConSitioPublico, sitio=SitioPublico(REPUBLICADOR.sitio), prefijo=PREFIJO,
                                 al_pedir=REPUBLICADOR.activar),
                      Middleware(DocumentoEnEspanol),
                      Middleware(EstaticosComprimidos, raiz=ESTATICOS_DE_STREAMLIT)])
