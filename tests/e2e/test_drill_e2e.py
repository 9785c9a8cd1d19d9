"""Drill-down in the browser: a click on a bar of the national board opens the matching board, filtered."""

from __future__ import annotations

import re

import pytest

from tests.apoyo.navegador import esperar_app

pytestmark = pytest.mark.browser


def test_clicking_a_region_bar_opens_the_region_board_with_that_region(pagina, servidor):
    pagina.goto(servidor)
    esperar_app(pagina)
    grafica = pagina.locator("[data-testid=stPlotlyChart]").filter(has_text="Avance por región")
    grafica.locator(".main-svg").first.wait_for(timeout=30000)
    # Bars are drawn in the order of the trace's data; Región Norte has 0 % progress (a bar of no width), so click
    # another.
    # Long labels wrap onto several lines (plotly <br>): compare them as one line.
    etiquetas = [e.replace("<br>", " ") for e in grafica.locator(".js-plotly-plot").first.evaluate("gd => gd.data[0].y")]
    barras = grafica.locator("g.point path")
    assert barras.count() == len(etiquetas)
    barras.nth(etiquetas.index("Región Centro-Occidente")).click(force=True)
    pagina.wait_for_url(re.compile(r"/pizarra_region\?(.*&)?region=centro-occidente"), timeout=30000)
    esperar_app(pagina)
    pagina.get_by_role("heading", name="Pizarra por región").wait_for(timeout=30000)
    assert pagina.locator("[data-testid=stException]").count() == 0
    assert pagina.externas == []
