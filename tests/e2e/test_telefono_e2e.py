"""Every board on a 390×844 phone, with and without filters: the active filters are on the first screen with the
sidebar closed, the first chart (or table) starts within 1.5 screens, and the page never scrolls sideways. Desktop
and projector windows keep the KPI cards in one row. Screenshots go to test-results/telefono/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.primera_visita import AGENTE_TELEFONO  # the server tells a phone by its User-Agent
from pizarras.web.compresion import TAMANO_MINIMO
from tests.apoyo.navegador import esperar_app, pagina_en

pytestmark = pytest.mark.browser
SALIDA = Path(__file__).resolve().parents[2] / "test-results" / "telefono"
ANCHO, ALTO = 390, 844

GRAFICA, TABLA = "[data-testid=stPlotlyChart] .main-svg", "[data-testid=stDataFrame] canvas"
# Filters under which each board of the fixture database has something to draw, the labels its chips must say, and
# what it draws first below the KPIs (None: the región and organismo boards wait for a choice).
CASOS = [
    ("pizarra_nacional", "", [], GRAFICA),
    ("pizarra_nacional", "region=centro-occidente&programa=PROTAI&ods=16&periodo=2023",
     ["Región Centro-Occidente", "PROTAI 2022-2026", "ODS 16", "2023"], GRAFICA),
    ("compromisos", "", [], GRAFICA),
    ("compromisos", "region=centro-occidente&ods=16", ["Región Centro-Occidente", "ODS 16"], GRAFICA),
    ("capacitaciones", "", [], GRAFICA),
    ("capacitaciones", "region=norte&periodo=2024", ["Región Norte", "2024"], GRAFICA),
    ("mapa", "", [], GRAFICA),
    ("mapa", "region=norte&programa=PROTAI", ["Región Norte", "PROTAI 2022-2026"], GRAFICA),
    ("pizarra_region", "", [], None),
    ("pizarra_region", "region=norte&periodo=2024", ["Región Norte", "2024"], GRAFICA),
    ("pizarra_organismo", "", [], None),
    ("pizarra_organismo", "organismo=ITEI&programa=PROTAI", ["ITEI", "PROTAI 2022-2026"], TABLA),
]

# Top of the first chart and of the first table, in page coordinates (the page scrolls inside stMain); the widest
# scroll extent of the document and of the main area against their visible widths.
MEDIDAS = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const arriba = sel => { const e = document.querySelector('[data-testid=stMain] ' + sel);
                          return e ? e.getBoundingClientRect().top + main.scrollTop : null; };
  return {grafica: arriba('[data-testid=stPlotlyChart]'), tabla: arriba('[data-testid=stDataFrame]'),
          exceso_documento: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          exceso_main: main.scrollWidth - main.clientWidth};
}"""


@pytest.fixture()
def telefono(navegador, servidor):
    yield from pagina_en(navegador, servidor, viewport={"width": ANCHO, "height": ALTO}, is_mobile=True,
                         has_touch=True, user_agent=AGENTE_TELEFONO)


def abrir_y_esperar(page, url: str, etiquetas: list[str], primero: str | None = GRAFICA) -> None:
    page.goto(url)
    esperar_app(page)
    page.wait_for_selector("[data-testid=stMain] h1", timeout=30000)
    for etiqueta in etiquetas:
        page.locator(".st-key-filtros_activos").get_by_role("button", name=etiqueta).wait_for(timeout=30000)
    # The front end loads charts and tables lazily, after the script: measure once the first one is laid out.
    if primero:
        page.wait_for_selector(primero, timeout=30000)


@pytest.mark.parametrize(("ruta", "consulta", "etiquetas", "primero"), CASOS,
                         ids=[f"{r}-{'con' if q else 'sin'}-filtros" for r, q, _, _ in CASOS])
