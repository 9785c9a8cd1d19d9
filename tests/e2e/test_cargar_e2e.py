"""«Cargar» in Chromium against the real server: files written by the test (openpyxl), the preview as a person checks
it, a double click on «Importar», the page after an import, a rollback in two steps, and two sessions on one record.

The tests share one server and run in file order: the import of the double-click test is the batch the rollback
test reverts.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.hojas_prueba import ENCABEZADOS, NUEVA
from tests.apoyo.navegador import RAIZ, esperar_app, kpi, servidor_en
from tests.apoyo.sesiones import cuenta
from tests.e2e.test_autorreporte_e2e import CLAVES, entrar

pytestmark = pytest.mark.browser
SALIDA = RAIZ / "test-results"
ENTRADA = "[data-testid=stFileUploaderDropzoneInput]"
# Activities 1 and 2 of the fixture database are ITEI's: 1 as stored, 2 with its progress 50 → 80, and a new one.
ACTIVIDAD_1 = [1, "ITEI", "PROTAI", "PROTAI-T3", "PROTAI-X1", "16", "Actividad 1", "Descripción", "Capacitación",
               "01/01/2023", "30/06/2023", 2023, "Concluida", 100, "", ""]
ACTIVIDAD_2 = [2, "ITEI", "PRONADATOS", "PRONADATOS-T1", "", "5", "Actividad 2", "Descripción", "Capacitación",
               "01/01/2024", "31/12/2024", 2024, "En proceso", 80, "", ""]


def escribir_xlsx(ruta: Path, filas: list[list], encabezados=ENCABEZADOS) -> Path:
    libro = Workbook()
    hoja = libro.active
    hoja.title = "Datos"
    for fila in [encabezados, *filas]:
        hoja.append(fila)
    libro.save(ruta)
    return ruta


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("cargar_e2e")
    db = construir_pequena(carpeta / "e2e.duckdb")
    cuenta(db, "enlace.itei", "enlace", CLAVES["enlace.itei"], "ITEI")
    cuenta(db, "admin.snt", "admin", CLAVES["admin.snt"])
    return carpeta, db


@pytest.fixture(scope="module")
def servidor(base):
    carpeta, db = base
    with servidor_en(db, carpeta) as url:
        yield url


def contexto_nuevo(navegador):
    """A 1280×720 browser session. Without the File System Access API, a table's «Download as CSV» is a plain
    download the test can read (with it, Chromium opens a save dialog)."""
    contexto = navegador.new_context(viewport={"width": 1280, "height": 720}, locale="es-MX")
    contexto.add_init_script("delete window.showSaveFilePicker;")
    return contexto


@pytest.fixture()
def pagina(navegador, servidor):
    contexto = contexto_nuevo(navegador)
    page = contexto.new_page()
    yield page
    assert page.locator("[data-testid=stException]").count() == 0
    contexto.close()


def celdas(pagina, cual: int = -1) -> list[list[str]]:
    """The rows of one of the page's tables (the last by default) as the person gets them: the grid is drawn on a
    canvas, so its own «Download as CSV» button is what reads them."""
    tabla = pagina.locator("[data-testid=stDataFrame]").nth(cual)
    tabla.hover()
    with pagina.expect_download() as descarga:
        tabla.get_by_role("button", name="Download as CSV").dispatch_event("click")
    texto = Path(descarga.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(texto)))[1:]


def subir(pagina, archivo: Path) -> None:
    pagina.locator(ENTRADA).set_input_files(str(archivo))
    esperar_app(pagina)


def test_a_file_with_wrong_columns_gets_a_spanish_message_and_nothing_is_stored(pagina, servidor, tmp_path):
    entrar(pagina, servidor, "cargar", "enlace.itei")
    encabezados = ["Id", "Organismo", "Nombre de la actividad", "Programa", "Eje", "Estado", "Porcentaje"]
    subir(pagina, escribir_xlsx(tmp_path / "columnas.xlsx", [["", "ITEI", "Taller", "PROTAI", "PROTAI-T3",
                                                              "En proceso", 40]], encabezados))
    mensaje = pagina.get_by_text("No se importó nada: el archivo no tiene las columnas de la plantilla.")
    mensaje.wait_for()
    assert "Falta la columna «Título»" in mensaje.inner_text()
    pagina.screenshot(path=str(SALIDA / "cargar_columnas.png"), full_page=True)
    # Right under the uploader the person just used (not at the foot of the page).
    assert 0 < mensaje.bounding_box()["y"] - pagina.locator("[data-testid=stFileUploader]").bounding_box()["y"] < 300
    assert pagina.get_by_role("button", name=re.compile("^Importar")).count() == 0
    assert pagina.get_by_text("Aún no hay importaciones.").is_visible()


def test_the_preview_leads_with_new_and_changed_rows_before_and_after_in_labels(pagina, servidor, tmp_path):
    entrar(pagina, servidor, "cargar", "enlace.itei")
    subir(pagina, escribir_xlsx(tmp_path / "itei.xlsx", [ACTIVIDAD_1, ACTIVIDAD_2, NUEVA]))
    pagina.get_by_text("Vista previa:").wait_for()
    assert [kpi(pagina, e) for e in ("Nuevas", "Cambian", "Sin cambio", "Con errores")] == ["1", "1", "1", "0"]
    pagina.screenshot(path=str(SALIDA / "cargar_vista_previa.png"), full_page=True)
    filas = celdas(pagina)
    assert [f[1] for f in filas[:3]] == ["Nueva", "Cambia", "Sin cambio"]
    nueva, cambia = filas[0], filas[1]
    assert "50 → 80" in cambia and "Avance (%): 50 → 80" in cambia
    assert {"En proceso", "10/03/2025", "31/03/2025", "Gobierno abierto"} <= set(nueva)
    assert "Programa Nacional de Transparencia y Acceso a la Información 2022-2026" in nueva
    assert not {"None", "nan", "en_proceso", "2025-03-10", "PROTAI-T3"} & {c for f in filas for c in f}


def test_a_double_click_on_import_imports_once_and_the_page_shows_the_result_without_the_file(
        pagina, servidor, tmp_path):
    entrar(pagina, servidor, "cargar", "enlace.itei")
    subir(pagina, escribir_xlsx(tmp_path / "itei.xlsx", [ACTIVIDAD_1, ACTIVIDAD_2, NUEVA]))
    pagina.get_by_role("button", name="Importar 2 filas").dblclick()
    pagina.get_by_text("Archivo importado: 1 nueva y 1 cambiada, enviadas a revisión.").first.wait_for()
    esperar_app(pagina)
    pagina.screenshot(path=str(SALIDA / "cargar_despues_de_importar.png"), full_page=True)
    assert pagina.get_by_text("Importación núm. 1", exact=True).is_visible()
    assert pagina.get_by_text("Importación núm. 2").count() == 0
    # The file is no longer attached: no file chip, no counts, no preview, no «Importar» and no "0 nuevas".
    assert pagina.locator("[data-testid=stFileUploaderFile]").count() == 0
    assert pagina.locator("[data-testid=stMetric]").count() == 0
    assert pagina.get_by_text("no cambia nada").count() == 0
    assert pagina.get_by_role("button", name=re.compile("^Importar")).count() == 0
    assert pagina.locator("[data-testid=stException]").count() == 0
    pagina.reload()
    esperar_app(pagina)
    pagina.get_by_text("Importaciones", exact=True).wait_for()
    lotes = [f for f in celdas(pagina) if f[-1] == "Vigente" or f[-1].startswith("Revertida")]
    assert [(f[0], f[5], f[6]) for f in lotes] == [("1", "1", "1")]  # one batch: 1 new, 1 changed


def test_a_rollback_shows_what_it_will_do_and_needs_the_confirmation(pagina, servidor):
    entrar(pagina, servidor, "cargar", "admin.snt")
    pagina.get_by_role("button", name="Revertir…").click()
    confirmar = pagina.get_by_role("button", name="Confirmar: revertir el lote 1")
    confirmar.wait_for()
    assert pagina.get_by_text("borra 1 registro que agregó y restaura 1 registro a como estaba").is_visible()
    filas = celdas(pagina)
    assert any("Borrar" in f and NUEVA[6] in f for f in filas)
    assert any("Restaurar" in f and any("Avance (%): 80 → 50" in c for c in f) for f in filas)
    assert [f[-1] for f in celdas(pagina, -2)] == ["Vigente"]  # the batches: nothing reverted yet
    pagina.screenshot(path=str(SALIDA / "cargar_revertir_plan.png"), full_page=True)
    confirmar.click()
    pagina.get_by_text("Importación 1 revertida").first.wait_for()
    esperar_app(pagina)
    assert any(f[-1].startswith("Revertida el ") for f in celdas(pagina))
    assert pagina.get_by_role("button", name=re.compile("Confirmar: revertir")).count() == 0


def test_a_record_edited_in_another_session_before_the_import_is_a_conflict_and_nothing_is_half_written(
        pagina, navegador, servidor, tmp_path):
    entrar(pagina, servidor, "cargar", "enlace.itei")
    subir(pagina, escribir_xlsx(tmp_path / "itei.xlsx", [ACTIVIDAD_1, ACTIVIDAD_2, NUEVA]))
    pagina.get_by_role("button", name="Importar 2 filas").wait_for()

    # Second session: the enlace changes activity 2 in the self-report form while the file waits.
    otro = contexto_nuevo(navegador)
    try:
        otra = otro.new_page()
        entrar(otra, servidor, "autorreporte", "enlace.itei")
        otra.get_by_role("spinbutton", name="Avance (%)").first.fill("60")
        otra.get_by_role("button", name="Guardar y enviar a revisión").click()
        otra.get_by_text("Actividad enviada a revisión.").first.wait_for()
    finally:
        otro.close()

    pagina.get_by_role("button", name="Importar 2 filas").click()
    conflicto = pagina.get_by_text(re.compile(r"No se importó nada: 1 registro cambió después de revisar el archivo "
                                               r"\(la actividad 2 \(fila 3\)\)")).first
    conflicto.wait_for()
    esperar_app(pagina)
    # The message is where the eye is: in the window, just above the button that was pressed.
    caja, boton = conflicto.bounding_box(), pagina.get_by_role("button", name="Importar 2 filas").bounding_box()
    assert 0 <= caja["y"] < 720 and 0 < boton["y"] - caja["y"] < 250
    pagina.screenshot(path=str(SALIDA / "cargar_conflicto.png"), full_page=True)
    # Nothing was written: the file, checked again, still has its new row and now changes 60 → 80.
    assert [kpi(pagina, e) for e in ("Nuevas", "Cambian")] == ["1", "1"]
    filas = celdas(pagina, -2)  # the preview (the batches are the last table)
    assert any("Cambia" in f and "60 → 80" in f for f in filas)
    assert any("Nueva" in f and NUEVA[6] in f for f in filas)
    assert pagina.get_by_text("Importación núm. 2").count() == 0
