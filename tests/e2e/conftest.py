"""The real server and headless Debian Chromium, for end-to-end tests.

Every test gets the server started on a free loopback port with its own copy of the fixture database, and a
browser context that aborts (and records) any request to a host other than the app's: the app must work offline.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from datos_prueba import construir_pequena

from bench.servidor import ARGUMENTOS_CHROMIUM, lanzar

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


@pytest.fixture(scope="module")
def servidor(tmp_path_factory):
    """URL of a real `streamlit run servidor.py` on its own fixture database."""
    carpeta = tmp_path_factory.mktemp("e2e")
    with servidor_en(construir_pequena(carpeta / "e2e.duckdb"), carpeta) as url:
        yield url


@pytest.fixture(scope="session")
def navegador():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Falta chromium de Debian: `make test` lo instala con apt-get.")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=ARGUMENTOS_CHROMIUM,
        )
        yield browser
        browser.close()


@pytest.fixture()
def pagina(navegador, servidor):
    """A fresh browser page; `pagina.externas` lists any request that tried to leave the machine."""
    yield from pagina_en(navegador, servidor, viewport={"width": 1400, "height": 1000})


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