def test_on_a_phone_filters_show_the_first_chart_is_near_and_nothing_scrolls_sideways(
        telefono, servidor, ruta, consulta, etiquetas, primero):
    # The national board is the default page: its address is "/" (its file name would be "page not found").
    camino = "" if ruta == "pizarra_nacional" else ruta
    abrir_y_esperar(telefono, f"{servidor}/{camino}" + (f"?{consulta}" if consulta else ""), etiquetas, primero)
    nombre = f"{ruta}-{'con' if consulta else 'sin'}-filtros"
    SALIDA.mkdir(parents=True, exist_ok=True)
    telefono.screenshot(path=str(SALIDA / f"{nombre}.png"))

    assert telefono.get_by_test_id("stSidebar").get_attribute("data-collapsed") == "true"
    linea = telefono.locator(".st-key-filtros_activos")
    if etiquetas:
        for etiqueta in etiquetas:
            chip = linea.get_by_role("button", name=etiqueta)
            caja = chip.bounding_box()
            assert chip.is_visible() and caja["y"] >= 0 and caja["y"] + caja["height"] <= ALTO, etiqueta
            assert caja["x"] >= 0 and caja["x"] + caja["width"] <= ANCHO, etiqueta
        assert linea.get_by_role("button", name="Restablecer").is_visible()
    else:
        assert linea.count() == 0

    medidas = telefono.evaluate(MEDIDAS)
    if primero is None:
        assert medidas["grafica"] is None and medidas["tabla"] is None
    else:
        primera = medidas["grafica"] if primero == GRAFICA else medidas["tabla"]
        assert primera is not None and primera <= 1.5 * ALTO, medidas
    assert medidas["exceso_documento"] <= 0 and medidas["exceso_main"] <= 0, medidas
    assert telefono.locator("[data-testid=stException]").count() == 0
    assert telefono.externas == []


def test_a_chip_removes_its_filter_with_one_tap_on_a_phone(telefono, servidor):
    abrir_y_esperar(telefono, f"{servidor}/?region=centro-occidente&ods=16", ["Región Centro-Occidente", "ODS 16"])
    telefono.locator(".st-key-filtros_activos").get_by_role("button", name="ODS 16").tap()
    telefono.wait_for_url(lambda url: "ods=" not in url and "region=centro-occidente" in url, timeout=30000)
    esperar_app(telefono)
    linea = telefono.locator(".st-key-filtros_activos")
    linea.get_by_role("button", name="Región Centro-Occidente").wait_for(timeout=30000)
    assert linea.get_by_role("button", name="ODS 16").count() == 0


@pytest.fixture(params=[(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def escritorio(request, navegador, servidor):
    ancho, alto = request.param
    yield from pagina_en(navegador, servidor, viewport={"width": ancho, "height": alto})


def test_on_desktop_and_projector_windows_the_kpis_stay_in_rows_of_four(escritorio, servidor):
    abrir_y_esperar(escritorio, f"{servidor}/?region=centro-occidente&ods=16", ["Región Centro-Occidente", "ODS 16"])
    ventana = escritorio.viewport_size
    SALIDA.mkdir(parents=True, exist_ok=True)
    escritorio.screenshot(path=str(SALIDA / f"pizarra_nacional-{ventana['width']}x{ventana['height']}.png"))
    arribas = escritorio.evaluate(
        "() => [...document.querySelectorAll('[data-testid=stMetric]')].map(m => m.getBoundingClientRect().top)")
    # The ten headline KPIs come first (the comparison with a reporting date adds two more at the bottom).
    assert len(arribas) >= 10
    # Rows of four (pizarras.ui.componentes.KPIS_POR_FILA: five cut values at 1280×720), not the phone's two.
    filas = [arribas[0:4], arribas[4:8], arribas[8:10]]
    assert all(len(set(fila)) == 1 for fila in filas) and filas[0][0] < filas[1][0] < filas[2][0]
    assert escritorio.get_by_test_id("stSidebar").get_attribute("data-collapsed") == "false"


def test_a_phones_first_visit_gets_the_frontends_scripts_compressed(telefono, servidor):
    respuestas = []
    telefono.on("response", lambda r: respuestas.append(r) if "/static/" in r.url else None)
    abrir_y_esperar(telefono, f"{servidor}/", [])

    guiones = [r for r in respuestas if r.url.endswith(".js") and r.status == 200]
    sin_comprimir = [r.url for r in guiones
                     if len(r.body()) >= TAMANO_MINIMO and r.all_headers().get("content-encoding") != "gzip"]
    assert len(guiones) > 10 and sin_comprimir == []


def test_on_a_phone_the_activities_table_loads_on_a_tap(telefono, servidor):
    abrir_y_esperar(telefono, f"{servidor}/", [])
    interruptor = telefono.get_by_text(re.compile(r"Ver la tabla de actividades \(\d+ filas\)"))
    interruptor.wait_for(timeout=30000)
    assert telefono.locator("[data-testid=stDataFrame]").count() == 0

    interruptor.tap()
    telefono.wait_for_selector(TABLA, timeout=30000)
    medidas = telefono.evaluate(MEDIDAS)
    assert medidas["exceso_documento"] <= 0 and medidas["exceso_main"] <= 0, medidas
    telefono.screenshot(path=str(SALIDA / "pizarra_nacional-tabla.png"), full_page=True)
