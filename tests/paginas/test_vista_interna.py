"""The internal view under AppTest: the public sees no banner and no switch; an admin or evaluador sees, at the top
of every board, how many records the board counts that the public does not, and «Ver como el público» gives the
public's figures and is kept in the URL (fixture with drafts: tests/apoyo/sin_validar_prueba.py)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from pizarras.lectura.sin_validar import EN_DESCARGAS
from pizarras.ui.vista_interna import CONMUTADOR, ETIQUETA
from tests.apoyo.paginas import abrir, metrica
from tests.apoyo.sin_validar_prueba import ACTIVIDADES, AVANCE, AVISO_NACIONAL, copia_con_sin_validar

VISTA_PUBLICA = "Vista pública: solo registros validados"
BOARDS = ["pizarra_nacional", "pizarra_region", "pizarra_organismo", "mapa", "compromisos", "capacitaciones"]


@pytest.fixture(autouse=True)
def ruta(ruta_con_usuarios, tmp_path, monkeypatch):
    copia = copia_con_sin_validar(ruta_con_usuarios, tmp_path / "sin_validar.duckdb")
    monkeypatch.setenv("PIZARRAS_DB", str(copia))
    return copia


def avisos(at) -> list[str]:
    return [a.value for a in [*at.warning, *at.info] if "validad" in a.value or "validar" in a.value]


def conmutadores(at) -> list:
    return [t for t in at.toggle if t.label == ETIQUETA]


def hojas(nodo) -> list:
    """The elements under `nodo`, in page order."""
    elementos = []
    for hijo in getattr(nodo, "children", {}).values():
        elementos += [hijo, *hojas(hijo)]
    return elementos


def kpis(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("pagina", [*BOARDS, "presentacion"])
def test_the_public_sees_no_banner_and_no_switch(pagina):
    at = abrir(pagina)
    assert not at.exception
    assert not [a for a in avisos(at) if a.startswith(("Incluye borradores", "Vista pública", "Vista interna"))]
    assert not conmutadores(at)


@pytest.mark.parametrize("como", ["evaluacion", "admin.snt"])
def test_the_internal_national_board_says_how_many_records_the_public_does_not_see(como):
    at = abrir("pizarra_nacional", como=como)
    assert not at.exception
    assert at.warning[0].value == AVISO_NACIONAL
    orden = [e.type for e in hojas(at.main)]
    assert orden.index("warning") < orden.index("title") < orden.index("metric")  # above the page's content
    assert metrica(at, "Actividades") == ACTIVIDADES["interna"]
    assert metrica(at, "Avance promedio") == AVANCE["interna"]
    assert [t.value for t in conmutadores(at)] == [False]


def test_an_enlace_sees_the_public_board_without_banner():
    at = abrir("pizarra_nacional", como="enlace.itei")
    assert metrica(at, "Actividades") == ACTIVIDADES["publica"]
    assert not conmutadores(at) and not at.warning


@pytest.mark.parametrize(("pagina", "parametros", "aviso"), [
    ("pizarra_region", {"region": "centro-occidente"},
     "Incluye borradores y registros sin validar (2: 1 actividad y 1 compromiso). El público ve solo lo validado."),
    ("pizarra_organismo", {"organismo": "IDAIP"},
     "Incluye borradores y registros sin validar (1). El público ve solo lo validado."),
    ("mapa", {}, AVISO_NACIONAL),
    ("compromisos", {}, "Incluye borradores y registros sin validar (1). El público ve solo lo validado."),
    ("capacitaciones", {"organismo": "ITEI"},
     "Vista interna: con estos filtros no hay capacitaciones sin validar; las cifras son las que ve el público."),
])
def test_every_board_counts_its_own_kinds_under_the_filters(pagina, parametros, aviso):
    at = abrir(pagina, como="evaluacion", **parametros)
    assert not at.exception
    assert avisos(at)[0] == aviso
    assert len(conmutadores(at)) == 1


@pytest.mark.parametrize("pagina", ["presentacion", "revision", "autorreporte"])
def test_pages_that_are_not_boards_have_no_banner(pagina):
    at = abrir(pagina, como="admin.snt")
    assert not at.exception
    assert not [a for a in avisos(at) if a.startswith(("Incluye borradores", "Vista pública"))]
    assert not conmutadores(at)


def test_the_switch_gives_exactly_the_public_figures_and_the_url_keeps_it():
    publico = kpis(abrir("pizarra_nacional"))
    at = abrir("pizarra_nacional", como="evaluacion")
    assert kpis(at) != publico
    at.toggle(key=CONMUTADOR).set_value(True).run()
    assert not at.exception
    assert kpis(at) == publico
    assert metrica(at, "Actividades") == ACTIVIDADES["publica"]
    assert at.info[0].value == ("Vista pública: solo registros validados; quedan fuera 2 actividades, 1 compromiso y "
                                "1 capacitación sin validar.")
    assert not [w for w in at.warning if w.value.startswith("Incluye borradores")]
    assert at.query_params["vista"] in ("publica", ["publica"])

    at.toggle(key=CONMUTADOR).set_value(False).run()
    assert metrica(at, "Actividades") == ACTIVIDADES["interna"]
    assert "vista" not in at.query_params
    assert at.warning[0].value == AVISO_NACIONAL


def test_a_link_with_the_switch_opens_the_public_view_and_a_filter_change_keeps_it():
    at = abrir("pizarra_nacional", como="evaluacion", vista="publica")
    assert at.toggle(key=CONMUTADOR).value is True
    assert metrica(at, "Actividades") == ACTIVIDADES["publica"]
    at.multiselect(key="filtro_organismo").set_value(["ITEI"]).run()  # the filters rewrite the query string
    assert not at.exception
    assert at.toggle(key=CONMUTADOR).value is True
    assert at.query_params["vista"] in ("publica", ["publica"])
    assert at.query_params["organismo"] in ("ITEI", ["ITEI"])
    assert metrica(at, "Actividades") == "1"  # activity 1; ITEI's draft (2) stays out


def test_the_public_ignores_the_switch_in_a_link():
    at = abrir("pizarra_nacional", vista="publica")
    assert metrica(at, "Actividades") == ACTIVIDADES["publica"]
    assert not conmutadores(at)


@pytest.fixture()
def archivos(monkeypatch) -> dict:
    """The files the boards' download buttons would hand out, by file name (built on demand, as the server does)."""
    from streamlit.delta_generator import DeltaGenerator

    original = DeltaGenerator.download_button
    vistos: dict = {}

    def espia(self, etiqueta, data, *args, **kwargs):
        vistos[kwargs.get("file_name")] = data
        return original(self, etiqueta, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", espia)
    return vistos


def test_a_download_of_the_internal_view_says_it_includes_records_not_validated(archivos):
    interna = abrir("compromisos", como="evaluacion")
    assert set(archivos) == {"compromisos_incluye_sin_validar.csv", "compromisos_incluye_sin_validar.xlsx"}
    libro = load_workbook(io.BytesIO(archivos["compromisos_incluye_sin_validar.xlsx"]()))
    filas = dict(libro["Filtros"].iter_rows(values_only=True, max_col=2))
    assert filas["Revisión"] == EN_DESCARGAS
    assert filas["Pizarras de Avance — SNT"].endswith("(incluye registros sin validar)")
    assert filas["Registros"] == 3  # commitment 2, observed, is in

    archivos.clear()
    interna.toggle(key=CONMUTADOR).set_value(True).run()
    assert set(archivos) == {"compromisos.csv", "compromisos.xlsx"}
    filas = dict(libro_de(archivos["compromisos.xlsx"])["Filtros"].iter_rows(values_only=True, max_col=2))
    assert "Revisión" not in filas and filas["Registros"] == 2


def test_the_public_download_says_nothing_of_review(archivos):
    abrir("compromisos")
    assert "Revisión" not in dict(libro_de(archivos["compromisos.xlsx"])["Filtros"].iter_rows(values_only=True, max_col=2))


def libro_de(datos):
    return load_workbook(io.BytesIO(datos()))


def test_the_switch_is_kept_across_pages_even_those_without_the_banner():
    from datetime import datetime

    from streamlit.testing.v1 import AppTest

    from tests.apoyo.paginas import APP

    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["_sesion_pizarras"] = {"usuario": "evaluacion", "iniciada": datetime.now()}
    at.run()
    at.toggle(key=CONMUTADOR).set_value(True).run()
    at.switch_page("pages/revision.py").run()  # no banner, no switch drawn: the choice is kept for the boards
    assert not at.exception and not conmutadores(at)
    at.switch_page("pages/capacitaciones.py").run()
    assert not at.exception
    assert at.toggle(key=CONMUTADOR).value is True
    assert at.info[0].value == "Vista pública: solo registros validados; quedan fuera 1 capacitación sin validar."
    assert metrica(at, "Capacitaciones") == "2"
    assert at.query_params["vista"] in ("publica", ["publica"])
