"""`python -m pizarras plantilla|template` and `importar|import` as a person runs them; with and without
`--validar`, checked against what the public sees (the open data's activities)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
from openpyxl import load_workbook

from pizarras.base.consultas import ejecutar
from tests.apoyo.cli import correr
from tests.apoyo.hojas_prueba import ENCABEZADOS, NUEVA, xlsx


def test_the_template_filled_with_an_organismo_imports_as_unchanged(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    plantilla = tmp_path / "itei.xlsx"
    assert correr(db, "template", "--tipo", "actividades", str(plantilla), "--organismo", "itei").returncode == 0
    simulada = correr(db, "import", str(plantilla), "--tipo", "actividades", "--dry-run", "--json")
    assert simulada.returncode == 0, simulada.stderr
    assert json.loads(simulada.stdout) == {"valido": True, "insertadas": 0, "actualizadas": 0,
                                           "validadas_sin_cambios": 0, "sin_cambio": 2, "errores": []}


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
                                                             "validadas_sin_cambios": 0, "sin_cambio": 1,
                                                             "errores": []}
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


def _abiertas(db) -> dict[int, dict]:
    """The open data's activities (what the public sees) in the database file `db`."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        datos = ejecutar(con, "datos_abiertos/actividades", {})
    finally:
        con.close()
    return {f["id"]: f for f in datos.astype(object).where(datos.notna(), None).to_dict("records")}


def _plantilla_editada(db, tmp_path) -> Path:
    """ITEI's filled template (activity 1, then 2) with activity 2 at 80 % and a new activity."""
    plantilla = tmp_path / "itei.xlsx"
    assert correr(db, "plantilla", "--tipo", "actividades", str(plantilla), "--organismo", "ITEI").returncode == 0
    libro = load_workbook(plantilla)
    hoja = libro["Datos"]
    hoja.cell(row=3, column=ENCABEZADOS.index("Avance (%)") + 1, value=80)
    hoja.append(NUEVA)
    libro.save(plantilla)
    return plantilla


def _cambiadas(antes: dict, despues: dict) -> set[int]:
    return {i for i in despues if despues[i] != antes.get(i)} | (set(antes) - set(despues))


def test_without_validar_the_public_figures_stay_and_validar_publishes_the_pending_rows(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    archivo = _plantilla_editada(db, tmp_path)
    publicas = _abiertas(db)

    enviada = correr(db, "importar", str(archivo), "--tipo", "actividades")
    assert enviada.returncode == 0, enviada.stderr
    assert "Archivo válido: 1 insertadas, 1 actualizadas, 1 sin cambio." in enviada.stdout
    assert _abiertas(db) == publicas  # pending edits: the public sees what it saw

    # The same file again, without validating, writes nothing and says what --validar would do.
    simulada = correr(db, "importar", str(archivo), "--tipo", "actividades")
    assert "0 insertadas, 0 actualizadas, 3 sin cambio." in simulada.stdout
    assert ("Aviso: 2 de las filas sin cambio tienen cambios en revisión; con --validar se validan y se publican tal "
            "como están.") in simulada.stdout
    prueba = correr(db, "importar", str(archivo), "--tipo", "actividades", "--validar", "--simular")
    assert "0 se insertarían, 0 actualizadas, 2 se validarían sin cambios, 1 sin cambio." in prueba.stdout
    assert _abiertas(db) == publicas

    validada = correr(db, "importar", str(archivo), "--tipo", "actividades", "--validar")
    assert validada.returncode == 0, validada.stderr
    assert ("Archivo válido: 0 insertadas, 0 actualizadas, 2 validadas sin cambios (estaban en revisión), "
            "1 sin cambio.") in validada.stdout
    despues = _abiertas(db)
    nueva = max(despues)
    assert _cambiadas(publicas, despues) == {2, nueva}
    assert (despues[2]["avance"], despues[nueva]["titulo"]) == (80, NUEVA[6])

    otra_vez = correr(db, "importar", str(archivo), "--tipo", "actividades", "--validar", "--json")
    assert json.loads(otra_vez.stdout) == {"valido": True, "insertadas": 0, "actualizadas": 0,
                                           "validadas_sin_cambios": 0, "sin_cambio": 3, "errores": []}
    assert _abiertas(db) == despues


def test_validar_publishes_exactly_the_imported_records(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    archivo = _plantilla_editada(db, tmp_path)
    publicas = _abiertas(db)
    validada = correr(db, "importar", str(archivo), "--tipo", "actividades", "--validar", "--json")
    assert validada.returncode == 0, validada.stderr
    assert json.loads(validada.stdout) == {"valido": True, "insertadas": 1, "actualizadas": 1,
                                           "validadas_sin_cambios": 0, "sin_cambio": 1, "errores": []}
    despues = _abiertas(db)
    assert _cambiadas(publicas, despues) == {2, max(despues)} and len(despues) == len(publicas) + 1
    assert despues[2]["avance"] == 80
    assert despues[1] == publicas[1]  # the unchanged row is not published again
