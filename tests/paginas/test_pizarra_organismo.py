"""The organismo board under AppTest: numbers against the fixture database, the selector, empty states.

"Vencidas" uses today's date: every planned end in the fixture is before 2026, so the counts hold on any later run.
"""

from __future__ import annotations

from tests.apoyo.paginas import abrir, metrica, rerun


def test_without_an_organismo_the_board_asks_for_one():
    at = abrir("pizarra_organismo")
    assert not at.exception
    assert any("Elija un organismo" in i.value for i in at.info)
    assert len(at.metric) == 0 and len(at.dataframe) == 0
    assert len(at.selectbox(key="pizarra_organismo_elegido").options) == 36


def test_itei_without_other_filters():
    at = abrir("pizarra_organismo", organismo="ITEI")
    assert not at.exception
    assert at.selectbox(key="pizarra_organismo_elegido").value == "ITEI"
    assert metrica(at, "Actividades") == "2"
    assert metrica(at, "Concluidas") == "1"
    assert metrica(at, "Avance promedio") == "75.0 %"  # (100 + 50) / 2
    assert metrica(at, "Actividades vencidas") == "1"  # activity 2, planned end 2024-12-31
    assert metrica(at, "Último reporte") == "15/11/2024"
    assert metrica(at, "Compromisos") == "2"  # Jalisco's plans A and B
    assert metrica(at, "Compromisos vencidos") == "1"  # plan B ended in 2021, still en proceso
    assert metrica(at, "Capacitaciones organizadas") == "1"
    assert metrica(at, "Personas capacitadas") == "100"
    ejes, vencidas, actividades, compromisos, capacitaciones = (t.value for t in at.dataframe)
    assert list(ejes["Eje"]) == ["Gobierno abierto", "Educación y cultura de protección de datos",
                                 "Derechos humanos, igualdad de género e inclusión"]
    assert list(vencidas["ID"]) == [2]
    assert len(actividades) == 2 and list(compromisos["ID"]) == [1, 2] and list(capacitaciones["ID"]) == [1]
    assert any("Jalisco" in c.value for c in at.caption)
    assert len(at.get("download_button")) == 10  # CSV and XLSX for each of the five tables


def test_idaip_in_2024_with_hand_computed_numbers():
    at = abrir("pizarra_organismo", organismo="IDAIP", periodo="2024")
    assert not at.exception
    assert metrica(at, "Actividades") == "1"  # activity 4, cancelled
    assert metrica(at, "Avance promedio") == "—"  # cancelled activities have no average
    assert metrica(at, "Actividades vencidas") == "0"
    assert metrica(at, "Compromisos") == "0"  # Durango's plan ran 2015-2016
    assert metrica(at, "Personas capacitadas") == "30"  # training 3, February 2024
    assert any("no tiene actividades vencidas" in s.value for s in at.success)
    assert any("No hay compromisos" in i.value for i in at.info)


def test_a_federal_member_under_a_status_filter():
    at = abrir("pizarra_organismo", organismo="INAI", estatus="en_proceso")
    assert not at.exception
    assert metrica(at, "Actividades") == "1"  # activity 5
    assert metrica(at, "Actividades vencidas") == "1"  # planned end 2025-03-31
    assert metrica(at, "Último reporte") == "02/04/2025"
    assert any("integrante federal" in c.value for c in at.caption)
    assert any("El filtro Estatus no aplica a las capacitaciones." == c.value for c in at.caption)  # trainings have no estatus


def test_nothing_under_the_filters_shows_the_empty_state():
    at = abrir("pizarra_organismo", organismo="IVAI", periodo="2025")
    assert not at.exception
    assert metrica(at, "Actividades") == "0"
    assert any("No hay actividades, compromisos ni capacitaciones de IVAI" in i.value for i in at.info)
    assert len(at.dataframe) == 0


def test_choosing_an_organismo_sets_the_global_filter_and_the_url():
    at = abrir("pizarra_organismo")
    at.selectbox(key="pizarra_organismo_elegido").set_value("IDAIP")
    rerun(at)
    assert not at.exception
    assert at.query_params["organismo"] in ("IDAIP", ["IDAIP"])
    assert at.multiselect(key="filtro_organismo").value == ["IDAIP"]
    assert metrica(at, "Actividades") == "2"
    at.selectbox(key="pizarra_organismo_elegido").set_value("ITEI")  # switching replaces it
    rerun(at)
    assert at.multiselect(key="filtro_organismo").value == ["ITEI"]
    assert metrica(at, "Actividades") == "2" and metrica(at, "Compromisos") == "2"


def test_the_selector_offers_only_organismos_the_place_filters_allow():
    at = abrir("pizarra_organismo", region="norte")
    assert len(at.selectbox(key="pizarra_organismo_elegido").options) == 9
    at = abrir("pizarra_organismo", organismo=["ITEI", "IDAIP"])  # several chosen: pick one of them
    selector = at.selectbox(key="pizarra_organismo_elegido")
    assert selector.value is None and len(selector.options) == 2
    selector.set_value("ITEI")
    rerun(at)
    assert at.multiselect(key="filtro_organismo").value == ["ITEI"]


def test_clearing_the_selector_clears_the_global_filter():
    at = abrir("pizarra_organismo", organismo="ITEI", region="centro-occidente")
    at.selectbox(key="pizarra_organismo_elegido").set_value(None)
    rerun(at)
    assert not at.exception
    assert at.multiselect(key="filtro_organismo").value == []
    assert "organismo" not in at.query_params and at.query_params["region"] in ("centro-occidente", ["centro-occidente"])
    assert any("Elija un organismo" in i.value for i in at.info)
