"""The Cargar page under AppTest: template, upload with row errors, the preview (new and changed rows first), the
result after an import (and the file cleared), validation on import and rollback in two steps."""

from __future__ import annotations

import shutil

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.apoyo.hojas_prueba import NUEVA, xlsx
from tests.apoyo.paginas import abrir


@pytest.fixture()
def ruta(ruta_con_usuarios, tmp_path, monkeypatch):
    copia = shutil.copy(ruta_con_usuarios, tmp_path / "cargar.duckdb")
    monkeypatch.setenv("PIZARRAS_DB", str(copia))
    return copia




def subir(at: AppTest, nombre: str, contenido: bytes) -> AppTest:
    at.file_uploader[0].set_value((nombre, contenido, "application/octet-stream"))
    return at.run()


def textos(at: AppTest) -> str:
    """Every message, text and caption on the page, as the person reads it (Markdown escapes removed)."""
    elementos = [*at.success, *at.info, *at.warning, *at.error, *at.markdown, *at.caption]
    return " ".join(e.value for e in elementos).replace("\\", "")


def boton(at: AppTest, etiqueta: str):
    return next(b for b in at.button if b.label == etiqueta)


def plantilla_itei_con(ruta, avance_de_la_2: int, *nuevas: list) -> bytes:
    """ITEI's template (row 2: activity 1, row 3: activity 2) with activity 2's progress changed and rows added."""
    import io

    from openpyxl import load_workbook

    from pizarras.cargas.plantillas import plantilla

    con = duckdb.connect(str(ruta))
    libro = load_workbook(io.BytesIO(plantilla(con, "actividades", "ITEI")))
    con.close()
    hoja = libro["Datos"]
    hoja.cell(row=3, column=14, value=avance_de_la_2)
    for numero, fila in enumerate(nuevas, start=4):
        for columna, valor in enumerate(fila, start=1):
            hoja.cell(row=numero, column=columna, value=valor)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def test_nobody_logged_in_sees_the_login_form(ruta):
    at = abrir("cargar")
    assert not at.exception and [t.label for t in at.text_input] == ["Usuario", "Contraseña"]


def test_an_enlace_sees_row_errors_then_imports_the_corrected_file(ruta):
    at = abrir("cargar", como="enlace.itei")
    assert not at.exception
    assert any("Descargar plantilla" in b.proto.label for b in at.get("download_button"))
    mala = [*NUEVA[:12], "Terminada", 150, *NUEVA[14:]]
    at = subir(at, "itei.xlsx", xlsx([mala]))
    assert any("errores en 1 fila" in e.value for e in at.error)
    errores = at.dataframe[0].value
    assert set(errores["Columna"]) == {"Estatus", "Avance (%)"}
    assert any("informe de errores" in b.proto.label for b in at.get("download_button"))

    at = subir(at, "itei.xlsx", xlsx([NUEVA]))
    assert [m.value for m in at.metric] == ["1", "0", "0", "0"]
    next(b for b in at.button if b.label == "Importar 1 fila").click().run()
    assert not at.exception and any("Archivo importado" in s.value for s in at.success)
    con = duckdb.connect(str(ruta))
    assert con.execute("select revision from actividades where titulo = ?", [NUEVA[6]]).fetchone() == ("enviada",)
    con.close()


def test_the_preview_leads_with_new_and_changed_rows_before_and_after_in_labels(ruta):
    at = subir(abrir("cargar", como="enlace.itei"), "itei.xlsx", plantilla_itei_con(ruta, 80, NUEVA))
    assert [(m.label, m.value) for m in at.metric] == [("Nuevas", "1"), ("Cambian", "1"), ("Sin cambio", "1"),
                                                       ("Con errores", "0")]
    previa = at.dataframe[0].value
    assert list(previa["Qué pasa"]) == ["Nueva", "Cambia", "Sin cambio"]
    nueva, cambia = previa.iloc[0], previa.iloc[1]
    assert cambia["Avance (%)"] == "50 → 80" and cambia["Cambios"] == "Avance (%): 50 → 80"
    assert (nueva["Estatus"], nueva["Fecha de inicio"], nueva["Eje temático"]) == ("En proceso", "10/03/2025",
                                                                                    "Gobierno abierto")
    assert nueva["Programa"] == "Programa Nacional de Transparencia y Acceso a la Información 2022-2026"
    assert "None" not in previa.to_string() and "nan" not in previa.to_string()


