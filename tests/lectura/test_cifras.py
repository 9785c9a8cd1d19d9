"""Each board's headline figures, as declared once for its page, its slides and the static site: labels, written
values, order and help texts, on the fixture database with a fixed cut-off."""

from __future__ import annotations

from functools import partial

import pytest

from pizarras import etiquetas
from pizarras.base.consultas import ejecutar
from pizarras.lectura.cifras import Cifra, cifra, elegir
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros.capacitaciones import pizarra_capacitaciones
from pizarras.lectura.tableros.compromisos import pizarra_compromisos
from pizarras.lectura.tableros.nacional import pizarra_nacional
from pizarras.lectura.tableros.organismo import pizarra_organismo
from pizarras.lectura.tableros.region import pizarra_region
from tests.apoyo.datos_prueba import HOY, TOTAL_ACTIVIDADES


def _pares(pizarra) -> list[tuple[str, str]]:
    return [(c.etiqueta, c.texto) for c in pizarra.cifras]


def _ayudas(pizarra) -> dict[str, str]:
    return {c.clave: c.ayuda for c in pizarra.cifras if c.ayuda}


def test_the_national_figures(con_pequena):
    pizarra = pizarra_nacional(partial(ejecutar, con_pequena), Filtros(), HOY)
    assert _pares(pizarra) == [
        ("Actividades", str(TOTAL_ACTIVIDADES)), ("Concluidas", "2"), ("En proceso", "2"), ("Programadas", "1"),
        ("Canceladas", "1"), ("Avance promedio", "64.0 %"), ("Organismos que reportan", "4"),
        ("Actividades vencidas", "2"), ("Compromisos", "3"), ("Personas capacitadas", "540"),
    ]
    assert _ayudas(pizarra) == {
        "vencidas": etiquetas.ayuda_vencidas(HOY),
        "compromisos": "Compromisos de gobierno abierto de los planes de acción locales.",
    }


def test_the_region_figures_count_overdue_activities_at_the_boards_cut_off(con_pequena):
    pizarra = pizarra_region(partial(ejecutar, con_pequena), Filtros(), "norte", HOY)
    assert _pares(pizarra) == [
        ("Organismos", "9"), ("Organismos que reportan", "1"), ("Actividades", "2"), ("Avance promedio", "0.0 %"),
        ("Actividades vencidas", "0"),  # activity 3 ends on 2025-12-31, after HOY
        ("Concluidas", "0"), ("Último reporte", "01/02/2025"), ("Compromisos", "1"), ("Personas capacitadas", "30"),
    ]
    assert _ayudas(pizarra) == {
        "organismos": "Organismos de la región con los filtros de lugar elegidos.",
        "vencidas": etiquetas.ayuda_vencidas(HOY),
    }


def test_the_organismo_figures(con_pequena):
    pizarra = pizarra_organismo(partial(ejecutar, con_pequena), Filtros(), "ITEI", HOY)
    assert _pares(pizarra) == [
        ("Actividades", "2"), ("Concluidas", "1"), ("Avance promedio", "75.0 %"), ("Actividades vencidas", "1"),
        ("Último reporte", "15/11/2024"), ("Compromisos", "2"), ("Compromisos vencidos", "1"),
        ("Capacitaciones organizadas", "1"), ("Personas capacitadas", "100"),
    ]
    assert set(_ayudas(pizarra)) == {"vencidas", "ultimo_reporte", "compromisos", "compromisos_vencidos"}
    assert _ayudas(pizarra)["vencidas"] == etiquetas.ayuda_vencidas(HOY)


def test_the_commitment_figures_say_how_many_have_no_percentage(con_pequena):
    pizarra = pizarra_compromisos(partial(ejecutar, con_pequena), Filtros(), HOY)
    assert _pares(pizarra) == [
        ("Compromisos", "3"), ("Planes de acción", "3"), ("Entidades", "2"), ("Concluidos", "1"),
        ("Avance promedio", "70.0 %"), ("Alineados a un ODS", "2"),
    ]
    assert _ayudas(pizarra) == {
        "avance_promedio": "Promedio de los compromisos con porcentaje de avance; sin porcentaje en su fuente: 1."
    }


def test_the_training_figures(con_pequena):
    pizarra = pizarra_capacitaciones(partial(ejecutar, con_pequena), Filtros())
    assert _pares(pizarra) == [
        ("Capacitaciones", "3"), ("Participantes", "540"), ("Mujeres", "78"), ("Hombres", "52"),
        ("Organizadores", "3"), ("Sujetos obligados", "0"),
    ]
    assert list(_ayudas(pizarra)) == ["sujetos_obligados"]


def test_a_figure_without_a_value_shows_a_dash_and_a_key_without_a_label_fails():
    assert cifra("actividades", None) == Cifra("actividades", "Actividades", None, "—")
    with pytest.raises(KeyError):
        cifra("sin_etiqueta", 1)


def test_a_selection_keeps_its_own_order_and_a_missing_key_fails(con_pequena):
    pizarra = pizarra_nacional(partial(ejecutar, con_pequena), Filtros(), HOY)
    assert [c.clave for c in elegir(pizarra.cifras, "vencidas", "actividades")] == ["vencidas", "actividades"]
    with pytest.raises(KeyError):
        elegir(pizarra.cifras, "planes")
