"""What `make run` serves: the app (`app.py`) under Streamlit's own server, with the frontend's static files sent
gzip-compressed (`pizarras/web/compresion.py`) — a phone's first visit moves a third of the bytes — and the page
itself in Spanish (`pizarras/web/idioma.py`: `<html lang="es">`, also when Streamlit compresses it).

`streamlit run servidor.py` finds `app` below and serves it with every `--server.*` flag and `.streamlit/config.toml`
as usual; `streamlit run app.py` still works, without the compression and with the page in English.
"""

from pathlib import Path

import streamlit
from starlette.middleware import Middleware
from streamlit.starlette import App

from pizarras.web.compresion import EstaticosComprimidos
from pizarras.web.idioma import DocumentoEnEspanol

ESTATICOS_DE_STREAMLIT = Path(streamlit.__file__).parent / "static"

app = App(Path(__file__).with_name("app.py"),
          middleware=[Middleware(DocumentoEnEspanol),
                      Middleware(EstaticosComprimidos, raiz=ESTATICOS_DE_STREAMLIT)])
