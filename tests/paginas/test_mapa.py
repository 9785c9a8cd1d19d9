"""The map page under AppTest: tile colours and the table against the fixture database, measures, empty state, and
opening an organismo board from a tile or from the selector."""

from __future__ import annotations

import base64
import json

import numpy as np

from tests.apoyo.paginas import abrir, metrica, rerun
from tests.apoyo.paginas_drill import abrir_con_todas, clic_en_grafica, grafica


def _decodificar(valor):
    """Plotly sends numeric arrays as {"dtype", "bdata"} (base64); turn them back into lists."""
    if isinstance(valor, dict) and "bdata" in valor and "dtype" in valor:
        return np.frombuffer(base64.b64decode(valor["bdata"]), dtype=valor["dtype"]).tolist()
    if isinstance(valor, dict):
        return {k: _decodificar(v) for k, v in valor.items()}
    if isinstance(valor, list):
        return [_decodificar(v) for v in valor]
    return valor


def figura(at) -> dict:
    """The figure the page sent to the browser, as plain JSON."""
    return _decodificar(json.loads(at.get("plotly_chart")[0].proto.spec))


def valores_de_casillas(at) -> dict[str, float]:
    """Entidad key -> colour value of every coloured (non-grey) tile."""
    coloreada = figura(at)["data"][1]
    claves = [d[0] for d in coloreada.get("customdata", [])]
    return dict(zip(claves, coloreada["marker"].get("color", []), strict=True))


def test_average_progress_by_default_for_every_entidad():
    at = abrir("mapa")
    assert not at.exception
    datos = figura(at)["data"]
    assert [t["type"] for t in datos] == ["scatter", "scatter"]  # no geo trace: nothing to fetch
    assert len(datos[0]["x"]) + len(datos[1]["x"]) == 32
    assert valores_de_casillas(at) == {"10": 0.0, "14": 75.0, "30": 100.0}  # Durango, Jalisco, Veracruz
    tabla = at.dataframe[0].value
    assert len(tabla) == 32
    assert list(tabla["Entidad"][:3]) == ["Veracruz", "Jalisco", "Durango"]
    assert any("Datos de demostración" in i.value for i in at.info)


def test_people_trained_in_the_north():
    at = abrir("mapa", region="norte")
    at.radio(key="mapa_medida").set_value("participantes")
    rerun(at)
    assert not at.exception
    coloreada = figura(at)["data"][1]  # coloured by rank: the people trained are in each tile's hover data
    personas = {d[0]: d[5] for d in coloreada["customdata"]}
    assert len(personas) == 9 and personas["10"] == "30" and set(personas.values()) == {"0", "30"}
    tabla = at.dataframe[0].value
    assert len(tabla) == 9 and tabla.iloc[0]["Entidad"] == "Durango" and tabla.iloc[0]["Personas capacitadas"] == 30
    assert figura(at)["layout"]["title"]["text"] == "Personas capacitadas por entidad federativa"


def test_commitments_under_an_ods_and_a_programa_that_does_not_apply_to_them():
    at = abrir("mapa", ods="16", programa="PROTAI")
    at.radio(key="mapa_medida").set_value("compromisos")
    rerun(at)
    assert not at.exception
    valores = valores_de_casillas(at)
    assert valores["14"] == 1 and sum(valores.values()) == 1  # Jalisco's plan A is the ODS 16 commitment
    assert any("El filtro Programa no aplica" in c.value for c in at.caption)


def test_an_empty_selection_shows_the_empty_state_and_still_draws_the_grid():
    at = abrir("mapa", region="sureste", periodo="2025")
    assert not at.exception
    assert any("No hay actividades en las entidades federativas" in i.value for i in at.info)
    assert len(at.dataframe) == 0
    assert valores_de_casillas(at) == {} and len(figura(at)["data"][0]["x"]) == 32


def test_choosing_an_entidad_opens_its_organismo_board():
    at = abrir_con_todas("mapa", region="norte")
    at.selectbox(key="mapa_entidad").set_value("14")  # Jalisco, outside the chosen región
    at.run()
    assert not at.exception
    assert at.title[0].value == "Pizarra por organismo"
    assert at.query_params["organismo"] in ("ITEI", ["ITEI"])
    assert "region" not in at.query_params  # dropped: it would hide Jalisco's garante
    assert metrica(at, "Actividades") == "2"


def test_a_click_on_a_tile_opens_its_organismo_board():
    at = abrir_con_todas("mapa")
    assert grafica(at, "mapa_entidades")
    clic_en_grafica(at, "mapa_entidades", "10", "Durango")
    assert not at.exception
    assert at.title[0].value == "Pizarra por organismo"
    assert at.selectbox(key="pizarra_organismo_elegido").value == "IDAIP"
    assert metrica(at, "Compromisos") == "1"
