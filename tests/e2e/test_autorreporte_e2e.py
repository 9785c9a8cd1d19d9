"""Self-report end to end: accounts made with the CLI, an enlace reports, an admin validates, the public sees it."""

from __future__ import annotations

import re
from datetime import datetime

import duckdb
import pytest
from openpyxl import load_workbook
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from pizarras.escritura import autorreporte
from pizarras.escritura.cuentas import Usuario
from tests.apoyo import sesiones
from tests.apoyo.cuentas_prueba import NUEVA
from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import RAIZ, esperar_app, kpi, servidor_en
from tests.apoyo.sesiones import cli

pytestmark = pytest.mark.browser
SALIDA = RAIZ / "test-results"
CLAVES = {"enlace.itei": "clave-del-enlace-2025", "admin.snt": "clave-de-la-secretaria-2025"}
TITULO_HOSTIL = "![x](http://malo.example/pixel.png) <img src=http://malo.example/a.png> **negrita**"


@pytest.fixture(scope="module")
def servidor(tmp_path_factory):
    """The fixture database with two accounts created by the command line, before the server takes the file."""
    carpeta = tmp_path_factory.mktemp("autorreporte_e2e")
    db = construir_pequena(carpeta / "e2e.duckdb")
    cli(db, "users", "add", "enlace.itei", "--rol", "enlace", "--organismo", "ITEI", "--nombre", "Enlace ITEI",
        "--correo", "enlace@itei.org.mx", entrada=CLAVES["enlace.itei"] + "\n")
    cli(db, "usuarios", "agregar", "admin.snt", "--rol", "admin", "--nombre", "Secretaría Ejecutiva",
        "--correo", "se@snt.org.mx", entrada=CLAVES["admin.snt"] + "\n")
    # A draft whose title is hostile Markdown/HTML, reported long ago (so it is listed last): shown as text, it makes
    # the browser fetch nothing (the page's route records any request that leaves the machine).
    con = duckdb.connect(str(db))
    autorreporte.crear_actividad(con, Usuario("enlace.itei", "Enlace", "e@itei.org.mx", "enlace", "ITEI"),
                                 {**NUEVA, "titulo": TITULO_HOSTIL}, ahora=datetime(2020, 1, 1))
    con.close()
    with servidor_en(db, carpeta) as url:
        yield url


def entrar(pagina, servidor: str, ruta: str, usuario: str) -> None:
    sesiones.entrar(pagina, servidor, ruta, usuario, CLAVES[usuario])


def salir(pagina) -> None:
    esperar_app(pagina)
    boton = pagina.get_by_role("button", name="Cerrar sesión")
    aviso = pagina.get_by_text("Sesión cerrada en todas sus pestañas")
    boton.click()
    try:
        aviso.wait_for(timeout=15000)
    except PlaywrightTimeout:
        # Streamlit can drop a click that lands while the cookie component's own rerun is in flight (a person
        # clicks again); the session itself was never half-closed.
        if boton.count():
            boton.click()
        aviso.wait_for()
    esperar_app(pagina)


def kpi_publico(navegador, servidor: str, etiqueta: str) -> str:
    contexto = navegador.new_context(viewport={"width": 1280, "height": 720}, locale="es-MX")
    try:
        page = contexto.new_page()
        page.goto(servidor)
        esperar_app(page)
        page.wait_for_selector("[data-testid=stMetric]")
        return kpi(page, etiqueta)
    finally:
        contexto.close()


