"""The national board under AppTest: numbers against the fixture database, filters, empty state, demo notice."""

from __future__ import annotations

from seed.generate_demo import CIFRAS
from tests.apoyo.datos_prueba import TOTAL_ACTIVIDADES
from tests.apoyo.paginas import abrir, metrica, rerun


def test_every_kpi_without_filters():
    at = abrir("pizarra_nacional")
    assert not at.exception
    assert metrica(at, "Actividades") == str(TOTAL_ACTIVIDADES)
    assert metrica(at, "Avance promedio") == "64.0 %"
    assert metrica(at, "Organismos que reportan") == "4"
    assert metrica(at, "Compromisos") == "3"
    assert metrica(at, "Personas capacitadas") == "540"
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == TOTAL_ACTIVIDADES


def test_two_filter_combinations_give_the_hand_computed_numbers():
    at = abrir("pizarra_nacional", programa="PROTAI", periodo="2024")
    assert metrica(at, "Actividades") == "1"  # activity 4, cancelled
    assert metrica(at, "Canceladas") == "1"
    at = abrir("pizarra_nacional", ods="16", region="centro-occidente")
    assert metrica(at, "Actividades") == "1"  # activity 1
    assert metrica(at, "Avance promedio") == "100.0 %"
    assert metrica(at, "Compromisos") == "1"  # Jalisco's plan A, ODS 16


def test_an_empty_result_shows_a_friendly_empty_state():
    at = abrir("pizarra_nacional", region="sureste", estatus="programada")
    assert not at.exception
    assert metrica(at, "Actividades") == "0"
    assert any("No hay actividades" in i.value for i in at.info)
    assert len(at.dataframe) == 0


def test_filters_that_do_not_apply_to_commitments_are_named():
    at = abrir("pizarra_nacional", programa="PROTAI")
    assert any("El filtro Programa no aplica a los compromisos de gobierno abierto." == c.value for c in at.caption)


def test_demo_data_is_labelled():
    assert any("Datos de demostración" in i.value for i in abrir("pizarra_nacional").info)


def test_no_demo_notice_when_only_real_records_show():
    # Activity 6 (IVAI, 2022) is real; no commitment or training of Veracruz in 2022 in the fixture.
    at = abrir("pizarra_nacional", organismo="IVAI", periodo="2022")
    assert metrica(at, "Actividades") == "1"
    assert not any("Datos de demostración" in i.value for i in at.info)


def test_a_rerun_keeps_the_filters():
    at = abrir("pizarra_nacional", region="norte")
    rerun(at)
    assert metrica(at, "Actividades") == "2"


def test_the_board_on_the_seed_database_shows_the_published_commitments(ruta_seed, monkeypatch):
    monkeypatch.setenv("PIZARRAS_DB", str(ruta_seed))
    at = abrir("pizarra_nacional")
    assert not at.exception
    assert metrica(at, "Compromisos") == str(CIFRAS["compromisos"])
    assert metrica(at, "Organismos que reportan") == "36"
    at.query_params["ods"] = "16"
    rerun(at)
    assert metrica(at, "Compromisos") == str(CIFRAS["compromisos_por_ods"][16])


def test_a_cut_table_says_so_and_its_downloads_hold_every_row(monkeypatch, request):
    from pizarras.lectura.tableros import nacional
    from pizarras.ui import componentes, datos

    monkeypatch.setattr(nacional, "FILAS_VISIBLES", 2)
    monkeypatch.setattr(componentes, "FILAS_VISIBLES", 2)
    datos.invalidar_cache()  # boards are shared between runs; this one must be built with the patched limit
    request.addfinalizer(datos.invalidar_cache)
    at = abrir("pizarra_nacional")
    assert not at.exception
    assert len(at.dataframe[0].value) == 2
    assert any("Se muestran las primeras 2 filas" in c.value for c in at.caption)


def test_on_a_phone_the_activities_table_waits_for_a_tap(monkeypatch):
    from pizarras.ui import pantalla

    monkeypatch.setattr(pantalla, "en_telefono", lambda: True)
    at = abrir("pizarra_nacional")
    assert not at.exception
    assert len(at.dataframe) == 0
    assert [b.label for b in at.download_button] == ["Descargar CSV", "Descargar Excel (XLSX)"]  # without the table
    interruptor = next(t for t in at.toggle if t.label.startswith("Ver la tabla de actividades"))
    assert interruptor.label == f"Ver la tabla de actividades ({TOTAL_ACTIVIDADES} filas)"

    at = rerun(interruptor.set_value(True))
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == TOTAL_ACTIVIDADES
    assert len(rerun(at).dataframe) == 1  # the choice holds for the session


def test_on_a_phone_the_demo_notice_is_one_sentence(monkeypatch):
    from pizarras.ui import pantalla

    escritorio = next(i.value for i in abrir("pizarra_nacional").info if "demostración" in i.value)
    monkeypatch.setattr(pantalla, "en_telefono", lambda: True)
    telefono = next(i.value for i in abrir("pizarra_nacional").info if "demostración" in i.value)

    assert telefono.startswith("Datos de demostración: ") and telefono.count(".") == 1
    assert len(telefono) < len(escritorio) / 2
