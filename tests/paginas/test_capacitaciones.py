"""The trainings board under AppTest: numbers against the fixture database, filters, gaps said aloud, empty state and
the detail view of a row."""

from __future__ import annotations

from tests.apoyo.datos_prueba import TOTAL_PARTICIPANTES
from tests.apoyo.figuras import barras, figura, valores
from tests.apoyo.paginas import abrir, metrica, rerun


def elegir_fila(at, posicion: int):
    at.session_state["tabla_capacitaciones"] = {"selection": {"rows": [posicion], "columns": [], "cells": []}}
    return rerun(at)


def meses(at) -> dict[str, int]:
    """{month: trainings} for the months in which some training started."""
    datos = figura(at, "Capacitaciones y participantes por mes")["data"]
    return {m[:7]: n for m, n in zip(valores(datos[0]["x"]), valores(datos[0]["y"]), strict=True) if n}


def test_every_kpi_and_chart_without_filters():
    at = abrir("capacitaciones")
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric] == [
        ("Capacitaciones", "3"), ("Participantes", str(TOTAL_PARTICIPANTES)), ("Mujeres", "78"), ("Hombres", "52"),
        ("Organizadores", "3"), ("Sujetos obligados", "0"),
    ]
    assert meses(at) == {"2020-09": 1, "2023-05": 1, "2024-02": 1}
    assert barras(at, "Capacitaciones por región") == {"Región Norte": 1, "Región Centro-Occidente": 1, "Nacional/Federal": 1}
    assert barras(at, "Participantes por sexo") == {"Mujeres": 78, "Hombres": 52, "Sin dato de sexo": 410}
    assert barras(at, "Organizadores (3)") == {"Organizador": 1, "ITEI": 1, "IDAIP": 1}
    assert barras(at, "Capacitaciones por modalidad") == {"Virtual": 3}
    assert barras(at, "Capacitaciones por tipo") == {"Taller": 3}
    assert barras(at, "Capacitaciones por tema") == {"Tema": 3}
    assert barras(at, "Capacitaciones por eje") == {
        "PROTAI · Capacitación y profesionalización": 1, "PRONADATOS · Capacitación a responsables": 1,
        "Sin eje asignado": 1,
    }
    assert len(at.dataframe[-1].value) == 3
    assert len(at.get("download_button")) == 2


def test_gaps_in_the_sources_are_said():
    textos = [c.value for c in abrir("capacitaciones").caption]
    assert any("Sin fecha de inicio (fuera de la serie por mes): 0 de 3 capacitaciones" in t for t in textos)
    assert any("Sin desglose por sexo en su fuente: 410 de 540 participantes (en 1 capacitación)" in t for t in textos)


def test_a_region_filter_gives_the_hand_computed_numbers():
    at = abrir("capacitaciones", region="norte")  # training 3, IDAIP, Feb 2024
    assert not at.exception
    assert metrica(at, "Capacitaciones") == "1"
    assert metrica(at, "Participantes") == "30"
    assert (metrica(at, "Mujeres"), metrica(at, "Hombres")) == ("18", "12")
    assert barras(at, "Participantes por sexo") == {"Mujeres": 18, "Hombres": 12, "Sin dato de sexo": 0}
    assert meses(at) == {"2024-02": 1}
    assert any("Datos de demostración" in i.value for i in at.info)


def test_a_period_and_a_filter_that_does_not_apply_give_the_hand_computed_numbers():
    at = abrir("capacitaciones", periodo="2020", ods="16")  # the Jornada Nacional: 410, no sex split, real
    assert not at.exception
    assert metrica(at, "Capacitaciones") == "1"
    assert metrica(at, "Participantes") == "410"
    assert metrica(at, "Mujeres") == "0"
    assert barras(at, "Participantes por sexo")["Sin dato de sexo"] == 410
    assert barras(at, "Organizadores (1)") == {"Organizador": 1}
    assert any("El filtro ODS no aplica a las capacitaciones." == c.value for c in at.caption)
    assert not any("Datos de demostración" in i.value for i in at.info)


def test_changing_the_programa_filter_in_the_sidebar_updates_the_board():
    at = abrir("capacitaciones")
    at.multiselect(key="filtro_programa").set_value(["PROTAI"])
    rerun(at)
    assert not at.exception
    assert metrica(at, "Capacitaciones") == "1"  # training 1, ITEI
    assert metrica(at, "Participantes") == "100"
    assert barras(at, "Capacitaciones por eje") == {"PROTAI · Capacitación y profesionalización": 1}


def test_an_empty_result_shows_the_empty_state():
    at = abrir("capacitaciones", region="sureste")
    assert not at.exception
    assert metrica(at, "Capacitaciones") == "0"
    assert any("No hay capacitaciones" in i.value for i in at.info)
    assert len(at.dataframe) == 0
    assert len(at.get("plotly_chart")) == 0


def test_selecting_a_row_opens_its_detail_with_every_field():
    at = elegir_fila(abrir("capacitaciones"), 2)  # newest first: 3, 1, 2 → the Jornada (training 2)
    assert not at.exception
    detalle = at.table[0].value["Valor"].to_dict()
    assert detalle["ID"] == "2"
    assert detalle["Capacitación"] == "Capacitación 2"
    assert detalle["Organismo del SNT"] == "No es integrante del SNT o la fuente no lo nombra"
    assert detalle["Fecha de inicio"] == "14/09/2020"
    assert (detalle["Participantes"], detalle["Mujeres"], detalle["Hombres"]) == ("410", "—", "—")
    assert (detalle["Tipo de capacitación"], detalle["Modalidad"], detalle["Eje"]) == ("Taller", "Virtual", "Sin eje asignado")
    assert len(detalle) == 18  # every field but the source
    assert not at.warning  # a real record


def test_the_detail_of_a_demo_training_says_so():
    at = elegir_fila(abrir("capacitaciones"), 0)  # training 3, demo
    assert at.table[0].value["Valor"]["Dato de demostración"] == "Sí"
    assert any("dato de demostración" in w.value for w in at.warning)
