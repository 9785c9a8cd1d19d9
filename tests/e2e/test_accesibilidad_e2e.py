"""Accessibility of every registered page, as the public and as the Secretaría Ejecutiva (issue 18, item 9):
axe-core (axe-playwright-python, which ships it) with the WCAG 2.0/2.1 A and AA rules finds no serious or critical
violation; the document is `lang="es"` with the page's own title; and the login form is a few keys away.

Before the fix every page had `<html lang="en">`, «Pizarras de Avance · SNT» as its title, 2-3 serious violations
(caption contrast 3.9:1, disabled labels 2.3:1, the sidebar navigation's list markup) and the login took 16 Tabs.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.apoyo.navegador import RAIZ, esperar_app
from tests.apoyo.recorrido import PAGINAS, PUBLICO, TITULOS, abrir, pagina_de, servidor_con_cuentas

pytestmark = pytest.mark.browser
SALIDA = RAIZ / "test-results" / "accesibilidad"
REGLAS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
          "resultTypes": ["violations"]}
GRAVES = ("serious", "critical")
MAXIMO_DE_TECLAS_HASTA_USUARIO = 5


@pytest.fixture(scope="module")
def servidor(tmp_path_factory):
    with servidor_con_cuentas(tmp_path_factory.mktemp("accesibilidad")) as url:
        yield url


@pytest.fixture(scope="module", params=[PUBLICO, "admin.snt"])
def sesion(request, navegador, servidor):
    yield from pagina_de(navegador, servidor, request.param)


@pytest.fixture(scope="module")
def axe():
    return Axe()


def graves(resultado) -> list[str]:
    return [f"{v['impact']} {v['id']}: {v['help']} — {[(n['target'], n['failureSummary']) for n in v['nodes']][:3]}"
            for v in resultado.response["violations"] if v["impact"] in GRAVES]


@pytest.mark.parametrize("ruta", [ruta for ruta, _ in PAGINAS])
def test_no_serious_axe_violation_and_the_document_is_spanish(sesion, servidor, axe, ruta):
    abrir(sesion, servidor, ruta)

    assert sesion.evaluate("document.documentElement.lang") == "es"
    sesion.wait_for_function("t => document.title === t", arg=f"{TITULOS[ruta]} · Pizarras de Avance", timeout=15000)
    # Audit the page as drawn: a visible data grid's scrolling box is empty (nothing focusable) until its canvas is
    # in. Grids in tabs not shown never draw one, hence visible ones only, and a bounded wait (axe then judges).
    try:
        sesion.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stDataFrame]')]"
            ".every(d => d.offsetParent === null || d.querySelector('canvas'))", timeout=10000)
    except PlaywrightTimeout:
        pass
    resultado = axe.run(sesion, options=REGLAS)
    assert graves(resultado) == [], f"/{ruta}: {graves(resultado)}"
    assert sesion.externas == [], f"La página pidió recursos externos: {sesion.externas}"


def test_the_login_field_is_a_few_keys_from_page_load(navegador, servidor):
    for pagina in pagina_de(navegador, servidor, PUBLICO):
        pagina.goto(f"{servidor}/autorreporte")
        esperar_app(pagina)
        usuario = pagina.get_by_label("Usuario")
        usuario.wait_for()

        teclas = []
        pagina.keyboard.press("Tab")
        teclas.append("Tab")
        salto = pagina.evaluate("document.activeElement.textContent")
        assert salto == "Saltar al contenido principal"  # the skip link, first Tab stop, in Spanish
        SALIDA.mkdir(parents=True, exist_ok=True)
        pagina.screenshot(path=str(SALIDA / "salto_al_contenido.png"))
        pagina.keyboard.press("Enter")
        teclas.append("Enter")
        while len(teclas) < 10 and not usuario.evaluate("e => e === document.activeElement"):
            pagina.keyboard.press("Tab")
            teclas.append("Tab")

        assert usuario.evaluate("e => e === document.activeElement"), teclas
        assert len(teclas) <= MAXIMO_DE_TECLAS_HASTA_USUARIO, teclas
        # Then the password and the button, in that order.
        pagina.keyboard.press("Tab")
        assert pagina.get_by_label("Contraseña").evaluate("e => e === document.activeElement")
