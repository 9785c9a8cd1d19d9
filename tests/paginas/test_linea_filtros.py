"""Every board repeats its active filters under the title, as chips a tap removes, and names its place in the title:
the sidebar is closed on a phone and on a projected slide."""

from __future__ import annotations

import pytest

from pizarras.texto import escapar_markdown
from tests.apoyo.paginas import abrir, metrica, rerun

BOARDS = ["pizarra_nacional", "compromisos", "capacitaciones", "mapa", "pizarra_region", "pizarra_organismo"]
# Jalisco's ITEI: a place under every other filter's values, so the region and organismo boards draw in full.
VARIOS = {"region": "centro-occidente", "organismo": "ITEI", "programa": "PROTAI", "ods": "16", "periodo": "2023",
          "estatus": "concluida"}
ETIQUETAS = ["Región Centro-Occidente", "ITEI", "PROTAI 2022-2026", "ODS 16", "2023", "Concluida"]


def chips(at) -> list[str]:
    """The labels of the chips under the title, in order (as typed, before Markdown escaping)."""
    return [b.label.replace("\\", "") for b in at.button if b.key.startswith("quitar_filtro_")]


def quitar(at, clave: str):
    at.button(key=clave).click()
    return rerun(at)


@pytest.mark.parametrize("pagina", BOARDS)
def test_each_board_names_every_active_filter_by_its_label(pagina):
    at = abrir(pagina, **VARIOS)
    assert not at.exception
    assert chips(at) == ETIQUETAS
    assert at.button(key="restablecer_filtros_linea").label == "Restablecer"
    assert any(c.value == "Filtros activos:" for c in at.caption)


@pytest.mark.parametrize("pagina", BOARDS)
def test_no_filter_line_without_filters(pagina):
    at = abrir(pagina)
    assert not at.exception
    assert chips(at) == []
    assert not any(b.key == "restablecer_filtros_linea" for b in at.button)
    assert not any(c.value == "Filtros activos:" for c in at.caption)


@pytest.mark.parametrize("pagina", ["pizarra_nacional", "compromisos", "capacitaciones", "mapa"])
def test_removing_a_chip_clears_that_value_in_the_sidebar_and_the_url(pagina):
    at = abrir(pagina, region=["norte", "centro-occidente"], ods="16")
    at = quitar(at, "quitar_filtro_region_norte")
    assert not at.exception
    assert at.multiselect(key="filtro_region").value == ["centro-occidente"]
    assert at.query_params["region"] in ("centro-occidente", ["centro-occidente"])
    at = quitar(at, "quitar_filtro_ods_16")
    assert at.multiselect(key="filtro_ods").value == []
    assert "ods" not in at.query_params
    assert chips(at) == ["Región Centro-Occidente"]


def test_removing_a_chip_changes_the_numbers():
    at = abrir("pizarra_nacional", region="norte")
    assert metrica(at, "Actividades") == "2"
    at = quitar(at, "quitar_filtro_region_norte")
    assert metrica(at, "Actividades") == "6"
    assert "region" not in at.query_params
    assert at.title[0].value == "Pizarra nacional de avance"


def test_removing_the_region_chip_on_the_region_board_asks_for_a_region_again():
    at = abrir("pizarra_region", region="norte")
    at = quitar(at, "quitar_filtro_region_norte")
    assert not at.exception
    assert "region" not in at.query_params
    assert any("Elija una región" in i.value for i in at.info)


@pytest.mark.parametrize("pagina", BOARDS)
def test_restablecer_under_the_title_clears_every_filter_and_the_url(pagina):
    at = abrir(pagina, **VARIOS)
    at.button(key="restablecer_filtros_linea").click()
    rerun(at)
    assert not at.exception
    assert chips(at) == []
    assert not any(at.query_params.get(clave) for clave in VARIOS)
    assert at.multiselect(key="filtro_region").value == []


@pytest.mark.parametrize(("pagina", "nacional", "con_lugar"), [
    ("pizarra_nacional", "Pizarra nacional de avance", "Pizarra de avance — Región Norte"),
    ("compromisos", "Compromisos de gobierno abierto", "Compromisos de gobierno abierto — Región Norte"),
    ("capacitaciones", "Capacitaciones", "Capacitaciones — Región Norte"),
    ("mapa", "Mapa de avance por entidad", "Mapa de avance por entidad — Región Norte"),
])
def test_the_title_says_the_place_when_a_place_filter_is_set(pagina, nacional, con_lugar):
    assert abrir(pagina).title[0].value == nacional
    assert abrir(pagina, programa="PROTAI").title[0].value == nacional
    assert abrir(pagina, region="norte").title[0].value == con_lugar


def test_the_title_names_the_narrowest_place_chosen():
    at = abrir("pizarra_nacional", region="centro-occidente", entidad="14")
    assert at.title[0].value == "Pizarra de avance — Jalisco"


def test_catalog_names_in_the_title_and_chips_are_shown_as_text_not_markdown():
    at = abrir("compromisos", region="centro-occidente")
    assert at.title[0].value == escapar_markdown("Compromisos de gobierno abierto — Región Centro-Occidente")
    assert at.button(key="quitar_filtro_region_centro-occidente").label == escapar_markdown("Región Centro-Occidente")
