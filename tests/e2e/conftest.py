"""The real server and headless Debian Chromium, for end-to-end tests.

Every test gets the server started on a free loopback port with its own copy of the fixture database, and a
browser context that aborts (and records) any request to a host other than the app's: the app must work offline.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from datos_prueba import construir_pequena

RAIZ = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _esperar_salud(url: str, proceso: subprocess.Popen, limite: float = 60) -> None:
    fin = time.monotonic() + limite
    while time.monotonic() < fin:
        if proceso.poll() is not None:
            raise RuntimeError(f"El servidor terminó con código {proceso.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as respuesta:
                if respuesta.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("El servidor no respondió a tiempo")


@contextmanager
def servidor_en(db: Path, carpeta: Path, entorno: dict | None = None, puerto: int | None = None):
    """URL of the real server as `make run` starts it (`streamlit run servidor.py`) on the database `db`, stopped when
    the block ends."""
    puerto = puerto or _puerto_libre()
    registro = open(carpeta / "servidor.log", "w")
    proceso = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(RAIZ / "servidor.py"),
            "--server.port", str(puerto), "--server.address", "127.0.0.1", "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        ],
        cwd=RAIZ,
        env={**os.environ, "PIZARRAS_DB": str(db), **(entorno or {})},
        stdout=registro,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{puerto}"
    try:
        _esperar_salud(url, proceso)
        yield url
    finally:
        proceso.terminate()
        try:
            proceso.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proceso.kill()
        registro.close()
        print((carpeta / "servidor.log").read_text())


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
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
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
