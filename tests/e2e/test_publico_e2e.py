"""The presenter's server serves the static copy under /publico/ (servidor.py): on a copy of the seed database, the
first request starts the publication (a Spanish «not ready yet» page that reloads itself), then Chromium opens a
filtered board of the copy with nothing fetched from another host, and the app's page paths redirect into it with
their filters."""

from __future__ import annotations

import http.client
import shutil
import urllib.request
from urllib.parse import urlsplit

import psutil
import pytest

from bench.servidor import puerto_libre
from pizarras.config import carpeta_publica
from pizarras.web.copia_aparte import VARIABLE_PUERTO
from tests.apoyo.navegador import pagina_en, servidor_en

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(ruta_seed, tmp_path_factory):
    return shutil.copy(ruta_seed, tmp_path_factory.mktemp("publico") / "pizarras.duckdb")


@pytest.fixture(scope="module")
def puerto_copia():
    return puerto_libre()


@pytest.fixture(scope="module")
def servidor(base, tmp_path_factory, puerto_copia):
    with servidor_en(base, tmp_path_factory.mktemp("srv"), entorno={VARIABLE_PUERTO: str(puerto_copia)}) as url:
        yield url


def test_the_copy_is_published_on_first_request_and_a_filtered_board_opens_in_the_browser(navegador, servidor,
                                                                                           base):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 390, "height": 844}):
        respuesta = pagina.goto(f"{servidor}/publico/pizarra_nacional/?region=norte")
        if respuesta.status == 503:  # the first request starts the publication; the page reloads itself
            assert "La copia publicada aún no está lista" in pagina.content()
            pagina.wait_for_function("() => document.title.indexOf('aún no está lista') < 0", timeout=90_000)
        pagina.wait_for_load_state("networkidle")  # a page may send on to another (a meta refresh)
        assert pagina.evaluate("document.documentElement.lang") == "es"
        assert "Pizarra nacional" in pagina.title()
        assert pagina.locator("h1, h2").first.is_visible()
        assert pagina.externas == [], f"La copia pidió recursos de otro host: {pagina.externas}"

        redirigida = pagina.request.get(f"{servidor}/publico/pizarra_region?region=norte&ods=16", max_redirects=0)
        assert redirigida.status == 307
        assert redirigida.headers["location"] == "/publico/pizarra_region/?region=norte&ods=16"
        faltante = pagina.request.get(f"{servidor}/publico/no-existe/")
        assert faltante.status == 404 and "No encontramos esa página" in faltante.text()
    # Sent as typed (a browser would normalise the dots away): the server decodes them, the copy refuses them.
    for ruta in ("/publico/%2e%2e/%2e%2e/pizarras.duckdb", "/publico/../../pizarras.duckdb",
                 "/publico/..%2f..%2fpizarras.duckdb"):
        conexion = http.client.HTTPConnection(urlsplit(servidor).hostname, urlsplit(servidor).port, timeout=10)
        conexion.request("GET", ruta)
        fuera = conexion.getresponse()
        assert fuera.status in (400, 404) and b"DUCK" not in fuera.read(), ruta
        conexion.close()
    assert (carpeta_publica(base) / "sitio").is_symlink()  # beside the database, one folder per database


def test_the_copys_own_process_serves_the_same_files_on_its_port(servidor, puerto_copia):
    """Started with the copy's upkeep (the first request above), beside the app: where the QR codes send phones."""
    pagina = "/publico/pizarra_nacional/?region=norte"
    desde_la_app = urllib.request.urlopen(servidor + pagina, timeout=30).read()
    aparte = urllib.request.urlopen(f"http://127.0.0.1:{puerto_copia}{pagina}", timeout=30)
    assert aparte.status == 200 and aparte.read() == desde_la_app
    assert aparte.headers["cache-control"] == "no-cache" and aparte.headers["vary"] == "Accept-Encoding"
    hijo = next(p for p in psutil.Process(_pid_de(servidor)).children(recursive=True)
                if "pizarras.web.copia_aparte" in " ".join(p.cmdline()))
    assert hijo.nice() > 0  # the phones yield the CPU to the presenter's slide


def _pid_de(servidor: str) -> int:
    puerto = urlsplit(servidor).port
    return next(c.pid for c in psutil.net_connections("tcp")
                if c.laddr and c.laddr.port == puerto and c.status == psutil.CONN_LISTEN)
