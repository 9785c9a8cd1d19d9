"""The organismo and región boards assembled from their queries, on the fixture database, with a fixed cut-off."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import pytest

from pizarras.base.consultas import ejecutar
from pizarras.etiquetas import encabezados
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros.organismo import (
    COLUMNAS_COMPROMISOS,
    pizarra_organismo,
    tabla_compromisos,
    tabla_ejes,
)
from pizarras.lectura.tableros.region import COLUMNAS_ORGANISMOS, pizarra_region, tabla_organismos
from tests.apoyo.datos_prueba import HOY


def test_the_organismo_board_gathers_activities_commitments_and_trainings(con_pequena):
    pizarra = pizarra_organismo(partial(ejecutar, con_pequena), Filtros(), "ITEI", HOY)
    assert pizarra.ficha["sigla"] == "ITEI" and pizarra.es_local
    assert (pizarra.kpi_actividades["actividades"], pizarra.kpi_actividades["vencidas"]) == (2, 1)
    assert pizarra.kpi_actividades["ultimo_reporte"] == pd.Timestamp("2024-11-15 09:00:00")
    assert list(pizarra.vencidas["id"]) == [2]
    assert list(pizarra.por_eje["eje"]) == ["PROTAI-T3", "PRONADATOS-T1", "PROTAI-X1"]
    assert list(pizarra.compromisos["id"]) == [1, 2] and pizarra.compromisos_vencidos == 1  # Jalisco's plans
    assert list(pizarra.capacitaciones["participantes"]) == [100]
    assert pizarra.registros_demo == 2 + 2 + 0  # activities 1-2; commitment 2 and the demo ODS of 1
    assert not pizarra.vacia


def test_the_board_is_about_the_chosen_organismo_whatever_the_organismo_filter(con_pequena):
    pizarra = pizarra_organismo(partial(ejecutar, con_pequena), Filtros(organismo=("IDAIP", "ITEI")), "ITEI", HOY)
    assert pizarra.kpi_actividades["actividades"] == 2
    assert list(pizarra.actividades["organismo"].unique()) == ["ITEI"]


def test_the_cut_off_date_decides_what_is_overdue(con_pequena):
    consultar = partial(ejecutar, con_pequena)
    assert pizarra_organismo(consultar, Filtros(), "IDAIP", HOY).vencidas.empty
    tarde = pizarra_organismo(consultar, Filtros(), "IDAIP", date(2026, 1, 1))
    assert list(tarde.vencidas["id"]) == [3] and tarde.kpi_actividades["vencidas"] == 1


def test_a_federal_member_has_no_local_commitments(con_pequena):
    pizarra = pizarra_organismo(partial(ejecutar, con_pequena), Filtros(), "INAI", HOY)
    assert not pizarra.es_local
    assert pizarra.compromisos.empty and pizarra.capacitaciones.empty  # the national training has no organismo
    assert list(pizarra.vencidas["id"]) == [5]


def test_an_organismo_with_nothing_under_the_filters_is_empty(con_pequena):
    pizarra = pizarra_organismo(partial(ejecutar, con_pequena), Filtros(periodo=(2022,)), "ITEI", HOY)
    assert pizarra.sin_actividades and pizarra.vacia and pizarra.compromisos_vencidos == 0


def test_commitments_without_activities_are_not_an_empty_board(con_pequena):
    pizarra = pizarra_organismo(partial(ejecutar, con_pequena), Filtros(programa=("PT-CGAYTP",)), "ITEI", HOY)
    assert pizarra.sin_actividades and not pizarra.vacia  # the programa filter does not apply to commitments
    assert pizarra.no_aplican_compromisos == ["Programa"]


def test_an_unknown_organismo_is_refused_in_spanish(con_pequena):
    with pytest.raises(ValueError, match="No existe el organismo"):
        pizarra_organismo(partial(ejecutar, con_pequena), Filtros(), "XYZ", HOY)


def test_organismo_tables_have_spanish_headers(con_pequena):
    pizarra = pizarra_organismo(partial(ejecutar, con_pequena), Filtros(), "ITEI", HOY)
    ejes = tabla_ejes(pizarra.por_eje)
    assert list(ejes["Tipo de eje"]) == ["Temático", "Temático", "Transversal"]
    assert list(ejes.columns)[-1] == "Avance promedio (%)"
    compromisos = tabla_compromisos(pizarra.compromisos)
    assert list(compromisos.columns) == encabezados(COLUMNAS_COMPROMISOS, "compromiso")
    assert list(compromisos["Vencido"]) == ["No", "Sí"]


def test_the_region_board_puts_every_organismo_of_the_region_side_by_side(con_pequena):
    pizarra = pizarra_region(partial(ejecutar, con_pequena), Filtros(), "norte", HOY)
    assert pizarra.nombre == "Región Norte"
    assert len(pizarra.organismos) == 9
    assert list(pizarra.organismos_con_actividades["organismo"]) == ["IDAIP"]
    assert len(pizarra.organismos_sin_actividades) == 8 and "INFO NL" in pizarra.organismos_sin_actividades
    assert (pizarra.kpi_actividades["actividades"], pizarra.kpi_actividades["vencidas"]) == (2, 0)
    assert pizarra.kpi_compromisos["compromisos"] == 1 and pizarra.kpi_capacitaciones["participantes"] == 30
    assert pizarra.registros_demo == 2 + 1 + 1  # activities 3-4, the demo ODS of commitment 3, training 3


def test_the_region_board_follows_the_other_filters(con_pequena):
    pizarra = pizarra_region(
        partial(ejecutar, con_pequena), Filtros(region=("norte",), estatus=("concluida",)), "centro-occidente", HOY
    )
    assert pizarra.region == "centro-occidente"  # the chosen región replaces the región filter
    itei = pizarra.organismos_con_actividades.iloc[0]
    assert (itei["organismo"], itei["actividades"], itei["concluidas"]) == ("ITEI", 1, 1)
    vacia = pizarra_region(partial(ejecutar, con_pequena), Filtros(periodo=(2025,)), "sureste", HOY)
    assert vacia.vacia and vacia.organismos_con_actividades.empty and len(vacia.organismos) == 6


def test_an_unknown_region_is_refused_and_the_table_has_spanish_headers(con_pequena):
    with pytest.raises(ValueError, match="No existe la región"):
        pizarra_region(partial(ejecutar, con_pequena), Filtros(), "atlantida", HOY)
    pizarra = pizarra_region(partial(ejecutar, con_pequena), Filtros(), "federal", HOY)
    assert list(tabla_organismos(pizarra.organismos).columns) == encabezados(COLUMNAS_ORGANISMOS)
    assert sorted(pizarra.organismos["sigla"]) == ["AGN", "ASF", "INAI", "INEGI"]