def test_after_an_import_the_page_shows_its_result_and_the_file_is_cleared(ruta):
    at = subir(abrir("cargar", como="enlace.itei"), "itei.xlsx", plantilla_itei_con(ruta, 80, NUEVA))
    boton(at, "Importar 2 filas").click().run()
    assert not at.exception
    pagina = textos(at)
    assert "Archivo importado: 1 nueva y 1 cambiada, enviadas a revisión" in pagina
    assert "Importación núm. 1" in pagina and "enviadas a revisión" in pagina and "puede revertirla" in pagina
    assert at.file_uploader[0].value is None  # the file is no longer attached
    assert "0 nuevas" not in pagina and "no cambia nada" not in pagina
    assert [m.value for m in at.metric] == []  # no stale preview or counts
    at.run()  # a later rerun (any widget) does not import again
    con = duckdb.connect(str(ruta))
    assert con.execute("select count(*) from importaciones").fetchone() == (1,)
    con.close()


def test_an_admin_rolls_a_batch_back_in_two_steps(ruta):
    at = abrir("cargar", como="admin.snt")
    at = subir(at, "carga.xlsx", plantilla_itei_con(ruta, 80, NUEVA))
    boton(at, "Importar 2 filas").click().run()
    at.button(key="carga_revertir_boton").click().run()
    # First step: what it will do, nothing written yet.
    assert not at.exception and not any("revertida" in s.value for s in at.success)
    plan = at.dataframe[-1].value
    assert sorted(plan["Qué hará"]) == ["Borrar", "Restaurar"]
    assert "Avance (%): 80 → 50" in " ".join(plan["Qué se deshace"])
    assert any("borra 1 registro" in m.value and "restaura 1" in m.value for m in [*at.warning, *at.info])
    con = duckdb.connect(str(ruta))
    assert con.execute("select count(*) from actividades where titulo = ?", [NUEVA[6]]).fetchone() == (1,)
    con.close()
    boton(at, "Confirmar: revertir el lote 1").click().run()
    assert not at.exception and "Importación 1 revertida" in textos(at), textos(at)
    con = duckdb.connect(str(ruta))
    assert con.execute("select count(*) from actividades where titulo = ?", [NUEVA[6]]).fetchone() == (0,)
    assert con.execute("select avance from actividades where id = 2").fetchone() == (50,)
    con.close()


def test_a_blocked_rollback_names_every_record_that_changed_and_offers_no_confirmation(ruta):
    from pizarras.escritura import autorreporte
    from tests.apoyo.cuentas_prueba import como

    at = abrir("cargar", como="admin.snt")
    at = subir(at, "carga.xlsx", plantilla_itei_con(ruta, 80, NUEVA, [*NUEVA[:6], "Otra jornada", *NUEVA[7:]]))
    boton(at, "Importar 3 filas").click().run()
    con = duckdb.connect(str(ruta))
    for (id_,) in con.execute("select id from actividades where titulo in (?, 'Otra jornada')", [NUEVA[6]]).fetchall():
        autorreporte.actualizar_actividad(con, como("enlace.itei"), id_, 1, {"avance": 60})
    con.close()
    at.button(key="carga_revertir_boton").click().run()
    error = " ".join(e.value for e in at.error).replace("\\", "")
    assert "2 registros cambiaron" in error and NUEVA[6] in error and "Otra jornada" in error
    assert "lo cambió enlace.itei" in error
    assert not any(b.label.startswith("Confirmar: revertir") for b in at.button)