def test_an_enlace_reports_an_admin_validates_and_the_public_board_changes(pagina, navegador, servidor):
    SALIDA.mkdir(exist_ok=True)
    assert kpi_publico(navegador, servidor, "Avance promedio") == "64.0 %"

    entrar(pagina, servidor, "autorreporte", "enlace.itei")
    # The newest report first: activity 2 (ITEI, 50 %) is the one chosen.
    pagina.get_by_role("spinbutton", name="Avance (%)").first.fill("90")
    pagina.get_by_role("button", name="Guardar y enviar a revisión").click()
    pagina.get_by_text("Actividad enviada a revisión.").wait_for()
    pagina.screenshot(path=str(SALIDA / "autorreporte_enlace.png"), full_page=True)
    # Sent, not validated: the public keeps its published 50 % until the edit is validated.
    assert kpi_publico(navegador, servidor, "Avance promedio") == "64.0 %"

    salir(pagina)
    pagina.reload()
    esperar_app(pagina)
    # Wait for either outcome to be drawn (the idle state can be read before the reloaded page's first run).
    contrasena, iniciada = pagina.get_by_label("Contraseña"), pagina.get_by_text("Sesión iniciada")
    contrasena.or_(iniciada).first.wait_for()
    assert contrasena.is_visible()  # the cookie did not log the enlace back in
    assert iniciada.count() == 0

    entrar(pagina, servidor, "revision", "admin.snt")
    pagina.get_by_role("button", name="Validar todas (1)").click()
    pagina.get_by_role("button", name="Confirmar: validar 1").click()  # the second step
    pagina.get_by_text("1 registro validado").first.wait_for()
    pagina.screenshot(path=str(SALIDA / "revision_admin.png"), full_page=True)
    assert kpi_publico(navegador, servidor, "Avance promedio") == "72.0 %"  # (100 + 90 + 0 + 70 + 100) / 5

    assert pagina.locator("[data-testid=stException]").count() == 0
    assert pagina.externas == []


def test_a_new_tab_is_logged_in_by_the_cookie_and_logout_ends_it(pagina, navegador, servidor):
    entrar(pagina, servidor, "autorreporte", "admin.snt")
    otra = pagina.context.new_page()  # same browser: same cookie
    otra.goto(f"{servidor}/autorreporte")
    esperar_app(otra)
    otra.get_by_text("Sesión iniciada").wait_for()
    salir(pagina)
    otra.reload()
    esperar_app(otra)
    otra.get_by_label("Contraseña").wait_for()
    assert otra.get_by_text("Sesión iniciada").count() == 0


def test_an_enlace_uploads_its_template_fixes_two_cells_and_the_board_changes_after_review(
        pagina, navegador, servidor, tmp_path):
    antes = int(kpi_publico(navegador, servidor, "Actividades"))
    entrar(pagina, servidor, "cargar", "enlace.itei")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("button", name=re.compile("Descargar plantilla")).click()
    plantilla = tmp_path / "plantilla.xlsx"
    descarga.value.save_as(plantilla)
    libro = load_workbook(plantilla)
    hoja = libro["Datos"]
    hoja.append(["", "ITEI", "PROTAI", "PROTAI-T3", "", "16", "Taller regional de archivos", "", "Capacitación",
                 "10/03/2025", "", 2025, "Terminada", 140, "", ""])  # two broken cells: estatus and avance
    rota = tmp_path / "rota.xlsx"
    libro.save(rota)

    pagina.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(rota))
    pagina.get_by_text("errores en 1 fila").wait_for()
    pagina.screenshot(path=str(SALIDA / "cargar_errores.png"), full_page=True)

    ultima = hoja.max_row
    hoja.cell(row=ultima, column=13, value="En proceso")
    hoja.cell(row=ultima, column=14, value=60)
    corregida = tmp_path / "corregida.xlsx"
    libro.save(corregida)
    pagina.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(corregida))
    pagina.get_by_role("button", name="Importar 1 fila").click()
    pagina.get_by_text("Archivo importado").first.wait_for()
    pagina.screenshot(path=str(SALIDA / "cargar_importado.png"), full_page=True)
    assert int(kpi_publico(navegador, servidor, "Actividades")) == antes  # sent, not yet validated
    salir(pagina)

    entrar(pagina, servidor, "revision", "admin.snt")
    pagina.get_by_role("button", name=re.compile(r"Validar todas \(\d+\)")).click()
    pagina.get_by_role("button", name=re.compile(r"Confirmar: validar \d+")).click()  # the second step
    pagina.get_by_text("validad").first.wait_for()
    assert int(kpi_publico(navegador, servidor, "Actividades")) == antes + 1
    assert pagina.locator("[data-testid=stException]").count() == 0
    assert pagina.externas == []
