"""Helpers for page tests: open a page in the real frame, rerun, read metrics."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from streamlit.testing.v1 import AppTest

ARNES = str(Path(__file__).resolve().parents[1] / "paginas" / "arnes.py")
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def abrir(pagina: str, como: str | None = None, contexto: dict | None = None, **parametros_url) -> AppTest:
    """Run `pages/<pagina>.py` inside the real frame, with the given URL query parameters; `como` opens it in a
    session of that account (as a login, or the cookie, would); `contexto` seeds `st.context` (e.g. its "url")."""
    at = AppTest.from_file(ARNES, default_timeout=30)
    at.context = dict(contexto or {})
    at.session_state["pagina_bajo_prueba"] = f"pages/{pagina}.py"
    if como:
        at.session_state["_sesion_pizarras"] = {"usuario": como, "iniciada": datetime.now()}
    for clave, valor in parametros_url.items():
        at.query_params[clave] = valor
    return at.run()


def rerun(at: AppTest) -> AppTest:
    """Rerun after a widget change (pages rerun inside the frame thanks to `exigir_marco`)."""
    return at.run()


def metrica(at: AppTest, etiqueta: str) -> str:
    return next(m.value for m in at.metric if m.label == etiqueta)
