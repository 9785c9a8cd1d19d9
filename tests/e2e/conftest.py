"""The real server and headless Debian Chromium, for end-to-end tests.

Every test gets the server started on a free loopback port with its own copy of the fixture database, and a
browser context that aborts (and records) any request to a host other than the app's: the app must work offline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.servidor import ARGUMENTOS_CHROMIUM
from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import CHROMIUM, pagina_en, servidor_en


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
