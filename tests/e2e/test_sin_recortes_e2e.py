"""Nothing cut on a projector (issue 11, item 5): at 1280×720 and 1920×1080, no KPI value or label on any board ends
in '…' and every download button says which format it gives. Screenshots of every board at both sizes are kept in
test-results/tamanos/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apoyo.navegador import esperar_app, rutas_de_paginas

pytestmark = pytest.mark.browser
RAIZ = Path(__file__).resolve().parents[2]
SALIDA = RAIZ / "test-results" / "tamanos"
# The boards that need a choice to show their KPIs get one; the rest open as a new user sees them.
CONSULTA = {"pizarra_region": "?region=centro-occidente", "pizarra_organismo": "?organismo=ITEI"}
TAMANOS = [(1280, 720), (1920, 1080)]

RECORTADOS = """() => [...document.querySelectorAll(
    '[data-testid=stMetric] [data-testid=stMarkdownContainer], [data-testid=stDownloadButton] button p')]
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""


# Item 10: chart text is drawn in the font the page loaded (not a fallback) and in the dark text colour.
LETRA_DE_LAS_GRAFICAS = """async () => {
    const texto = document.querySelector(
        '[data-testid=stPlotlyChart] .main-svg text.gtitle, [data-testid=stPlotlyChart] .main-svg .ytick text');
    const estilo = getComputedStyle(texto);
    await document.fonts.ready;
    return {cargada: document.fonts.check(`${estilo.fontSize} ${estilo.fontFamily}`)
                      && estilo.fontFamily.includes('Source Sans') && !estilo.fontFamily.includes('Source Sans Pro'),
            relleno: estilo.fill};
}"""


@pytest.fixture(scope="module")
def contextos(navegador, servidor):
    """One browser context per screen size, reused by every board (each test opens its own page in it)."""
    creados = {t: navegador.new_context(viewport={"width": t[0], "height": t[1]}, locale="es-MX") for t in TAMANOS}
    yield creados
    for contexto in creados.values():
        contexto.close()


@pytest.mark.parametrize("tamano", TAMANOS, ids=[f"{a}x{b}" for a, b in TAMANOS])
@pytest.mark.parametrize("ruta", rutas_de_paginas())
def test_no_kpi_or_download_label_is_cut(contextos, servidor, ruta, tamano):
    pagina = contextos[tamano].new_page()
    try:
        pagina.goto(f"{servidor}/{ruta}{CONSULTA.get(ruta, '')}")
        esperar_app(pagina)
        pagina.wait_for_selector("[data-testid=stMain] h1", timeout=30000)
        if pagina.locator("[data-testid=stPlotlyChart]").count():
            pagina.wait_for_selector("[data-testid=stPlotlyChart] .main-svg", timeout=30000)
        SALIDA.mkdir(parents=True, exist_ok=True)
        pagina.screenshot(path=str(SALIDA / f"{ruta}_{tamano[0]}x{tamano[1]}.png"), full_page=True)
        assert pagina.evaluate(RECORTADOS) == []
        botones = pagina.locator("[data-testid=stDownloadButton] button").all_inner_texts()
        # Every download button names the format it gives.
        assert all(any(f in b for f in ("CSV", "XLSX", "JSON", "PARQUET", "ZIP")) for b in botones), botones
        if pagina.locator("[data-testid=stPlotlyChart]").count():
            assert pagina.evaluate(LETRA_DE_LAS_GRAFICAS) == {"cargada": True, "relleno": "rgb(49, 51, 63)"}
    finally:
        pagina.close()
