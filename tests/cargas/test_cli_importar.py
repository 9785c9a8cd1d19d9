"""`python -m pizarras plantilla|template` and `importar|import` as a person runs them."""

from __future__ import annotations

import json
import shutil

from tests.apoyo.cli import correr
from tests.apoyo.hojas_prueba import NUEVA, xlsx


def test_the_template_filled_with_an_organismo_imports_as_unchanged(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    plantilla = tmp_path / "itei.xlsx"
    assert correr(db, "template", "--tipo", "actividades", str(plantilla), "--organismo", "itei").returncode == 0
    simulada = correr(db, "import", str(plantilla), "--tipo", "actividades", "--dry-run", "--json")
    assert simulada.returncode == 0, simulada.stderr
    assert json.loads(simulada.stdout) == {"valido": True, "insertadas": 0, "actualizadas": 0, "sin_cambio": 2,
                                           "errores": []}


def test_import_reports_rows_and_exits_non_zero_on_errors(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    mala = tmp_path / "mala.xlsx"
    mala.write_bytes(xlsx([[*NUEVA[:13], 140, *NUEVA[14:]]]))
    resultado = correr(db, "importar", str(mala), "--tipo", "actividades")
    assert resultado.returncode == 1 and "Fila 2, Avance (%): debe estar entre 0 y 100" in resultado.stdout
    buena = tmp_path / "buena.xlsx"
    buena.write_bytes(xlsx([NUEVA]))
    simulada = correr(db, "importar", str(buena), "--tipo", "actividades", "--simular")
    assert simulada.returncode == 0 and "1 se insertarían" in simulada.stdout
    hecha = correr(db, "importar", str(buena), "--tipo", "actividades", "--json")
    assert hecha.returncode == 0 and json.loads(hecha.stdout)["insertadas"] == 1
    otra_vez = correr(db, "importar", str(buena), "--tipo", "actividades", "--json")
    assert json.loads(otra_vez.stdout) | {"errores": []} == {"valido": True, "insertadas": 0, "actualizadas": 0,
                                                             "sin_cambio": 1, "errores": []}
    assert correr(db, "importar", str(tmp_path / "no.xlsx"), "--tipo", "actividades").returncode == 1


def test_the_trainings_template_and_import(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    plantilla = tmp_path / "cap.xlsx"
    assert correr(db, "plantilla", "--tipo", "capacitaciones", str(plantilla), "--organismo", "ITEI").returncode == 0
    simulada = correr(db, "import", str(plantilla), "--tipo", "capacitaciones", "--dry-run", "--json")
    assert json.loads(simulada.stdout)["sin_cambio"] == 1 and simulada.returncode == 0


def test_json_is_printed_even_when_the_file_or_the_database_cannot_be_read(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    sin_archivo = correr(db, "importar", str(tmp_path / "no_existe.xlsx"), "--tipo", "actividades", "--json")
    assert sin_archivo.returncode == 1
    assert json.loads(sin_archivo.stdout)["errores"][0]["mensaje"].startswith("No existe el archivo")
    archivo = tmp_path / "buena.xlsx"
    archivo.write_bytes(xlsx([NUEVA]))
    sin_base = correr(tmp_path / "no_hay.duckdb", "importar", str(archivo), "--tipo", "actividades", "--json")
    assert sin_base.returncode == 1
    respuesta = json.loads(sin_base.stdout)
    assert respuesta["valido"] is False and "make data" in respuesta["errores"][0]["mensaje"]
