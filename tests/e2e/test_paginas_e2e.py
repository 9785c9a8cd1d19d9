"""Every registered page opens in headless Chromium: rendered, no exception, nothing fetched from another host."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apoyo.navegador import esperar_app, rutas_de_paginas

pytestmark = pytest.mark.browser
RAIZ = Path(__file__).resolve().parents[2]
SALIDA = RAIZ / "test-results" / "paginas"


@pytest.mark.parametrize("ruta", rutas_de_paginas())
def test_each_page_renders_offline_without_exceptions(pagina, servidor, ruta):
    pagina.goto(f"{servidor}/{ruta}")
    esperar_app(pagina)
    pagina.wait_for_selector("[data-testid=stMain] h1", timeout=30000)
    # Widgets are loaded lazily by the front end: the sidebar filters are real once their combobox exists.
    pagina.get_by_test_id("stSidebar").get_by_role("combobox", name="Región").wait_for(timeout=30000)
    # Charts draw after the script finishes: wait for plotly to lay them out before the screenshot.
    if pagina.locator("[data-testid=stPlotlyChart]").count():
        pagina.wait_for_selector("[data-testid=stPlotlyChart] .main-svg", timeout=30000)
    SALIDA.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=str(SALIDA / f"{ruta}.png"), full_page=True)
    assert pagina.locator("[data-testid=stException]").count() == 0
    assert "Ocurrió un error" not in pagina.locator("[data-testid=stMain]").inner_text()
    assert pagina.externas == [], f"La página pidió recursos externos: {pagina.externas}"
