"""The app shell and the national board under AppTest, on the hand-written fixture database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from datos_prueba import TOTAL_ACTIVIDADES

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture()
def app(ruta_pequena, monkeypatch):
    monkeypatch.setenv("PIZARRAS_DB", str(ruta_pequena))

    def abrir(**parametros_url) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        for clave, valor in parametros_url.items():
            at.query_params[clave] = valor
        return at.run()

    return abrir


def rerun(at: AppTest) -> AppTest:
    """Rerun from the entry script.

    AppTest 1.67 reruns a multipage app on the page hash it finished on, and then drops every element the entry
    script draws (our whole filter sidebar). Asking for the main script again makes st.navigation pick the page,
    as the real server does on a fresh request.
    """
    at._finished_page_script_hash = ""
    return at.run()


def metrica(at: AppTest, etiqueta: str) -> str:
    return next(m.value for m in at.metric if m.label == etiqueta)


def test_the_national_board_renders_every_kpi_without_filters(app):
    at = app()
    assert not at.exception
    assert metrica(at, "Actividades") == str(TOTAL_ACTIVIDADES)
    assert metrica(at, "Avance promedio") == "64.0 %"
    assert metrica(at, "Organismos que reportan") == "4"
    assert metrica(at, "Compromisos") == "3"
    assert metrica(at, "Personas capacitadas") == "540"
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == TOTAL_ACTIVIDADES


def test_choosing_a_region_changes_the_numbers_and_the_url(app):
    at = app()
    at.multiselect(key="filtro_region").set_value(["norte"])
    rerun(at)
    assert not at.exception
    assert metrica(at, "Actividades") == "2"
    assert metrica(at, "Personas capacitadas") == "30"
    assert at.query_params["region"] in ("norte", ["norte"])


def test_url_query_parameters_restore_the_filters(app):
    at = app(region=["norte", "federal"], estatus=["en_proceso", "programada"])
    assert not at.exception
    assert at.multiselect(key="filtro_region").value == ["norte", "federal"]
    assert metrica(at, "Actividades") == "2"  # activities 3 (programada, norte) and 5 (en proceso, federal)


def test_url_values_may_be_names(app):
    at = app(region="Región Norte", programa="protai")
    assert at.multiselect(key="filtro_region").value == ["norte"]
    assert metrica(at, "Actividades") == "2"


def test_an_unknown_url_value_shows_a_warning_and_leaves_that_filter_open(app):
    at = app(region="Atlantida")
    assert not at.exception
    assert any("Atlantida" in w.value for w in at.warning)
    assert metrica(at, "Actividades") == str(TOTAL_ACTIVIDADES)
    assert "region" not in at.query_params


def test_an_empty_result_shows_a_friendly_empty_state(app):
    at = app(region="sureste", estatus="programada")
    assert not at.exception
    assert metrica(at, "Actividades") == "0"
    assert any("No hay actividades" in i.value for i in at.info)
    assert len(at.dataframe) == 0


def test_the_eje_filter_offers_only_ejes_of_the_chosen_programa(app):
    at = app(programa="PT-CGAYTP")
    opciones = at.multiselect(key="filtro_eje").options
    assert opciones and all("CGAyTP" in o for o in opciones)


def test_reset_clears_every_filter(app):
    at = app(region="norte", ods="16")
    at.button[0].click()
    rerun(at)
    assert at.multiselect(key="filtro_region").value == []
    assert metrica(at, "Actividades") == str(TOTAL_ACTIVIDADES)


def test_demo_data_is_labelled(app):
    at = app()
    assert any("Datos de demostración" in i.value for i in at.info)


def test_no_demo_notice_when_only_real_records_show(app):
    # Activity 6 (IVAI, 2022) is real; no compromiso or training of Veracruz in 2022 in the fixture.
    at = app(organismo="IVAI", periodo="2022")
    assert metrica(at, "Actividades") == "1"
    assert not any("Datos de demostración" in i.value for i in at.info)


def test_a_missing_database_gives_a_spanish_message_not_a_traceback(monkeypatch, tmp_path):
    monkeypatch.setenv("PIZARRAS_DB", str(tmp_path / "no-existe.duckdb"))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert any("make data" in e.value for e in at.error)


def test_the_board_on_the_seed_database_shows_the_published_commitments(ruta_seed, monkeypatch):
    monkeypatch.setenv("PIZARRAS_DB", str(ruta_seed))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert metrica(at, "Compromisos") == "140"
    assert metrica(at, "Organismos que reportan") == "36"
    at.query_params["ods"] = "16"
    rerun(at)
    assert metrica(at, "Compromisos") == "24"
