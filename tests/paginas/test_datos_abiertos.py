"""The open-data page under AppTest: validated records only, the dictionary of the chosen table, no exception."""

from __future__ import annotations

import pytest

from tests.apoyo.paginas import abrir, rerun
from tests.apoyo.publico_prueba import con_registros_sin_validar


@pytest.fixture(autouse=True)
def base_mixta(ruta_pequena, tmp_path_factory, monkeypatch):
    ruta = con_registros_sin_validar(ruta_pequena, tmp_path_factory.mktemp("abiertos") / "mixta.duckdb")
    monkeypatch.setenv("PIZARRAS_DB", str(ruta))


def test_the_summary_counts_validated_records_only():
    at = abrir("datos_abiertos")
    assert not at.exception
    assert at.title[0].value == "Datos abiertos"
    resumen = at.dataframe[0].value.set_index("Archivo")
    assert resumen.loc["actividades", "Filas"] == 3  # 6 in the database, 3 not validated
    assert resumen.loc["compromisos", "Filas"] == 2 and resumen.loc["capacitaciones", "Filas"] == 2
    assert "usuarios" not in resumen.index and "auditoria" not in resumen.index
    assert any("Licencia de Libre Uso MX" in c.value for c in at.caption)
    assert any("es_demo" in i.value for i in at.info)


def test_choosing_a_table_shows_its_dictionary_and_only_validated_rows():
    at = abrir("datos_abiertos")
    at.selectbox(key="datos_abiertos_tabla").set_value("compromisos")
    rerun(at)
    assert not at.exception
    assert at.subheader[0].value == "Compromisos de gobierno abierto"
    diccionario = at.dataframe[1].value
    assert "ods_es_demo" in list(diccionario["Columna"])
    assert set(diccionario.columns) == {"Columna", "Tipo", "Significado", "Valores permitidos"}
    assert list(at.dataframe[2].value["id"]) == [1, 3]  # 2 is waiting for review


def test_filters_in_the_url_do_not_narrow_the_open_data():
    at = abrir("datos_abiertos", region="norte")
    assert not at.exception
    assert at.dataframe[0].value.set_index("Archivo").loc["actividades", "Filas"] == 3


def test_the_page_gives_the_licence_citation_as_text_to_copy(monkeypatch):
    from datetime import date

    from pizarras.publicacion import datos_abiertos as da

    # AppTest has no browser address: the page falls back on the configured public address.
    monkeypatch.setenv("PIZARRAS_URL_PUBLICA", "https://pizarras.ejemplo.mx/")
    at = abrir("datos_abiertos")
    assert not at.exception
    [cita] = at.code
    assert cita.value == da.cita(date.today(), "https://pizarras.ejemplo.mx/datos_abiertos")
    assert f"SNT; https://pizarras.ejemplo.mx/datos_abiertos; fecha de consulta: {date.today():%Y-%m-%d}." in cita.value
    assert cita.language == "plaintext"  # text, never highlighted as code
