"""The real server and headless Debian Chromium as the browser tests use them (their fixtures are in
tests/e2e/conftest.py): the server started as `make run` starts it, a page that records any request leaving the
machine, and waiting for the app to be idle."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

from bench.paginas import paginas_registradas
from bench.servidor import lanzar

RAIZ = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@contextmanager
def servidor_en(db: Path, carpeta: Path, entorno: dict | None = None, puerto: int | None = None):
    """URL of the real server as `make run` starts it (`streamlit run servidor.py`) on the database `db`, stopped when
    the block ends; its log is printed (pytest shows it when a test fails)."""
    servidor = lanzar(db, carpeta, entorno=entorno, puerto=puerto)
    try:
        servidor.esperar_salud()
        yield servidor.url
    finally:
        servidor.detener()
        print(servidor.registro.read_text())


def pagina_en(navegador, servidor, **opciones_contexto):
    """A fresh page in a new context with `opciones_contexto` (window size, touch), closed after the test."""
    contexto = navegador.new_context(locale="es-MX", **opciones_contexto)
    externas: list[str] = []

    def filtrar(ruta):
        if ruta.request.url.startswith(servidor):
            ruta.continue_()
        else:
            externas.append(ruta.request.url)
            ruta.abort()

    contexto.route("**/*", filtrar)
    page = contexto.new_page()
    page.externas = externas
    yield page
    contexto.close()


def esperar_app(page, limite_ms: int = 30000) -> None:
    """Wait until the script has run and the app is idle."""
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=limite_ms)
    # The front end reads as idle before a page's first run starts; an element in the main area means the first
    # run has drawn (every page draws one). After a click in a loaded page this is already true.
    page.wait_for_selector("[data-testid=stMain] [data-testid=stElementContainer]", state="attached",
                           timeout=limite_ms)
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=limite_ms)


def kpi(page, etiqueta: str) -> str:
    metrica = page.locator("[data-testid=stMetric]").filter(has_text=etiqueta).first
    return metrica.locator("[data-testid=stMetricValue]").inner_text().strip()


def rutas_de_paginas() -> list[str]:
    """URL paths of the pages app.py registers (Streamlit derives them from the file name)."""
    return [Path(p["ruta"]).stem for p in paginas_registradas()]