def test_an_admin_validating_on_import_confirms_how_many_it_publishes(ruta):
    at = subir(abrir("cargar", como="admin.snt"), "carga.xlsx", plantilla_itei_con(ruta, 80, NUEVA))
    at.checkbox(key="carga_validar").check().run()
    boton(at, "Importar y validar 2 filas…").click().run()
    assert any("publica 2 registros" in w.value for w in at.warning)
    con = duckdb.connect(str(ruta))
    assert con.execute("select count(*) from importaciones").fetchone() == (0,)  # nothing yet
    con.close()
    boton(at, "Confirmar: importar y publicar 2 registros").click().run()
    assert not at.exception
    con = duckdb.connect(str(ruta))
    assert con.execute("select revision from actividades where titulo = ?", [NUEVA[6]]).fetchone() == ("validada",)
    con.close()


def test_the_uploader_speaks_spanish_and_states_its_limits(ruta):
    at = abrir("cargar", como="enlace.itei")
    uploader = at.file_uploader[0]
    assert uploader.label == "Archivo XLSX, ODS o CSV" and "plantilla" in uploader.help
    assert any("20 MB" in c.value and "100,000 filas" in c.value and ".xlsx" in c.value for c in at.caption)


def test_a_wrong_file_gets_a_spanish_message(ruta):
    at = subir(abrir("cargar", como="enlace.itei"), "viejo.xls", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600)
    assert not at.exception and any(".xls" in e.value for e in at.error)


def test_an_enlace_uploads_trainings(ruta):
    from tests.apoyo.hojas_prueba import ENCABEZADOS_CAPACITACIONES, TALLER

    at = abrir("cargar", como="enlace.itei")
    at.radio(key="carga_tipo").set_value("capacitaciones").run()
    assert any("Descargar plantilla" in b.proto.label for b in at.get("download_button"))
    at = subir(at, "capacitaciones.xlsx", xlsx([TALLER], ENCABEZADOS_CAPACITACIONES))
    assert [m.value for m in at.metric] == ["1", "0", "0", "0"]
    next(b for b in at.button if b.label == "Importar 1 fila").click().run()
    assert not at.exception and any("Archivo importado" in s.value for s in at.success)
    con = duckdb.connect(str(ruta))
    assert con.execute("select organismo, revision from capacitaciones where titulo = ?", [TALLER[2]]).fetchone() == (
        "ITEI", "enviada")
    con.close()


def test_an_admin_validates_rows_equal_to_records_under_review_and_publishes_them_as_they_are(ruta):
    # An enlace's upload raises activity 2 to 80 %: a pending edit, the public keeps 50 %.
    archivo = plantilla_itei_con(ruta, 80)
    at = subir(abrir("cargar", como="enlace.itei"), "carga.xlsx", archivo)
    boton(at, "Importar 1 fila").click().run()
    assert not at.exception
    # The same file again, by an admin: nothing changes, but one row's record awaits review.
    at = subir(abrir("cargar", como="admin.snt"), "carga.xlsx", archivo)
    assert not at.exception and not any(b.label.startswith("Importar") for b in at.button)
    assert any("1 fila sin cambio es de registros con cambios en revisión" in i.value for i in at.info)
    at.checkbox(key="carga_validar").check().run()
    boton(at, "Importar y validar 1 fila…").click().run()
    assert any("publica 1 registro" in w.value and "1 sin cambios que estaba en revisión" in w.value
               for w in at.warning)
    boton(at, "Confirmar: importar y publicar 1 registro").click().run()
    assert not at.exception
    assert any("1 validada sin cambios" in s.value for s in at.success)
    con = duckdb.connect(str(ruta))
    try:
        assert con.execute("select avance from actividades_publicadas where id = 2").fetchone() == (80,)
        assert con.execute("select revision from actividades where id = 2").fetchone() == ("validada",)
    finally:
        con.close()
