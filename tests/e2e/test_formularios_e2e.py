"""The self-report forms as two people use them at 1280×720 in Chromium against the real server: a save is never
lost in silence, never faked, and never made twice."""

from __future__ import annotations

import re

import pytest

from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import RAIZ, esperar_app, pagina_en, servidor_en
from tests.apoyo.sesiones import cuenta, entrar

pytestmark = pytest.mark.browser
SALIDA = RAIZ / "test-results"
PANTALLA = {"width": 1280, "height": 720}
CLAVE, OTRA_CLAVE = "clave-del-enlace-2025", "clave-de-la-otra-enlace-2025"


@pytest.fixture(scope="module")
def servidor(tmp_path_factory):
    """The fixture database with two enlaces of ITEI (two people on one activity)."""
    carpeta = tmp_path_factory.mktemp("formularios_e2e")
    db = construir_pequena(carpeta / "e2e.duckdb")
    cuenta(db, "enlace.itei", "enlace", CLAVE, "ITEI")
    cuenta(db, "otra.itei", "enlace", OTRA_CLAVE, "ITEI")
    with servidor_en(db, carpeta) as url:
        yield url


def abrir_como(navegador, servidor: str, usuario: str, clave: str):
    """A browser of its own (a person), logged in on «Autorreporte»."""
    pagina = next(pagina_en(navegador, servidor, viewport=PANTALLA))
    entrar(pagina, servidor, "autorreporte", usuario, clave)
    return pagina


def formulario(pagina):
    """The chosen activity's form (the first form of the page)."""
    return pagina.locator("[data-testid=stForm]").first


def avance(pagina):
    return formulario(pagina).get_by_role("spinbutton", name="Avance (%)")


def version(pagina) -> int:
    texto = formulario(pagina).get_by_text(re.compile(r"versión \d+")).inner_text()
    return int(re.search(r"versión (\d+)", texto).group(1))


def recargar(pagina) -> None:
    pagina.reload()
    esperar_app(pagina)
    formulario(pagina).get_by_text(re.compile(r"versión \d+")).wait_for()


def test_two_people_on_one_activity_the_second_is_told_and_keeps_her_values(navegador, servidor):
    a = abrir_como(navegador, servidor, "enlace.itei", CLAVE)
    b = abrir_como(navegador, servidor, "otra.itei", OTRA_CLAVE)
    inicial = version(b)
    avance(a).fill("60")
    formulario(a).get_by_role("button", name="Guardar borrador").click()
    a.get_by_text("Cambios guardados como borrador.").first.wait_for()

    formulario(b).get_by_label("Notas").fill("Se sumaron dos municipios")
    formulario(b).get_by_role("button", name="Guardar y enviar a revisión").click()
    aviso = b.get_by_text("cambió mientras la tenía abierta")
    aviso.wait_for()
    b.screenshot(path=str(SALIDA / "formulario_conflicto.png"))
    assert "enlace.itei" in aviso.inner_text()
    # Her note is on screen to re-apply, beside what the other person saved.
    tabla = b.locator("[data-testid=stTable]")
    assert "Se sumaron dos municipios" in tabla.inner_text() and "60" in tabla.inner_text()
    recargar(b)
    assert version(b) == inicial + 1  # only A's save
    assert avance(b).input_value() == "60"
    assert formulario(b).get_by_label("Notas").input_value() == ""


def test_progress_150_is_refused_in_spanish_and_nothing_is_written(navegador, servidor):
    pagina = abrir_como(navegador, servidor, "enlace.itei", CLAVE)
    antes = version(pagina)
    valor = avance(pagina).input_value()
    avance(pagina).fill("150")
    formulario(pagina).get_by_role("button", name="Guardar y enviar a revisión").click()
    regla = pagina.get_by_text(re.compile("debe estar entre 0 y 100 \\(se recibió 150\\)"))
    regla.first.wait_for()
    pagina.screenshot(path=str(SALIDA / "formulario_avance_150.png"))
    # The rule is under the field, the summary above the form, and a toast where the eye is.
    campo = avance(pagina).bounding_box()
    debajo = formulario(pagina).get_by_text(re.compile("entre 0 y 100")).bounding_box()
    assert 0 < debajo["y"] - campo["y"] < 120
    resumen = pagina.get_by_text("No se guardó nada. Corrija lo siguiente").bounding_box()
    assert resumen["y"] < formulario(pagina).bounding_box()["y"]
    assert pagina.locator("[data-testid=stToast]").first.is_visible()
    assert pagina.get_by_text("enviada a revisión.").count() == 0
    assert avance(pagina).input_value() == "150"  # hers, to correct
    recargar(pagina)
    assert version(pagina) == antes
    assert avance(pagina).input_value() == valor


def test_a_double_click_saves_once(navegador, servidor):
    pagina = abrir_como(navegador, servidor, "enlace.itei", CLAVE)
    antes = version(pagina)
    avance(pagina).fill("75")
    formulario(pagina).get_by_role("button", name="Guardar borrador").dblclick()
    pagina.get_by_text("Cambios guardados como borrador.").first.wait_for()
    esperar_app(pagina)
    assert pagina.locator("[data-testid=stAlertContentError]").count() == 0
    recargar(pagina)
    assert version(pagina) == antes + 1


def test_creating_twice_asks_first(navegador, servidor):
    pagina = abrir_como(navegador, servidor, "enlace.itei", CLAVE)
    registradas = pagina.get_by_text(re.compile(r"\d+ actividades registradas"))

    def cuantas() -> int:
        return int(re.match(r"(\d+)", registradas.inner_text()).group(1))

    antes = cuantas()
    pagina.get_by_role("tab", name="Nueva actividad").click()
    nueva = pagina.locator("[data-testid=stForm]").nth(1)
    nueva.get_by_label("Título").fill("Feria de la transparencia en Zapopan")
    nueva.get_by_role("button", name="Crear borrador").dblclick()
    pagina.get_by_text("Actividad creada como borrador").first.wait_for()
    esperar_app(pagina)
    assert cuantas() == antes + 1
    assert nueva.get_by_label("Título").input_value() == ""  # a new, empty form

    nueva.get_by_label("Título").fill("Feria de la transparencia en Zapopan")
    nueva.get_by_role("button", name="Crear borrador").click()
    pagina.get_by_text(re.compile("ya existe la actividad #\\d+ del periodo")).first.wait_for()
    pagina.screenshot(path=str(SALIDA / "formulario_repetida.png"))
    assert cuantas() == antes + 1
    nueva.get_by_test_id("stCheckbox").get_by_text("Crear aunque ya exista una con este título").click()
    nueva.get_by_role("button", name="Crear borrador").click()
    pagina.get_by_text("Actividad creada como borrador").first.wait_for()
    esperar_app(pagina)
    assert cuantas() == antes + 2
    assert pagina.locator("[data-testid=stException]").count() == 0
