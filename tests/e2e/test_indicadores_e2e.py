"""The «Indicadores» board in the real server and Chromium, on the fixture database plus the seed's demo indicator
set: the demo notice, each indicator's state in words, its chart, a filter from the URL, on a 1280×720 window, a
1920×1080 projector and a 390×844 phone that never scrolls sideways; no serious axe-core violation once filled. Screenshots go to test-results/indicadores/."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from axe_playwright_python.sync_playwright import Axe

from bench.primera_visita import AGENTE_TELEFONO
from pizarras.base.demo import cargar_indicadores_demo
from pizarras.config import CARPETA_SEED
from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import esperar_app, pagina_en, servidor_en
from tests.e2e.test_accesibilidad_e2e import REGLAS, graves

pytestmark = pytest.mark.browser
SALIDA = Path(__file__).resolve().parents[2] / "test-results" / "indicadores"
EXCESO = """() => { const main = document.querySelector('[data-testid=stMain]');
  return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
                  main.scrollWidth - main.clientWidth); }"""


@pytest.fixture(scope="module")
def servidor(tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("indicadores")
    db = construir_pequena(carpeta / "indicadores.duckdb")
    con = duckdb.connect(str(db))
    con.execute("begin")
    cargar_indicadores_demo(con, CARPETA_SEED / "demo")
    con.execute("commit")
    con.close()
    with servidor_en(db, carpeta) as url:
        yield url


@pytest.fixture(params=[(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def ventana(request, navegador, servidor):
    yield from pagina_en(navegador, servidor, viewport={"width": request.param[0], "height": request.param[1]})


@pytest.fixture()
def telefono(navegador, servidor):
    yield from pagina_en(navegador, servidor, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                         user_agent=AGENTE_TELEFONO)


def abrir(page, url: str) -> None:
    page.goto(url)
    esperar_app(page)
    page.wait_for_selector("[data-testid=stMain] h1", timeout=30000)
    page.wait_for_selector("[data-testid=stPlotlyChart] .main-svg", timeout=30000)


def test_the_board_shows_demo_indicators_with_their_state_in_words_and_a_chart(ventana, servidor):
    page = ventana
    abrir(page, f"{servidor}/indicadores")
    principal = page.get_by_test_id("stMain")
    principal.get_by_text("Datos de demostración: 16 indicadores", exact=False).wait_for()
    for palabra in ("Cumple en 2025", "Cerca en 2025", "Rezagado en 2025", "Sin dato en 2025"):
        cifra = principal.get_by_test_id("stMetric").filter(has_text=palabra)
        cifra.first.wait_for(timeout=30000)  # on a loaded machine the figures may arrive after the first chart
        assert cifra.count() == 1, palabra
    assert principal.get_by_text("PROTAI-I01 · Porcentaje de organismos garantes", exact=False).count() == 1
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.evaluate(EXCESO) <= 0
    SALIDA.mkdir(parents=True, exist_ok=True)
    tamano = page.viewport_size
    page.screenshot(path=str(SALIDA / f"indicadores-{tamano['width']}x{tamano['height']}.png"))
    assert page.externas == []


def test_on_a_phone_a_filtered_board_keeps_its_chart_and_never_scrolls_sideways(telefono, servidor):
    page = telefono
    abrir(page, f"{servidor}/indicadores?programa=PRONADATOS")
    assert page.locator("[data-testid=stPlotlyChart]").count() == 4
    assert page.get_by_test_id("stMain").get_by_text("PRONADATOS-I04", exact=False).count() >= 1
    assert page.evaluate(EXCESO) <= 0
    assert page.locator("[data-testid=stException]").count() == 0
    SALIDA.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SALIDA / "indicadores-telefono-pronadatos.png"))
    assert page.externas == []


def test_the_filled_board_has_no_serious_axe_violation(ventana, servidor):
    abrir(ventana, f"{servidor}/indicadores?eje=PROTAI-T3&eje=PROTAI-T5")
    # The table at the foot draws its grid once scrolled to (grids in closed expanders never draw).
    tabla = ventana.locator("[data-testid=stDataFrame]").last
    tabla.scroll_into_view_if_needed()
    tabla.locator("canvas").first.wait_for(state="attached", timeout=15000)
    resultado = Axe().run(ventana, options=REGLAS)
    assert graves(resultado) == []
