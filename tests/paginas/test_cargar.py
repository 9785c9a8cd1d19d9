"""The Cargar page under AppTest: template, upload with row errors, preview, import, rollback."""

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
    at.file_uploader(key="carga_archivo").set_value((nombre, contenido, "application/octet-stream"))
    return at.run()


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
    assert [m.value for m in at.metric] == ["1", "0", "0"]
    next(b for b in at.button if b.label == "Importar 1 fila").click().run()
    assert not at.exception and any("Archivo importado" in s.value for s in at.success)
    con = duckdb.connect(str(ruta))
    assert con.execute("select revision from actividades where titulo = ?", [NUEVA[6]]).fetchone() == ("enviada",)
    con.close()


def test_an_admin_rolls_a_batch_back(ruta):
    at = abrir("cargar", como="admin.snt")
    at = subir(at, "carga.xlsx", xlsx([NUEVA]))
    next(b for b in at.button if b.label == "Importar 1 fila").click().run()
    at.button(key="carga_revertir_boton").click().run()
    assert not at.exception and any("revertida" in s.value for s in at.success)
    con = duckdb.connect(str(ruta))
    assert con.execute("select count(*) from actividades where titulo = ?", [NUEVA[6]]).fetchone() == (0,)
    con.close()


def test_a_wrong_file_gets_a_spanish_message(ruta):
    at = subir(abrir("cargar", como="enlace.itei"), "viejo.xls", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600)
    assert not at.exception and any(".xls" in e.value for e in at.error)


def test_an_enlace_uploads_trainings(ruta):
    from tests.apoyo.hojas_prueba import ENCABEZADOS_CAPACITACIONES, TALLER

    at = abrir("cargar", como="enlace.itei")
    at.radio(key="carga_tipo").set_value("capacitaciones").run()
    assert any("Descargar plantilla" in b.proto.label for b in at.get("download_button"))
    at = subir(at, "capacitaciones.xlsx", xlsx([TALLER], ENCABEZADOS_CAPACITACIONES))
    assert [m.value for m in at.metric] == ["1", "0", "0"]
    next(b for b in at.button if b.label == "Importar 1 fila").click().run()
    assert not at.exception and any("Archivo importado" in s.value for s in at.success)
    con = duckdb.connect(str(ruta))
    assert con.execute("select organismo, revision from capacitaciones where titulo = ?", [TALLER[2]]).fetchone() == (
        "ITEI", "enviada")
    con.close()
