"""The región board under AppTest: organismos side by side against the fixture database, the selector, empty state,
and a click on an organismo bar.

"Vencidas" uses today's date: every planned end in the fixture is before 2026, so the counts hold on any later run.
"""

from __future__ import annotations

from tests.apoyo.paginas import abrir, metrica, rerun
from tests.apoyo.paginas_drill import abrir_con_todas, clic_en_grafica


def test_without_a_region_the_board_asks_for_one():
    at = abrir("pizarra_region")
    assert not at.exception
    assert any("Elija una región" in i.value for i in at.info)
    assert len(at.metric) == 0
    assert at.selectbox(key="pizarra_region_elegida").options == [
        "Región Norte", "Región Centro", "Región Centro-Occidente", "Región Sureste", "Nacional/Federal",
    ]


def test_the_north_side_by_side():
    at = abrir("pizarra_region", region="norte")
    assert not at.exception
    assert metrica(at, "Organismos") == "9"
    assert metrica(at, "Organismos que reportan") == "1"  # IDAIP
    assert metrica(at, "Actividades") == "2"
    assert metrica(at, "Avance promedio") == "0.0 %"  # activity 3 at 0 %; 4 is cancelled
    assert metrica(at, "Actividades vencidas") == "1"  # activity 3, planned end 2025-12-31
    assert metrica(at, "Último reporte") == "01/02/2025"
    assert metrica(at, "Compromisos") == "1" and metrica(at, "Personas capacitadas") == "30"
    tabla = at.dataframe[0].value
    assert len(tabla) == 9
    assert list(tabla.columns) == ["Organismo", "Entidad", "Avance promedio (%)", "Actividades", "Concluidas",
                                   "Vencidas", "Último reporte"]
    assert tabla.iloc[0]["Organismo"] == "IDAIP" and tabla["Actividades"].sum() == 2
    assert any("Sin actividades con los filtros elegidos" in c.value and "INFO NL" in c.value for c in at.caption)
    assert len(at.get("plotly_chart")) == 1 and len(at.get("download_button")) == 2


def test_centro_occidente_with_concluded_activities_only():
    at = abrir("pizarra_region", region="centro-occidente", estatus="concluida")
    assert not at.exception
    assert metrica(at, "Organismos") == "9"
    assert metrica(at, "Actividades") == "1"  # activity 1 of ITEI
    assert metrica(at, "Avance promedio") == "100.0 %"
    assert metrica(at, "Compromisos") == "1"  # Jalisco's plan A, concluded
    assert metrica(at, "Personas capacitadas") == "100"  # trainings have no status: the filter does not apply
    assert any("El filtro Estatus no aplica a las capacitaciones." == c.value for c in at.caption)
    assert at.dataframe[0].value.iloc[0]["Organismo"] == "ITEI"


def test_an_empty_region_shows_the_empty_state():
    at = abrir("pizarra_region", region="sureste", periodo="2025")
    assert not at.exception
    assert metrica(at, "Actividades") == "0"
    assert any("No hay actividades en la Región Sureste" in i.value for i in at.info)
    assert len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0


def test_choosing_a_region_sets_the_global_filter_and_the_url():
    at = abrir("pizarra_region")
    at.selectbox(key="pizarra_region_elegida").set_value("federal")
    rerun(at)
    assert not at.exception
    assert at.query_params["region"] in ("federal", ["federal"])
    assert at.multiselect(key="filtro_region").value == ["federal"]
    assert metrica(at, "Organismos") == "4" and metrica(at, "Actividades") == "1"


def test_a_click_on_an_organismo_bar_opens_its_board():
    at = abrir_con_todas("pizarra_region", region="norte")
    clic_en_grafica(at, "region_grafica_organismo", "IDAIP", 2)
    assert not at.exception
    assert at.title[0].value == "Pizarra por organismo"
    assert at.query_params["organismo"] in ("IDAIP", ["IDAIP"])
    assert metrica(at, "Actividades") == "2"
