"""Drill-down in the core: what a click on a chart, a map tile or a board's selector opens, and with which filters."""

from __future__ import annotations

import pytest

from pizarras.base.consultas import ejecutar
from pizarras.lectura.filtros import DEFINICIONES, Filtros, Opcion
from pizarras.lectura.navegacion import (
    PAGINA_NACIONAL,
    PAGINA_ORGANISMO,
    PAGINA_REGION,
    Destino,
    cambios_para,
    clave_seleccionada,
    destino_de_clic,
    destino_de_entidad,
    elegibles,
    organismo_de_entidad,
    unico,
)


@pytest.fixture()
def opciones(con_pequena) -> dict[str, list[Opcion]]:
    """The real catalogs, as the sidebar gets them."""
    resultado = {}
    for d in DEFINICIONES:
        tabla = ejecutar(con_pequena, f"catalogos/catalogo_{d.parametro_sql}")
        resultado[d.clave] = [
            Opcion(int(c) if d.entero else c, n, g) for c, n, g in zip(tabla["clave"], tabla["nombre"], tabla["grupo"])
        ]
    return resultado


def test_a_region_bar_opens_the_region_board_filtered_by_it(opciones):
    assert destino_de_clic("region", "norte", Filtros(), opciones, PAGINA_NACIONAL) == Destino(
        PAGINA_REGION, {"region": ("norte",)}
    )


def test_an_eje_bar_reopens_the_national_board_filtered_by_that_eje(opciones):
    destino = destino_de_clic("eje", "PROTAI-X1", Filtros(programa=("PROTAI",)), opciones, PAGINA_NACIONAL)
    assert destino == Destino(PAGINA_NACIONAL, {"eje": ("PROTAI-X1",)})


def test_clicking_the_eje_already_filtered_leads_nowhere_so_the_page_cannot_loop(opciones):
    assert destino_de_clic("eje", "PROTAI-T3", Filtros(eje=("PROTAI-T3",)), opciones, PAGINA_NACIONAL) is None
    # From another page the same click still opens the national board.
    assert destino_de_clic("eje", "PROTAI-T3", Filtros(eje=("PROTAI-T3",)), opciones, PAGINA_REGION) is not None


def test_an_organismo_bar_opens_its_board_keeping_place_filters_that_include_it(opciones):
    filtros = Filtros(region=("centro-occidente",), periodo=(2024,))
    assert destino_de_clic("organismo", "ITEI", filtros, opciones, PAGINA_REGION) == Destino(
        PAGINA_ORGANISMO, {"organismo": ("ITEI",)}
    )


def test_opening_an_organismo_outside_the_place_filters_drops_them(opciones):
    # With región Norte and entidad Durango chosen, the sidebar would prune ITEI (Jalisco) to nothing.
    cambios = cambios_para("organismo", "ITEI", Filtros(region=("norte",), entidad=("10",)), opciones)
    assert cambios == {"organismo": ("ITEI",), "entidad": (), "region": ()}


def test_unknown_or_missing_keys_lead_nowhere(opciones):
    assert destino_de_clic("region", "atlantida", Filtros(), opciones) is None
    assert destino_de_clic("organismo", None, Filtros(), opciones) is None
    with pytest.raises(ValueError, match="sin destino"):
        destino_de_clic("ods", "16", Filtros(), opciones)


@pytest.mark.parametrize(
    ("puntos", "clave"),
    [
        ([{"customdata": ["norte", 2], "x": 10.0}], "norte"),
        ([{"customdata": "ITEI"}], "ITEI"),
        ([{"x": 1}, {"customdata": ["PROTAI-T3", 1]}], "PROTAI-T3"),
        ([{"customdata": []}], None),
        ([], None),
    ],
)
def test_the_key_of_a_selection_is_customdata_0_of_the_first_point_that_has_one(puntos, clave):
    assert clave_seleccionada(puntos) == clave


def test_a_map_tile_opens_the_board_of_the_entidads_organismo_garante(opciones):
    assert organismo_de_entidad("14", opciones) == "ITEI"
    assert organismo_de_entidad("00", opciones) is None  # four federal members: no single garante
    assert destino_de_entidad("14", Filtros(), opciones) == Destino(PAGINA_ORGANISMO, {"organismo": ("ITEI",)})
    assert destino_de_entidad("30", Filtros(entidad=("14",)), opciones) == Destino(
        PAGINA_ORGANISMO, {"organismo": ("IVAI",), "entidad": ()}
    )
    assert destino_de_entidad("99", Filtros(), opciones) is None
    assert destino_de_entidad(None, Filtros(), opciones) is None


def test_a_board_selector_offers_what_the_filters_allow(opciones):
    assert unico(Filtros(organismo=("ITEI",)), "organismo") == "ITEI"
    assert unico(Filtros(organismo=("ITEI", "IDAIP")), "organismo") is None
    assert unico(Filtros(), "region") is None
    norte = [o.clave for o in elegibles("organismo", Filtros(region=("norte",)), opciones)]
    assert len(norte) == 9 and "IDAIP" in norte and "ITEI" not in norte
    # Several chosen: the selector narrows to them; one chosen: every allowed value stays on offer.
    assert [o.clave for o in elegibles("organismo", Filtros(organismo=("ITEI", "IDAIP")), opciones)] == ["IDAIP", "ITEI"]
    assert len(elegibles("organismo", Filtros(organismo=("ITEI",)), opciones)) == 36
    assert len(elegibles("region", Filtros(), opciones)) == 5
