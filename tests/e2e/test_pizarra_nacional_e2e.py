"""The national board in headless Chromium against the real server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.apoyo.navegador import esperar_app, kpi

pytestmark = pytest.mark.browser
SALIDA = Path(__file__).resolve().parents[2] / "test-results"


def elegir(page, filtro: str, opcion: str) -> None:
    page.get_by_role("combobox", name=filtro).click()
    page.get_by_role("option", name=opcion, exact=True).click()
    page.keyboard.press("Escape")


def test_changing_a_filter_changes_the_kpis_and_the_url_and_survives_reload(pagina, servidor):
    pagina.goto(servidor)
    esperar_app(pagina)
    assert kpi(pagina, "Actividades") == "6"

    elegir(pagina, "Región", "Región Norte")
    pagina.wait_for_url(re.compile(r"region=norte"))
    esperar_app(pagina)
    pagina.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMetricValue]')][0]?.innerText.trim() === '2'"
    )
    assert kpi(pagina, "Personas capacitadas") == "30"

    pagina.reload()
    esperar_app(pagina)
    pagina.wait_for_selector("[data-testid=stMetric]")
    assert kpi(pagina, "Actividades") == "2"
    assert pagina.locator("[data-testid=stException]").count() == 0
    assert pagina.externas == []
    SALIDA.mkdir(exist_ok=True)
    pagina.screenshot(path=str(SALIDA / "pizarra_nacional_norte.png"), full_page=True)


def test_an_unknown_region_in_the_url_warns_and_shows_everything(pagina, servidor):
    pagina.goto(f"{servidor}/?region=Atlantida")
    esperar_app(pagina)
    pagina.wait_for_selector("[data-testid=stAlert]")
    assert "Atlantida" in pagina.locator("[data-testid=stAlert]").first.inner_text()
    assert kpi(pagina, "Actividades") == "6"
    assert pagina.locator("[data-testid=stException]").count() == 0
