"""A rerun with warm caches does no work a previous rerun already did: no database query, no chart built, no
custom component drawn, no chart serialised again. A live audience changes filters back and forth among a few combinations, so the work of a
board must be paid once per data version and filter choice, not once per rerun; a change that adds per-rerun work
fails here rather than in the bench (issue #22).

Counted where every read passes: each named query is loaded by `pizarras.base.consultas.cargar` (the cached reads,
the boards and the session checks alike), each chart is a plotly `Figure`, each custom component (the login
cookie's, for one) an instance created through Streamlit's component API."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager

import plotly.graph_objects as go
import pytest
import streamlit as st
from streamlit.components.v1 import custom_component

from pizarras.base import consultas
from pizarras.ui.figuras import olvidar_figuras
from tests.apoyo.paginas import abrir

# The boards the public reads, with a filter choice each (a view the audience shares by link) that leaves data in
# the fixture database (tests/apoyo/datos_prueba.py): every first run draws charts.
TABLEROS = [
    ("pizarra_nacional", {}), ("pizarra_nacional", {"region": "centro-occidente", "ods": "16"}),
    ("compromisos", {}), ("capacitaciones", {"programa": "protai"}), ("mapa", {}),
    ("pizarra_region", {"region": "norte"}), ("pizarra_organismo", {"organismo": "ITEI"}),
]
# A logged-in rerun asks the database whether the session still holds (a cookie cannot be revoked): that, and
# nothing else, is per-rerun work by design.
POR_SESION = {"cuentas/usuario_por_nombre"}


class Trabajo:
    def __init__(self) -> None:
        self.consultas: Counter[str] = Counter()
        self.figuras = 0
        self.a_dict = 0  # a plotly figure turned into its dict (st.plotly_chart's cost per chart)
        self.componentes: Counter[str] = Counter()

    def limpiar(self) -> None:
        self.consultas.clear()
        self.figuras = 0
        self.a_dict = 0
        self.componentes.clear()


@pytest.fixture()
def trabajo(monkeypatch):
    st.cache_data.clear()  # another test may have warmed these views: the first run here must pay for them
    st.cache_resource.clear()
    olvidar_figuras()
    contado = Trabajo()
    cargar, figura, componente = consultas.cargar, go.Figure.__init__, custom_component.CustomComponent.create_instance
    a_dict = go.Figure.to_dict

    def cargar_contando(nombre):
        contado.consultas[nombre] += 1
        return cargar(nombre)

    def figura_contando(self, *args, **kwargs):
        contado.figuras += 1
        figura(self, *args, **kwargs)

    def a_dict_contando(self, *args, **kwargs):
        contado.a_dict += 1
        return a_dict(self, *args, **kwargs)

    def componente_contando(self, *args, **kwargs):
        contado.componentes[self.name] += 1
        return componente(self, *args, **kwargs)

    monkeypatch.setattr(consultas, "cargar", cargar_contando)
    monkeypatch.setattr(go.Figure, "__init__", figura_contando)
    monkeypatch.setattr(go.Figure, "to_dict", a_dict_contando)
    monkeypatch.setattr(custom_component.CustomComponent, "create_instance", componente_contando)
    return contado


@contextmanager
def _primera_vez(trabajo: Trabajo):
    """The first run pays for the board: it must be measurable, or the counters below prove nothing."""
    trabajo.limpiar()
    yield
    assert sum(trabajo.consultas.values()) > 0 and trabajo.figuras > 0, (
        f"la primera ejecución no hizo trabajo: {trabajo.consultas}, {trabajo.figuras} figuras")
    trabajo.limpiar()


@pytest.mark.parametrize("pagina, filtros", TABLEROS, ids=[f"{p}-{'&'.join(f)}" for p, f in TABLEROS])
def test_a_warm_rerun_repeats_no_query_chart_or_component(trabajo, pagina, filtros):
    with _primera_vez(trabajo):
        at = abrir(pagina, **filtros)
    assert not at.exception
    at.run()
    assert not at.exception
    assert trabajo.consultas == Counter() and trabajo.figuras == 0 and trabajo.componentes == Counter()
    assert trabajo.a_dict == 0  # each shared figure is serialised once (pizarras.ui.figuras.dibujar)


def test_the_indicators_board_too(trabajo, ruta_seed, monkeypatch):
    monkeypatch.setenv("PIZARRAS_DB", str(ruta_seed))  # the fixture database has no indicator sheet
    with _primera_vez(trabajo):
        at = abrir("indicadores", programa="protai")
    at.run()
    assert not at.exception
    assert trabajo.consultas == Counter() and trabajo.figuras == 0 and trabajo.componentes == Counter()
    assert trabajo.a_dict == 0


def test_another_session_on_the_same_view_reuses_the_first_ones_work(trabajo):
    with _primera_vez(trabajo):
        abrir("pizarra_nacional", region="norte")
    otra = abrir("pizarra_nacional", region="norte")  # a second phone opening the same link
    assert not otra.exception
    assert trabajo.consultas == Counter() and trabajo.figuras == 0 and trabajo.componentes == Counter()


def test_a_logged_in_rerun_checks_only_the_session(trabajo, ruta_con_usuarios, monkeypatch):
    monkeypatch.setenv("PIZARRAS_DB", str(ruta_con_usuarios))
    with _primera_vez(trabajo):
        at = abrir("pizarra_nacional", como="evaluacion")
    at.run()
    assert not at.exception
    assert set(trabajo.consultas) <= POR_SESION and trabajo.figuras == 0 and trabajo.componentes == Counter()
