"""The gobierno abierto board under AppTest: numbers against the fixture database, filters, empty state, the ODS
chart, STL membership, the detail view of a row, and the published figures on the seed database."""

from __future__ import annotations

from seed.generate_demo import CIFRAS
from tests.apoyo.figuras import barras, figura
from tests.apoyo.paginas import abrir, metrica, rerun

TITULO_ODS = "Compromisos alineados a cada ODS"


def barras_ods(at) -> dict[str, int]:
    return barras(at, TITULO_ODS)


def elegir_fila(at, posicion: int):
    at.session_state["tabla_compromisos"] = {"selection": {"rows": [posicion], "columns": [], "cells": []}}
    return rerun(at)


def test_every_kpi_and_chart_without_filters():
    at = abrir("compromisos")
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric][:6] == [
        ("Compromisos", "3"), ("Planes de acción", "3"), ("Entidades", "2"), ("Concluidos", "1"),
        ("Avance promedio", "70.0 %"), ("Alineados a un ODS", "2"),
    ]
    assert barras_ods(at) == {
        "ODS 5 · Igualdad de género": 1, "ODS 16 · Paz, justicia e instituciones sólidas": 1, "Sin alineación directa": 1,
    }
    assert figura(at, TITULO_ODS)["data"][0]["marker"]["color"] == ["#FF3A21", "#00689D", "#BBBBBB"]
    assert metrica(at, "Integrantes") == "10"  # STL: 5 + 3 + 2
    assert len(at.dataframe[-1].value) == 3
    assert len(at.get("download_button")) == 2


def test_demo_data_is_said_for_records_ods_alignments_and_the_stl_split():
    """Issue 11, item 8: the banner gives both counts (demo rows; real rows with a demo ODS alignment) and names the
    column of each; no caption shows an internal column name."""
    at = abrir("compromisos")
    aviso = next(i.value for i in at.info if i.value.startswith("Datos de demostración"))
    assert "1 compromiso de las cifras" in aviso and "«Dato de demostración»" in aviso
    assert "2 compromisos reales tienen una alineación a un ODS de demostración" in aviso
    assert "«Alineación ODS de demostración»" in aviso
    tabla = at.dataframe[-1].value
    assert (tabla["Dato de demostración"] == "Sí").sum() == 1 and (tabla["Alineación ODS de demostración"] == "Sí").sum() == 2
    textos = [c.value for c in at.caption]
    assert not any("ods_es_demo" in t or "es_demo" in t for t in textos)
    assert any("Alineaciones de demostración" in t and "tabla publicada" in t for t in textos)
    assert any("Desglose de demostración" in t and str(CIFRAS["stl_integrantes"]) in t for t in textos)
    assert any("Sin porcentaje de avance" in t and "1 compromiso;" in t for t in textos)


def test_a_region_filter_gives_the_hand_computed_numbers():
    at = abrir("compromisos", region="norte")  # Durango's commitment 3: ODS 5, in progress, no percentage
    assert not at.exception
    assert metrica(at, "Compromisos") == "1"
    assert metrica(at, "Entidades") == "1"
    assert metrica(at, "Avance promedio") == "—"
    assert metrica(at, "Alineados a un ODS") == "1"
    assert barras_ods(at) == {"ODS 5 · Igualdad de género": 1}
    assert barras(at, "Compromisos por área de política") == {"Otras áreas": 1}  # the fixture names it «Área»
    assert barras(at, "Compromisos por entidad y plan de acción") == {"Durango": 1}
    assert metrica(at, "Integrantes") == "2"  # Durango's STL: academia, 2 women


def test_entidad_and_status_together_give_the_hand_computed_numbers():
    at = abrir("compromisos", entidad="14", estatus="en_proceso")  # commitment 2 only
    assert not at.exception
    assert metrica(at, "Compromisos") == "1"
    assert metrica(at, "Concluidos") == "0"
    assert metrica(at, "Avance promedio") == "40.0 %"
    assert metrica(at, "Alineados a un ODS") == "0"
    assert barras_ods(at) == {"Sin alineación directa": 1}
    assert not any("Alineaciones de demostración" in c.value for c in at.caption)
    assert metrica(at, "Integrantes") == "8"  # Jalisco's STL: 5 + 3
    assert any("El filtro Estatus no aplica a los integrantes de los STL." == c.value for c in at.caption)


