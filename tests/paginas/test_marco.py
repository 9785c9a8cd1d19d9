"""The app shell (app.py): registration, shared filters, URL mirroring, warnings and failures."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apoyo.datos_prueba import TOTAL_ACTIVIDADES
from tests.apoyo.paginas import APP, metrica, rerun


def abrir_app(**parametros_url) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for clave, valor in parametros_url.items():
        at.query_params[clave] = valor
    return at.run()


def test_every_page_file_is_registered_in_app_py():
    raiz = Path(APP).parent
    registradas = set(re.findall(r'st\.Page\("(pages/[a-z_]+\.py)"', (raiz / "app.py").read_text(encoding="utf-8")))
    assert registradas == {f"pages/{p.name}" for p in (raiz / "pages").glob("*.py")}


def test_the_default_page_is_the_national_board():
    at = abrir_app()
    assert not at.exception
    assert at.title[0].value == "Pizarra nacional de avance"
    assert metrica(at, "Actividades") == str(TOTAL_ACTIVIDADES)


def test_choosing_a_region_changes_the_numbers_and_the_url():
    at = abrir_app()
    at.multiselect(key="filtro_region").set_value(["norte"])
    rerun(at)
    assert not at.exception
    assert metrica(at, "Actividades") == "2"
    assert metrica(at, "Personas capacitadas") == "30"
    assert at.query_params["region"] in ("norte", ["norte"])


def test_url_query_parameters_restore_the_filters():
    at = abrir_app(region=["norte", "federal"], estatus=["en_proceso", "programada"])
    assert not at.exception
    assert at.multiselect(key="filtro_region").value == ["norte", "federal"]
    assert metrica(at, "Actividades") == "2"  # activities 3 (programada, norte) and 5 (en proceso, federal)


def test_url_values_may_be_names():
    at = abrir_app(region="Región Norte", programa="protai")
    assert at.multiselect(key="filtro_region").value == ["norte"]
    assert metrica(at, "Actividades") == "2"


def test_an_unknown_url_value_shows_a_warning_and_leaves_that_filter_open():
    at = abrir_app(region="Atlantida")
    assert not at.exception
    assert any("Atlantida" in w.value for w in at.warning)
    assert metrica(at, "Actividades") == str(TOTAL_ACTIVIDADES)
    assert "region" not in at.query_params


def test_the_eje_filter_offers_only_ejes_of_the_chosen_programa():
    at = abrir_app(programa="PT-CGAYTP")
    opciones = at.multiselect(key="filtro_eje").options
    assert opciones and all("CGAyTP" in o for o in opciones)


def test_reset_clears_every_filter():
    at = abrir_app(region="norte", ods="16")
    at.button(key="restablecer_filtros").click()
    rerun(at)
    assert at.multiselect(key="filtro_region").value == []
    assert metrica(at, "Actividades") == str(TOTAL_ACTIVIDADES)


def test_a_missing_database_gives_a_spanish_message_not_a_traceback(monkeypatch, tmp_path):
    monkeypatch.setenv("PIZARRAS_DB", str(tmp_path / "no-existe.duckdb"))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert any("make data" in e.value for e in at.error)


def test_every_page_asks_for_the_frame_first():
    for pagina in (Path(APP).parent / "pages").glob("*.py"):
        assert "exigir_marco()" in pagina.read_text(encoding="utf-8"), f"{pagina.name} must call exigir_marco()"


def test_the_app_process_hands_the_gil_around_in_25_ms_turns():
    # Measured under a live audience (see pizarras/ui/marco.py); importing the frame sets it, as in the server.
    from pizarras.ui import marco

    assert marco.TURNO_GIL_S == 0.025
    assert sys.getswitchinterval() == pytest.approx(marco.TURNO_GIL_S)


def test_the_sidebar_names_the_years_the_data_covers():
    from tests.apoyo.paginas import abrir

    at = abrir("pizarra_nacional")
    # The fixture's activities, commitments and trainings span 2015 (a plan's start) to 2025.
    assert any("Sistema Nacional de Transparencia (2015-2025)" in c.value for c in at.sidebar.caption)


def test_the_years_come_from_the_data_not_a_fixed_label():
    from pizarras.lectura.filtros import Opcion
    from pizarras.ui.marco import rango_de_anios

    # The seed has a real training dated 2026: the label follows the data.
    assert rango_de_anios({"periodo": (Opcion(2016, "2016"), Opcion(2026, "2026"))}) == " (2016-2026)"
    assert rango_de_anios({"periodo": ()}) == ""


def test_every_board_defines_overdue_activities_the_same_way():
    from tests.apoyo.paginas import abrir

    ayudas = set()
    for pagina, url in (("pizarra_nacional", {}), ("pizarra_region", {"region": "norte"}),
                        ("pizarra_organismo", {"organismo": "ITEI"})):
        at = abrir(pagina, **url)
        de_la_pagina = {m.proto.help for m in at.metric if m.label == "Actividades vencidas"}
        assert len(de_la_pagina) == 1, pagina
        ayudas |= de_la_pagina
    assert len(ayudas) == 1 and "ni canceladas" in ayudas.pop()


@pytest.mark.parametrize("pagina", ["pages/autorreporte.py", "pages/cargar.py", "pages/revision.py",
                                    "pages/datos_abiertos.py"])
def test_pages_the_filters_do_not_narrow_show_them_disabled_and_keep_them(pagina):
    at = abrir_app(region="norte")
    assert not any(m.disabled for m in at.sidebar.multiselect)

    at.switch_page(pagina)
    at.run()

    assert not at.exception
    assert at.sidebar.multiselect and all(m.disabled for m in at.sidebar.multiselect)
    assert at.sidebar.button(key="restablecer_filtros").disabled
    assert any("no usa los filtros" in c.value for c in at.sidebar.caption)
    assert at.multiselect(key="filtro_region").value == ["norte"]
    assert at.query_params["region"] == "norte"

    at.switch_page("pages/pizarra_nacional.py")
    at.run()
    assert not any(m.disabled for m in at.sidebar.multiselect)
    assert at.multiselect(key="filtro_region").value == ["norte"]


def test_each_tab_is_titled_by_its_page():
    from pizarras.ui.marco import titulo_de_pestana

    assert titulo_de_pestana("Pizarra nacional") == "Pizarra nacional · Pizarras de Avance"


def test_the_sidebar_links_every_page_in_its_group_with_its_url():
    at = abrir_app()
    assert not at.exception
    grupos, actual = {}, None
    for elemento in at.sidebar:
        nombre = type(elemento).__name__
        if nombre == "Caption" and elemento.value in ("Pizarras", "Publicación", "Autorreporte"):
            actual = elemento.value
        elif nombre == "PageLink":
            grupos.setdefault(actual, []).append((elemento.proto.label, elemento.proto.page))
    assert grupos == {
        "Pizarras": [("Pizarra nacional", ""), ("Compromisos de gobierno abierto", "compromisos"),
                     ("Capacitaciones", "capacitaciones"), ("Pizarra por región", "pizarra_region"),
                     ("Pizarra por organismo", "pizarra_organismo"), ("Mapa por entidad", "mapa"),
                     ("Indicadores de los programas", "indicadores")],
        "Publicación": [("Presentación", "presentacion"), ("Datos abiertos", "datos_abiertos")],
        "Autorreporte": [("Autorreporte", "autorreporte"), ("Cargar", "cargar"), ("Revisión", "revision")],
    }


def contraste(primero: str, segundo: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""
    def luminancia(color: str) -> float:
        canales = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in canales)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    claro, oscuro = sorted((luminancia(primero), luminancia(segundo)), reverse=True)
    return (claro + 0.05) / (oscuro + 0.05)


def test_captions_and_disabled_labels_reach_wcag_contrast_on_the_page_and_the_sidebar():
    from pizarras import estilo
    from pizarras.ui.marco import ESTILO

    # Streamlit's own: the text colour (#2F2D2B) at 60 % on white is #828180.
    assert contraste("#828180", estilo.FONDO) < 4.5
    assert contraste(estilo.COLOR_LEYENDA, estilo.FONDO) >= 4.5
    assert contraste(estilo.COLOR_LEYENDA, estilo.FONDO_BARRA) >= 4.5
    assert f"color: {estilo.COLOR_LEYENDA}; opacity: 1;" in ESTILO
