"""The tile-grid map: every entidad has one tile of its own, and the figure needs nothing from the internet."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest

from pizarras.base.consultas import ejecutar
from pizarras.estilo import COLOR_SIN_DATO
from pizarras.graficas.mapa import CELDA, figura_mapa
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros.mapa import (
    COLUMNAS,
    CUADRICULA,
    FILAS,
    MEDIDAS,
    con_posiciones,
    mapa_entidades,
    medida,
    tabla_entidades,
)


def test_the_grid_covers_the_32_entidades_exactly_once():
    assert sorted(CUADRICULA) == [f"{n:02d}" for n in range(1, 33)]


def test_no_two_tiles_share_a_position_or_an_abbreviation():
    posiciones = [(c.fila, c.columna) for c in CUADRICULA.values()]
    assert len(set(posiciones)) == 32
    assert len({c.abreviatura for c in CUADRICULA.values()}) == 32
    assert all(0 <= f < FILAS and 0 <= c < COLUMNAS for f, c in posiciones)


def test_the_grid_roughly_follows_geography():
    fila = {c.abreviatura: c.fila for c in CUADRICULA.values()}
    columna = {c.abreviatura: c.columna for c in CUADRICULA.values()}
    assert columna["BC"] < columna["CHIH"] < columna["NL"] < columna["YUC"]  # west to east
    assert fila["CHIH"] < fila["JAL"] < fila["OAX"]  # north to south
    assert fila["BC"] < fila["BCS"] and columna["BC"] == columna["BCS"]


def test_every_entidad_of_the_catalog_gets_its_tile(con_pequena):
    entidades = con_posiciones(ejecutar(con_pequena, "catalogos/catalogo_entidades").rename(columns={"clave": "entidad"})[1:])
    assert list(entidades["abreviatura"][:2]) == ["AGS", "BC"]
    with pytest.raises(ValueError, match="sin casilla"):
        con_posiciones(pd.DataFrame({"entidad": ["00"]}))


@pytest.fixture()
def mapa_norte(con_pequena):
    return mapa_entidades(partial(ejecutar, con_pequena), Filtros(region=("norte",)))


def test_the_figure_is_plain_scatter_squares_no_geo_or_tiles(mapa_norte):
    figura = figura_mapa(mapa_norte, "actividades")
    assert {t.type for t in figura.data} == {"scatter"}
    assert all(t.marker.symbol == "square" for t in figura.data)
    completo = figura.to_plotly_json()["layout"]
    assert not {"geo", "mapbox", "map"} & set(completo)
    assert sum(len(t.x) for t in figura.data) == 32
    claves = [d[0] for t in figura.data for d in t.customdata]
    assert sorted(claves) == sorted(CUADRICULA)  # customdata[0] is the key a click carries
    # Fixed size: one cell per grid step, so squares never overlap or stretch.
    margen = figura.layout.margin
    assert figura.layout.width - margen.l - margen.r == COLUMNAS * CELDA
    assert figura.layout.height - margen.t - margen.b == FILAS * CELDA


def test_tiles_outside_the_place_filters_are_grey_and_the_rest_coloured_by_the_measure(mapa_norte):
    gris, color = figura_mapa(mapa_norte, "actividades").data
    assert len(color.x) == 9 and len(gris.x) == 23  # the nine entidades of the Región Norte
    assert gris.marker.color == COLOR_SIN_DATO
    valores = dict(zip((d[0] for d in color.customdata), color.marker.color, strict=True))
    assert valores["10"] == 2 and valores["19"] == 0  # Durango's two activities; Nuevo León none
    assert (color.marker.cmin, color.marker.cmax) == (0, 2)
    assert color.marker.colorscale and color.marker.reversescale
    assert "Fuera de los filtros" in [d[6] for d in gris.customdata if d[0] == "14"][0]


def test_average_progress_uses_a_fixed_scale_and_greys_entidades_without_activities(mapa_norte):
    gris, color = figura_mapa(mapa_norte, "avance_promedio").data
    assert [d[0] for d in color.customdata] == ["10"]  # only Durango has activities in the north
    assert (color.marker.cmin, color.marker.cmax) == (0, 100)
    assert len(gris.x) == 31
    assert "Sin actividades con avance" in [d[6] for d in gris.customdata if d[0] == "19"][0]


def test_tile_text_contrasts_with_its_colour(mapa_norte):
    _, color = figura_mapa(mapa_norte, "actividades").data
    texto = dict(zip((d[0] for d in color.customdata), color.textfont.color, strict=True))
    assert texto["10"] == "#FFFFFF" and texto["19"] == "#000000"  # dark tile, light tile


def test_the_map_knows_when_a_measure_is_empty_and_counts_demo_records(con_pequena, mapa_norte):
    assert not mapa_norte.vacio("actividades")
    assert not mapa_norte.vacio("avance_promedio")  # Durango: 0 % is a value
    assert mapa_norte.registros_demo("actividades") == 2  # activities 3 and 4
    assert mapa_norte.registros_demo("participantes") == 1  # training 3
    sureste_2025 = mapa_entidades(partial(ejecutar, con_pequena), Filtros(region=("sureste",), periodo=(2025,)))
    assert all(sureste_2025.vacio(m) for m in MEDIDAS)
    assert sureste_2025.no_aplican["compromisos"] == [] and sureste_2025.no_aplican["participantes"] == []
    por_programa = mapa_entidades(partial(ejecutar, con_pequena), Filtros(programa=("PROTAI",)))
    assert por_programa.no_aplican["compromisos"] == ["Programa"] and por_programa.no_aplican["actividades"] == []


def test_the_table_lists_entidades_inside_the_filters_best_first(mapa_norte):
    tabla = tabla_entidades(mapa_norte, "participantes")
    assert len(tabla) == 9
    assert list(tabla.columns)[:3] == ["Entidad", "Región", "Avance promedio (%)"]
    assert tabla.iloc[0]["Entidad"] == "Durango" and tabla.iloc[0]["Personas capacitadas"] == 30


def test_an_unknown_measure_gets_a_clear_message():
    with pytest.raises(ValueError, match="Medida desconocida"):
        medida("poblacion")


def test_tiles_show_their_value_and_trainees_are_coloured_by_rank_said_in_the_legend():
    """Issue 11, item 11: the value on the tile, a scale that separates the rest when one entidad is far above, and
    the grey-tile note about the chosen measure."""
    import pandas as pd

    from pizarras.lectura.tableros.mapa import Mapa, con_posiciones, nota_grises

    entidades = con_posiciones(pd.DataFrame({
        "entidad": ["11", "14", "10", "19"], "nombre_corto": ["Guanajuato", "Jalisco", "Durango", "Nuevo León"],
        "en_filtro": [True] * 4, "avance_promedio": [50.0, 60.0, 70.0, 80.0], "actividades": [1, 2, 3, 4],
        "compromisos": [0, 0, 0, 0], "participantes": [20000, 300, 200, 100],
    }))
    _, color = figura_mapa(Mapa(entidades, {}), "participantes").data
    por_clave = dict(zip((d[0] for d in color.customdata), color.marker.color, strict=True))
    assert por_clave == {"11": 1.0, "14": 0.75, "10": 0.5, "19": 0.25}  # evenly spread, not 1.0 vs ~0.01
    assert "cuantiles" in color.marker.colorbar.title.text
    assert color.marker.colorbar.ticktext[-1] == "20,000"
    assert dict(zip((d[0] for d in color.customdata), color.text, strict=True))["11"] == "GTO<br>20,000"
    _, avance = figura_mapa(Mapa(entidades, {}), "avance_promedio").data
    assert dict(zip((d[0] for d in avance.customdata), avance.text, strict=True))["19"] == "NL<br>80 %"
    assert "no tienen personas capacitadas registradas" in nota_grises("participantes")
    assert "actividades con avance" not in nota_grises("compromisos")
