"""The static publication served by `python -m http.server` and opened in headless Chromium: every board page
draws its plotly charts with no request to another host and no console error; the open-data files load back into
DuckDB with the database's validated row counts; drafts never reach the site."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from bench.servidor import puerto_libre
from pizarras.publicacion import datos_abiertos
from pizarras.publicacion.sitio import PAGINAS
from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import pagina_en
from tests.apoyo.publico_prueba import con_registros_sin_validar

pytestmark = pytest.mark.browser
RAIZ = Path(__file__).resolve().parents[2]
SALIDA = RAIZ / "test-results" / "publicacion"
TABLEROS = ["pizarra_nacional.html", "compromisos.html", "capacitaciones.html", "regiones.html", "mapa.html"]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    carpeta = tmp_path_factory.mktemp("publicacion")
    return con_registros_sin_validar(construir_pequena(carpeta / "pequena.duckdb"), carpeta / "mixta.duckdb")


@pytest.fixture(scope="module")
def sitio(base, tmp_path_factory) -> Path:
    destino = tmp_path_factory.mktemp("sitio") / "sitio"
    subprocess.run([sys.executable, "-m", "pizarras", "publicar", str(destino), "--db", str(base)],
                   cwd=RAIZ, check=True, capture_output=True, text=True)
    return destino


@pytest.fixture(scope="module")
def servidor(sitio):
    puerto = puerto_libre()
    proceso = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(puerto), "--bind", "127.0.0.1", "--directory", str(sitio)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{puerto}"
    try:
        for _ in range(200):  # until it answers (or fails the test below)
            try:
                urllib.request.urlopen(url + "/index.html", timeout=2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        proceso.terminate()
        proceso.wait(timeout=10)


def test_the_site_has_every_page_plotly_js_and_the_open_data(sitio):
    assert {p.name for p in sitio.iterdir()} >= set(PAGINAS) | {"plotly.min.js", "datos"}
    for pagina in TABLEROS:
        texto = (sitio / pagina).read_text(encoding="utf-8")
        assert '<script src="plotly.min.js"' in texto
        assert 'src="http' not in texto and "cdn.plot.ly" not in texto


@pytest.mark.parametrize("archivo", list(PAGINAS))
def test_each_page_renders_offline_without_console_errors(navegador, servidor, archivo):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1400, "height": 1000}):
        errores: list[str] = []
        pagina.on("console", lambda m: errores.append(m.text) if m.type == "error" else None)
        pagina.on("pageerror", lambda e: errores.append(str(e)))
        pagina.goto(f"{servidor}/{archivo}")
        pagina.wait_for_load_state("load")
        if archivo in TABLEROS:
            pagina.wait_for_selector(".js-plotly-plot .main-svg", timeout=30000)
            assert pagina.locator(".js-plotly-plot").count() >= 1
        SALIDA.mkdir(parents=True, exist_ok=True)
        pagina.screenshot(path=str(SALIDA / f"{archivo}.png"), full_page=True)
        assert errores == []
        assert pagina.externas == [], f"El sitio pidió recursos externos: {pagina.externas}"


def test_the_open_data_loads_back_with_the_validated_row_counts(base, sitio):
    origen = duckdb.connect(str(base), read_only=True)
    try:
        esperadas = {
            t: origen.execute(f"select count(*) from {t} where revision = 'validada'").fetchone()[0]
            for t in ("actividades", "compromisos", "capacitaciones")
        }
        todas = {c.nombre: len(datos_abiertos.tabla(origen, c.nombre)) for c in datos_abiertos.CONJUNTOS}
    finally:
        origen.close()
    assert esperadas == {"actividades": 3, "compromisos": 2, "capacitaciones": 2}
    lector = duckdb.connect()
    for tabla, n in todas.items():
        if tabla in esperadas:
            assert n == esperadas[tabla]
        for funcion, formato in (("read_parquet", "parquet"), ("read_json", "json"), ("read_csv", "csv")):
            ruta = str(sitio / "datos" / formato / f"{tabla}.{formato}")
            assert lector.execute(f"select count(*) from {funcion}(?)", [ruta]).fetchone()[0] == n, ruta
    ids = {i for (i,) in lector.execute("select id from read_parquet(?)",
                                         [str(sitio / "datos" / "parquet" / "actividades.parquet")]).fetchall()}
    assert ids == {1, 3, 6}


def test_an_audience_link_made_for_the_app_opens_the_matching_static_board(navegador, servidor):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        pagina.goto(f"{servidor}/pizarra_region?region=norte")
        pagina.wait_for_url("**/regiones.html", timeout=30000)
        pagina.wait_for_selector(".js-plotly-plot .main-svg", timeout=30000)
        assert pagina.externas == []
