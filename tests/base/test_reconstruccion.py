"""`make data` never silently replaces what people wrote; production can start without demo rows; the app migrates
an old database at start with the boards as a fresh build shows them."""

from __future__ import annotations

import os
import shutil
import subprocess

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from pizarras.escritura import cuentas
from tests.apoyo.base_v1 import construir_v1
from tests.apoyo.cuentas_prueba import CLAVE
from tests.apoyo.paginas import ARNES, metrica

RAIZ = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def make_data(db, *variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", "data", f"PIZARRAS_DB={db}", *variables], cwd=RAIZ, capture_output=True,
                          text=True, timeout=300)


def test_make_data_refuses_to_replace_a_persons_records_and_forced_keeps_a_copy(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "pizarras.duckdb")
    con = duckdb.connect(str(db))
    cuentas.agregar(con, "enlace.itei", CLAVE, "enlace", "Enlace", "e@itei.org.mx", "ITEI")
    con.close()
    antes = db.read_bytes()

    rechazo = make_data(db)
    assert rechazo.returncode != 0
    assert "1 cuentas de usuario" in rechazo.stderr and "FORZAR=1" in rechazo.stderr
    assert db.read_bytes() == antes

    forzado = make_data(db, "FORZAR=1")
    assert forzado.returncode == 0, forzado.stderr
    copias = [p for p in tmp_path.iterdir() if ".antes-de-reconstruir." in p.name]
    assert len(copias) == 1 and str(copias[0]) in forzado.stdout
    assert copias[0].read_bytes() == antes
    con = duckdb.connect(str(db), read_only=True)
    try:  # the seed's database, without the account
        assert con.execute("select count(*) from usuarios").fetchone()[0] == 0
        assert con.execute("select count(*) from actividades").fetchone()[0] > 100
    finally:
        con.close()


def test_a_database_without_peoples_records_is_rebuilt_without_asking(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "pizarras.duckdb")
    resultado = make_data(db)
    assert resultado.returncode == 0, resultado.stderr
    assert not [p for p in tmp_path.iterdir() if ".antes-de-reconstruir." in p.name]


def test_sin_demo_keeps_only_sourced_records(tmp_path):
    db = tmp_path / "produccion.duckdb"
    resultado = make_data(db, "SIN_DEMO=1")
    assert resultado.returncode == 0, resultado.stderr
    assert "sin datos de demostración" in resultado.stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        for tabla in ("actividades", "compromisos", "capacitaciones", "stl_integrantes"):
            assert con.execute(f"select count(*) from {tabla} where es_demo").fetchone()[0] == 0, tabla
        assert con.execute("select count(*) from compromisos where ods_es_demo").fetchone()[0] == 0
        # The sourced records stay: commitments of the published plans and the documented trainings.
        assert con.execute("select count(*) from compromisos").fetchone()[0] > 0
        assert con.execute("select count(*) from capacitaciones").fetchone()[0] > 0
        assert con.execute("select count(*) from actividad_ods").fetchone()[0] == 0  # every activity was demo
        # No official indicator sheet is held: the catalogue and the yearly values are empty.
        for tabla in ("indicadores", "mediciones", "mediciones_publicadas"):
            assert con.execute(f"select count(*) from {tabla}").fetchone()[0] == 0, tabla
    finally:
        con.close()


@pytest.fixture()
def vieja(tmp_path, monkeypatch):
    db = construir_v1(tmp_path / "vieja.duckdb", con_registros_nuevos=False)
    monkeypatch.setenv("PIZARRAS_DB", str(db))
    return db


def test_the_app_migrates_an_old_database_at_start_and_shows_the_boards_of_a_fresh_build(vieja, ruta_seed, tmp_path,
                                                                                          monkeypatch):
    at = AppTest.from_file(ARNES, default_timeout=60)
    at.session_state["pagina_bajo_prueba"] = "pages/pizarra_nacional.py"
    at.run()
    assert not at.exception and not at.error
    migrada = {m.label: m.value for m in at.metric}
    assert any(".v1-a-v" in p.name for p in vieja.parent.iterdir())

    # A copy: the app keeps its connection open for the rest of this process, which other tests' readers of the
    # shared seed database would collide with.
    monkeypatch.setenv("PIZARRAS_DB", str(shutil.copy(ruta_seed, tmp_path / "nueva.duckdb")))
    nueva = AppTest.from_file(ARNES, default_timeout=60)
    nueva.session_state["pagina_bajo_prueba"] = "pages/pizarra_nacional.py"
    nueva.run()
    assert migrada == {m.label: m.value for m in nueva.metric}
    assert metrica(at, "Actividades") == metrica(nueva, "Actividades")
