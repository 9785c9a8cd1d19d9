"""Drill-down from the national board: a click on a región, eje or organismo bar opens the matching board with the
filter set, in the sidebar and in the URL; and the pending-filter mechanism behind it."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pizarras.ui.filtros import pedir_filtros
from tests.apoyo.paginas import ARNES, abrir, metrica, rerun
from tests.apoyo.paginas_drill import PENDIENTES, abrir_con_todas, clic_en_grafica, grafica, pendientes


def test_a_click_on_a_region_bar_opens_the_region_board_filtered_by_it():
    at = abrir_con_todas("pizarra_nacional")
    clic_en_grafica(at, "nacional_grafica_region", "norte", 2)
    assert not at.exception
    assert at.title[0].value == "Pizarra por región"
    assert at.query_params["region"] in ("norte", ["norte"])
    assert at.multiselect(key="filtro_region").value == ["norte"]
    assert metrica(at, "Organismos") == "9" and metrica(at, "Actividades") == "2"
    assert pendientes(at) == {}  # applied, not left for later


def test_a_click_on_an_eje_bar_filters_the_national_board_by_that_eje_and_does_not_loop():
    at = abrir_con_todas("pizarra_nacional", periodo="2023")
    clic_en_grafica(at, "nacional_grafica_eje_tematico", "PROTAI-T3", 1)
    assert not at.exception
    assert at.title[0].value == "Pizarra nacional de avance"
    assert at.query_params["eje"] in ("PROTAI-T3", ["PROTAI-T3"])
    assert at.query_params["periodo"] in ("2023", ["2023"])  # other filters stay
    assert metrica(at, "Actividades") == "1"  # activity 1 (PROTAI T3, 2023)
    # The same bar again: nothing new to open, so the page stays as it is.
    clic_en_grafica(at, "nacional_grafica_eje_tematico", "PROTAI-T3", 1)
    assert not at.exception and at.title[0].value == "Pizarra nacional de avance"
    assert metrica(at, "Actividades") == "1" and pendientes(at) == {}


def test_a_click_on_a_transversal_eje_bar_filters_by_it():
    at = abrir_con_todas("pizarra_nacional")
    clic_en_grafica(at, "nacional_grafica_eje_transversal", "PROTAI-X2", 1)
    assert at.multiselect(key="filtro_eje").value == ["PROTAI-X2"]
    assert metrica(at, "Actividades") == "1"  # activity 4 declares X2


def test_a_click_on_an_organismo_bar_opens_its_board():
    at = abrir_con_todas("pizarra_nacional", region="norte")
    clic_en_grafica(at, "nacional_grafica_organismo", "IDAIP", 2)
    assert not at.exception
    assert at.title[0].value == "Pizarra por organismo"
    assert at.query_params["organismo"] in ("IDAIP", ["IDAIP"])
    assert at.query_params["region"] in ("norte", ["norte"])
    assert at.selectbox(key="pizarra_organismo_elegido").value == "IDAIP"
    assert metrica(at, "Actividades") == "2"


def test_the_charts_carry_their_key_in_customdata():
    at = abrir_con_todas("pizarra_nacional")
    datos = grafica(at, "nacional_grafica_region").proto.spec
    assert '"customdata"' in datos and '"norte"' in datos


def test_pending_values_are_applied_before_the_sidebar_is_drawn():
    at = AppTest.from_file(ARNES, default_timeout=30)
    at.session_state["pagina_bajo_prueba"] = "pages/pizarra_nacional.py"
    at.session_state[PENDIENTES] = {"region": ["norte"], "estatus": ["programada"]}
    at.run()
    assert not at.exception
    assert at.multiselect(key="filtro_region").value == ["norte"]
    assert at.query_params["estatus"] in ("programada", ["programada"])
    assert metrica(at, "Actividades") == "1"  # activity 3
    assert PENDIENTES not in at.session_state


def test_pending_values_win_over_the_url_and_an_empty_list_clears_a_filter():
    at = AppTest.from_file(ARNES, default_timeout=30)
    at.session_state["pagina_bajo_prueba"] = "pages/pizarra_nacional.py"
    at.query_params["region"] = "sureste"
    at.query_params["ods"] = "16"
    at.session_state[PENDIENTES] = {"region": ["norte"], "ods": []}
    at.run()
    assert at.multiselect(key="filtro_region").value == ["norte"]
    assert "ods" not in at.query_params
    rerun(at)  # and they do not come back on the next run
    assert at.multiselect(key="filtro_region").value == ["norte"]


def test_a_pending_value_the_other_filters_exclude_is_dropped_not_shown():
    at = abrir("pizarra_nacional", region="norte")
    at.session_state[PENDIENTES] = {"organismo": ["ITEI"]}  # Jalisco is not in the north
    rerun(at)
    assert not at.exception
    assert at.multiselect(key="filtro_organismo").value == []
    assert "organismo" not in at.query_params


def test_an_unknown_filter_name_is_a_programming_error():
    with pytest.raises(ValueError, match="Filtros desconocidos"):
        pedir_filtros(color=["rojo"])
