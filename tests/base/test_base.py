"""Opening the database file: the failures a person can fix are told apart."""

from __future__ import annotations

import shutil

import pytest

from pizarras.base.conexion import BaseNoAbre, Motivo, abrir
from tests.apoyo.procesos import retenida


def test_an_existing_database_opens(ruta_pequena, tmp_path):
    copia = shutil.copy(ruta_pequena, tmp_path / "copia.duckdb")
    con = abrir(copia, solo_lectura=True)
    try:
        assert con.execute("select count(*) from estatus").fetchone()[0] > 0
    finally:
        con.close()


def test_a_missing_file_is_not_created(tmp_path):
    ruta = tmp_path / "no-existe.duckdb"
    with pytest.raises(BaseNoAbre) as error:
        abrir(ruta)
    assert error.value.motivo is Motivo.FALTA
    assert "No existe la base de datos" in str(error.value)
    assert not ruta.exists()  # duckdb.connect would have created an empty database


def test_a_file_held_by_another_process_says_so(ruta_pequena, tmp_path):
    ruta = shutil.copy(ruta_pequena, tmp_path / "ocupada.duckdb")
    with retenida(ruta):
        with pytest.raises(BaseNoAbre) as error:
            abrir(ruta, solo_lectura=True)
    assert error.value.motivo is Motivo.TOMADA
    assert "abierta por otro proceso" in str(error.value)


def test_a_file_that_is_not_a_database_is_another_failure(tmp_path):
    ruta = tmp_path / "hoja.duckdb"
    ruta.write_text("región,avance\nnorte,50\n")
    with pytest.raises(BaseNoAbre) as error:
        abrir(ruta)
    assert error.value.motivo is Motivo.OTRO
    assert str(ruta) in str(error.value)
