"""The evaluator's banner end to end: an account made with the CLI logs in, the national board says how many
unvalidated records it counts and its figures differ from a logged-out visitor's; «Ver como el público» gives the
visitor's figures exactly, and the URL carries the switch so a link keeps it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import RAIZ, esperar_app, servidor_en
from tests.apoyo.sesiones import cuenta, entrar
from tests.apoyo.sin_validar_prueba import ACTIVIDADES, AVANCE, AVISO_NACIONAL, marcar

pytestmark = pytest.mark.browser
SALIDA = RAIZ / "test-results"
USUARIO, CLAVE = "evaluacion.snt", "clave-de-evaluacion-2025"
VISTA_PUBLICA = "Vista pública: solo registros validados"


@pytest.fixture(scope="module")
def servidor(tmp_path_factory):
    """The fixture database with a few drafts and an evaluator created by the command line."""
    carpeta = tmp_path_factory.mktemp("vista_interna_e2e")
    db = construir_pequena(carpeta / "e2e.duckdb")
    con = duckdb.connect(str(db))
    marcar(con)
    con.close()
    cuenta(db, USUARIO, "evaluador", CLAVE, nombre="Evaluación")
    with servidor_en(Path(db), carpeta) as url:
        yield url


def cifras(pagina) -> dict[str, str]:
    """Every headline figure of the board, label → value."""
    pagina.wait_for_selector("[data-testid=stMetric]")
    metricas = pagina.locator("[data-testid=stMetric]")
    return {
        metricas.nth(i).locator("[data-testid=stMetricLabel]").inner_text().strip():
            metricas.nth(i).locator("[data-testid=stMetricValue]").inner_text().strip()
        for i in range(metricas.count())
    }


def cifras_del_publico(navegador, url: str) -> dict[str, str]:
    contexto = navegador.new_context(viewport={"width": 1280, "height": 720}, locale="es-MX")
    try:
        page = contexto.new_page()
        page.goto(url)
        esperar_app(page)
        assert page.get_by_text("Incluye borradores").count() == 0
        assert page.get_by_text("Ver como el público").count() == 0
        return cifras(page)
    finally:
        contexto.close()


def test_the_evaluator_sees_the_banner_and_the_switch_gives_the_public_figures(pagina, navegador, servidor):
    SALIDA.mkdir(exist_ok=True)
    publico = cifras_del_publico(navegador, servidor)
    assert publico["Actividades"] == ACTIVIDADES["publica"] and publico["Avance promedio"] == AVANCE["publica"]

    entrar(pagina, servidor, "autorreporte", USUARIO, CLAVE)

    pagina.goto(servidor)
    esperar_app(pagina)
    aviso = pagina.get_by_text(AVISO_NACIONAL)
    aviso.wait_for()
    interna = cifras(pagina)
    assert interna["Actividades"] == ACTIVIDADES["interna"] and interna["Avance promedio"] == AVANCE["interna"]
    assert interna != publico
    # The banner is in the first screen, above the board's title: a screenshot cannot leave it out.
    caja, titulo = aviso.bounding_box(), pagina.get_by_role("heading", name="Pizarra nacional de avance").bounding_box()
    assert caja["y"] + caja["height"] <= titulo["y"] and caja["y"] < 720
    pagina.screenshot(path=str(SALIDA / "vista_interna_evaluador.png"))

    # The switch itself (the internal view's caption names it too).
    pagina.get_by_test_id("stCheckbox").get_by_text("Ver como el público").click()
    pagina.get_by_text(VISTA_PUBLICA).wait_for()
    esperar_app(pagina)
    assert cifras(pagina) == publico
    assert pagina.get_by_text("Incluye borradores").count() == 0
    assert "vista=publica" in pagina.url
    pagina.screenshot(path=str(SALIDA / "vista_interna_como_el_publico.png"))

    # A link keeps the switch: the same URL in a new tab of the session opens the public view.
    otra = pagina.context.new_page()
    otra.goto(pagina.url)
    esperar_app(otra)
    otra.get_by_text(VISTA_PUBLICA).wait_for()
    # Every figure drawn before reading them: a second tab's first run can still be drawing the last ones.
    otra.wait_for_function(f"document.querySelectorAll('[data-testid=stMetric]').length >= {len(publico)}")
    assert cifras(otra) == publico
    assert otra.locator("label", has_text="Ver como el público").locator("input").is_checked()

    assert pagina.locator("[data-testid=stException]").count() == 0
    assert pagina.externas == []
