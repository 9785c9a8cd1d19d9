"""The active filters as a board shows them: chip labels from the catalogs, removal, and the place in the title."""

from __future__ import annotations

from pizarras.lectura.filtros import Filtros
from pizarras.lectura.filtros_visibles import Chip, alcance, chips, sin_valor, titulo_con_alcance
from tests.apoyo.opciones import OPCIONES


def etiquetas(filtros: Filtros) -> list[str]:
    return [c.etiqueta for c in chips(filtros, OPCIONES)]


def test_no_filter_gives_no_chip_and_no_place():
    assert chips(Filtros(), OPCIONES) == []
    assert alcance(Filtros(), OPCIONES) is None


def test_each_chosen_value_is_a_chip_named_by_its_short_catalog_label_in_the_sidebar_order():
    filtros = Filtros(estatus=("en_proceso",), periodo=(2024,), ods=(16,), programa=("PROTAI",), region=("norte",))
    assert etiquetas(filtros) == ["Región Norte", "PROTAI 2022-2026", "ODS 16", "2024", "En proceso"]
    assert [c.filtro for c in chips(filtros, OPCIONES)] == ["Región", "Programa", "ODS", "Periodo", "Estatus"]


def test_an_organismo_chip_says_its_sigla_and_two_values_of_one_filter_are_two_chips():
    filtros = Filtros(organismo=("ITEI", "IDAIP"), entidad=("10", "14"))
    assert etiquetas(filtros) == ["Durango", "Jalisco", "ITEI", "IDAIP"]


def test_a_value_missing_from_the_catalog_still_shows_its_key():
    assert etiquetas(Filtros(periodo=(1999,))) == ["1999"]


def test_removing_a_chip_leaves_the_other_values_of_its_filter():
    filtros = Filtros(region=("norte", "centro-occidente"), ods=(16,))
    assert sin_valor(filtros, Chip("region", "norte", "Región Norte")) == ("centro-occidente",)
    assert sin_valor(filtros, Chip("ods", 16, "ODS 16")) == ()


def test_the_place_is_the_narrowest_level_chosen():
    assert alcance(Filtros(region=("norte",)), OPCIONES) == "Región Norte"
    assert alcance(Filtros(region=("norte",), entidad=("10",)), OPCIONES) == "Durango"
    assert alcance(Filtros(entidad=("10", "14"), organismo=("ITEI",)), OPCIONES) == "ITEI"
    assert alcance(Filtros(region=("norte", "centro-occidente")), OPCIONES) == "Región Norte y Región Centro-Occidente"
    assert alcance(Filtros(programa=("PROTAI",), ods=(16,)), OPCIONES) is None


def test_the_title_names_the_place_and_the_national_title_stays_without_one():
    nacional = "Pizarra nacional de avance"
    assert titulo_con_alcance("Pizarra de avance", Filtros(), OPCIONES, nacional) == nacional
    assert titulo_con_alcance("Pizarra de avance", Filtros(ods=(16,)), OPCIONES, nacional) == nacional
    assert titulo_con_alcance("Pizarra de avance", Filtros(region=("norte",)), OPCIONES, nacional) == (
        "Pizarra de avance — Región Norte"
    )
    assert titulo_con_alcance("Capacitaciones", Filtros(), OPCIONES) == "Capacitaciones"
