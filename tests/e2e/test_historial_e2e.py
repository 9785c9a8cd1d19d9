"""Back and Forward after a drill-down (issue 11, item 1): Back returns to the view the user left, exactly (URL and
numbers), Forward to the drilled view, for every kind of click that opens a board: región, eje, organismo, map tile.

Every wait is for a condition (a URL, a number on screen), never a fixed time.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.apoyo.navegador import esperar_app

pytestmark = pytest.mark.browser


def grafica(pagina, titulo: str):
    grafica = pagina.locator("[data-testid=stPlotlyChart]").filter(has_text=titulo)
    grafica.locator(".main-svg").first.wait_for(timeout=30000)
    return grafica


def clic_en_barra(pagina, titulo: str, clave: str) -> None:
    """Click the bar whose key (customdata[0]) is `clave`; bars are drawn in the order of the trace's data."""
    figura = grafica(pagina, titulo)
    claves = figura.locator(".js-plotly-plot").first.evaluate("gd => gd.data[0].customdata.map(c => String(c[0]))")
    figura.locator("g.point path").nth(claves.index(clave)).click(force=True)


def clic_en_casilla(pagina, entidad: str) -> None:
    """Click the map tile of `entidad` (the coloured tiles are the second trace)."""
    figura = grafica(pagina, "por entidad federativa")
    claves = figura.locator(".js-plotly-plot").first.evaluate("gd => gd.data[1].customdata.map(c => String(c[0]))")
    figura.locator(".scatterlayer .trace").nth(1).locator("path.point").nth(claves.index(entidad)).click(force=True)


def esperar_tablero(pagina) -> None:
    """Until the board is drawn: its title, then its KPIs (or, on the map, its chart)."""
    esperar_app(pagina)
    pagina.wait_for_selector("[data-testid=stMain] h1", timeout=30000)
    pagina.wait_for_selector("[data-testid=stMetricValue], [data-testid=stPlotlyChart] .main-svg", timeout=30000)
    # Elements left from the previous run stay on screen, marked stale, until the new run replaces them.
    pagina.wait_for_function("() => !document.querySelector('[data-stale=true]')", timeout=30000)


def vista(pagina) -> tuple[str, str, str]:
    """What the reader sees, once it holds still: the path and query, the board's title and its first KPI. On a
    loaded machine a first visit was once read mid-run (a KPI the board then replaced), so two reads half a second
    apart must agree."""
    leida = None
    for _ in range(10):
        esperar_tablero(pagina)
        ahora = (
            pagina.url.split("//", 1)[1].split("/", 1)[1],
            pagina.locator("[data-testid=stMain] h1").first.inner_text(),
            kpi(pagina),
        )
        if ahora == leida:
            return ahora
        leida = ahora
        pagina.wait_for_timeout(500)
    return leida


def kpi(pagina) -> str:
    """The board's first KPI ('' on the map, which has none)."""
    metricas = pagina.locator("[data-testid=stMetricValue]")
    return metricas.first.inner_text() if metricas.count() else ""


def esperar_vista(pagina, esperada: tuple[str, str, str]) -> None:
    ruta, titulo, _ = esperada
    pagina.wait_for_url(re.compile(r"//[^/]+/" + re.escape(ruta) + "$"), timeout=30000)
    expect(pagina.locator("[data-testid=stMain] h1").first).to_have_text(titulo, timeout=30000)
    if esperada[2]:
        expect(pagina.locator("[data-testid=stMetricValue]").first).to_have_text(esperada[2], timeout=30000)
    assert vista(pagina) == esperada


def ida_y_vuelta(pagina, clic, ruta_destino: str, titulo_destino: str) -> None:
    antes = vista(pagina)
    clic()
    pagina.wait_for_url(re.compile(r"//[^/]+/" + re.escape(ruta_destino) + "$"), timeout=30000)
    expect(pagina.locator("[data-testid=stMain] h1").first).to_have_text(titulo_destino, timeout=30000)
    despues = vista(pagina)
    pagina.go_back()
    esperar_vista(pagina, antes)
    pagina.go_forward()
    esperar_vista(pagina, despues)
    pagina.go_back()
    esperar_vista(pagina, antes)
    assert pagina.locator("[data-testid=stException]").count() == 0
    assert pagina.externas == []


def test_back_and_forward_after_a_click_on_a_region_bar(pagina, servidor):
    pagina.goto(servidor)
    ida_y_vuelta(
        pagina, lambda: clic_en_barra(pagina, "Avance por región", "centro-occidente"),
        "pizarra_region?region=centro-occidente", "Pizarra por región",
    )


def test_back_and_forward_after_a_click_on_an_eje_bar(pagina, servidor):
    pagina.goto(f"{servidor}/?periodo=2023")
    ida_y_vuelta(
        pagina, lambda: clic_en_barra(pagina, "Avance por eje temático", "PROTAI-T3"),
        "?eje=PROTAI-T3&periodo=2023", "Pizarra nacional de avance",
    )


def test_back_and_forward_after_a_click_on_an_organismo_bar(pagina, servidor):
    pagina.goto(f"{servidor}/?programa=PROTAI")
    ida_y_vuelta(
        pagina, lambda: clic_en_barra(pagina, "Avance por organismo", "ITEI"),
        "pizarra_organismo?organismo=ITEI&programa=PROTAI", "Pizarra por organismo",
    )


def test_back_and_forward_after_a_click_on_a_map_tile(pagina, servidor):
    pagina.goto(f"{servidor}/mapa")
    ida_y_vuelta(
        pagina, lambda: clic_en_casilla(pagina, "14"), "pizarra_organismo?organismo=ITEI", "Pizarra por organismo",
    )
