"""Filters: URL values to catalog keys, dependent options, SQL parameters."""

from __future__ import annotations

from pizarras.lectura.filtros import Filtros, desde_url, filtros_no_aplicables, opciones_visibles
from pizarras.texto import normalizar
from tests.apoyo.opciones import OPCIONES


def test_url_values_may_be_keys_or_names_in_any_case_or_accents():
    resolucion = desde_url(
        {"region": ["NORTE"], "entidad": ["durango"], "estatus": ["En proceso"], "ods": ["16"], "periodo": ["2025"]},
        OPCIONES,
    )
    assert resolucion.filtros == Filtros(
        region=("norte",), entidad=("10",), estatus=("en_proceso",), ods=(16,), periodo=(2025,)
    )
    assert resolucion.avisos() == []


def test_unknown_url_values_are_dropped_and_reported_in_spanish():
    resolucion = desde_url({"region": ["Atlantida", "norte"], "ods": ["99"]}, OPCIONES)
    assert resolucion.filtros.region == ("norte",)
    assert resolucion.filtros.ods == ()
    avisos = resolucion.avisos()
    assert len(avisos) == 2
    assert "'Atlantida'" in avisos[0] and "Región" in avisos[0]


def test_repeated_values_count_once():
    assert desde_url({"programa": ["PROTAI", "protai"]}, OPCIONES).filtros.programa == ("PROTAI",)


def test_eje_options_follow_the_chosen_programa_and_stale_ejes_are_pruned():
    visibles = opciones_visibles("eje", Filtros(programa=("PRONADATOS",)), OPCIONES)
    assert [o.clave for o in visibles] == ["PRONADATOS-T1"]
    resolucion = desde_url({"programa": ["PRONADATOS"], "eje": ["PROTAI-T1"]}, OPCIONES)
    assert resolucion.filtros.eje == ()


def test_organismo_and_entidad_options_follow_the_region():
    filtros = Filtros(region=("norte",))
    assert [o.clave for o in opciones_visibles("entidad", filtros, OPCIONES)] == ["10"]
    assert [o.clave for o in opciones_visibles("organismo", filtros, OPCIONES)] == ["IDAIP"]


def test_filters_round_trip_through_the_url():
    filtros = Filtros(region=("norte",), ods=(5, 16), periodo=(2024,))
    assert filtros.a_url() == {"region": ["norte"], "ods": ["5", "16"], "periodo": ["2024"]}
    assert desde_url(filtros.a_url(), OPCIONES).filtros == filtros


def test_empty_filters_become_null_sql_parameters():
    parametros = Filtros(estatus=("concluida",)).parametros_sql()
    assert parametros["estatus"] == ["concluida"]
    assert parametros["regiones"] is None


def test_active_filters_a_query_does_not_take_are_named():
    assert filtros_no_aplicables({"regiones", "ods"}, Filtros(region=("norte",), programa=("PROTAI",))) == ["Programa"]


def test_normalizar_ignores_accents_case_and_separators():
    assert normalizar("  Región  Centro-Occidente ") == normalizar("region centro occidente")


def test_hostile_url_text_cannot_become_a_link_or_markup_in_the_warning():
    avisos = desde_url({"region": ["[clic](http://malo.example) <b>x</b> **y**"]}, OPCIONES).avisos()
    assert "\\[clic\\]\\(http\\:" in avisos[0]
    assert "\\<b\\>" in avisos[0] and "\\*\\*y\\*\\*" in avisos[0]