def test_changing_the_ods_filter_in_the_sidebar_updates_the_board():
    at = abrir("compromisos")
    at.multiselect(key="filtro_ods").set_value([16])
    rerun(at)
    assert not at.exception
    assert metrica(at, "Compromisos") == "1"
    assert barras_ods(at) == {"ODS 16 · Paz, justicia e instituciones sólidas": 1}


def test_filters_that_do_not_apply_are_named():
    at = abrir("compromisos", programa="PROTAI")
    assert metrica(at, "Compromisos") == "3"
    assert any("El filtro Programa no aplica a los compromisos de gobierno abierto." == c.value for c in at.caption)


def test_an_empty_result_shows_the_empty_state():
    at = abrir("compromisos", region="sureste")
    assert not at.exception
    assert metrica(at, "Compromisos") == "0"
    assert any("No hay compromisos de gobierno abierto" in i.value for i in at.info)
    assert len(at.dataframe) == 0
    assert len(at.get("plotly_chart")) == 0


def test_selecting_a_row_opens_its_detail_with_every_field():
    at = elegir_fila(abrir("compromisos"), 0)  # first row: commitment 3 (Durango, Región Norte)
    assert not at.exception
    detalle = at.table[0].value["Valor"].to_dict()
    assert detalle["ID"] == "3"
    assert detalle["Compromiso"] == "Compromiso 3"
    assert detalle["Plan de acción"] == "Plan de Durango"
    assert detalle["Periodo del plan"] == "2015–2016"
    assert detalle["Avance (%)"] == "Sin porcentaje en la fuente"
    assert (detalle["ODS"], detalle["Alineación ODS de demostración"]) == ("5", "Sí")
    assert detalle["Estatus según la fuente"] == "—"
    assert len(detalle) == 24  # every field (with «Vencido» and the source's wording of period and area) but the source, which is shown as links below
    assert any("alineación a un ODS es de demostración" in w.value for w in at.warning)
    assert any("La fuente no está registrada" in c.value for c in at.caption)


def test_no_detail_until_a_row_is_selected():
    at = abrir("compromisos")
    assert len(at.table) == 0


def test_the_seed_database_shows_140_commitments_and_24_for_ods_16(ruta_seed, monkeypatch):
    monkeypatch.setenv("PIZARRAS_DB", str(ruta_seed))
    at = abrir("compromisos")
    assert not at.exception
    assert metrica(at, "Compromisos") == str(CIFRAS["compromisos"])
    assert metrica(at, "Planes de acción") == str(CIFRAS["planes_locales"])
    assert metrica(at, "Alineados a un ODS") == str(CIFRAS["compromisos_alineados_ods"])
    barras = barras_ods(at)
    assert barras["ODS 16 · Paz, justicia e instituciones sólidas"] == CIFRAS["compromisos_por_ods"][16]
    assert barras["Sin alineación directa"] == CIFRAS["compromisos"] - CIFRAS["compromisos_alineados_ods"]
    assert metrica(at, "Integrantes") == str(CIFRAS["stl_integrantes"])
    at = elegir_fila(at, 0)
    assert not at.exception
    assert at.table[0].value["Valor"]["Dato de demostración"] == "No"
    assert any(b.proto.url.startswith("https://") for b in at.get("link_button"))


def test_an_empty_board_has_no_demo_banner():
    """Issue 11, item 8: nothing shown, nothing to call demo data."""
    at = abrir("compromisos", entidad="14", estatus="cancelada")
    assert not at.exception
    assert metrica(at, "Compromisos") == "0"
    assert not any("demostración" in i.value for i in at.info)
