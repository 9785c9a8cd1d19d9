"""The presentation page under AppTest: choosing a deck, opening one at a slide from the URL, moving on, pausing,
the QR code of the audience link, the venue-network advice, and building a deck when logged in."""

from __future__ import annotations

import shutil
import time

import duckdb
import pytest

from pizarras.estilo import fecha_hora
from pizarras.publicacion import diapositivas, republicar
from pizarras.publicacion.republicar import Republicador
from pizarras.texto import escapar_markdown
from pizarras.web import copia_aparte
from tests.apoyo.datos_prueba import con_presentaciones
from tests.apoyo.paginas import abrir, rerun

DECK = "panorama-nacional"
EN_LA_RED = {"url": "http://192.168.1.20:8501/presentacion"}  # the presenter's browser on the venue's network


@pytest.fixture()
def ruta(ruta_con_usuarios, tmp_path, monkeypatch):
    copia = con_presentaciones(shutil.copy(ruta_con_usuarios, tmp_path / "presentacion.duckdb"))
    monkeypatch.setenv("PIZARRAS_DB", str(copia))
    monkeypatch.delenv("PIZARRAS_URL_PUBLICA", raising=False)
    return copia




def contador(at) -> str:
    return next(h.proto.body for h in at.get("html") if "contador-diapositiva" in h.proto.body)


def test_without_a_deck_the_page_lists_the_decks_and_explains_the_venue_network(ruta):
    at = abrir("presentacion")
    assert not at.exception
    assert at.title[0].value == "Presentación"
    assert at.selectbox(key="presentacion_elegida").value == "gobierno-abierto-ods"  # by title
    assert "make run HOST=0.0.0.0" in " ".join(i.value for i in at.info)
    assert any("inicie sesión" in c.value for c in at.caption)


def test_a_link_opens_a_deck_at_its_slide_and_the_buttons_move_through_it(ruta):
    at = abrir("presentacion", presentacion=DECK, diapositiva="2")
    assert not at.exception
    assert at.title[0].value == "Avance por región" and "2 / 6" in contador(at)
    assert at.button(key="presentacion_anterior").disabled is False
    at.button(key="presentacion_siguiente").click()
    rerun(at)
    assert at.title[0].value == "Alineación de los compromisos a los ODS"
    assert at.query_params["diapositiva"] in ("3", ["3"])
    assert len(at.get("plotly_chart")) == 1 and not at.error


def test_salir_goes_back_to_the_deck_presented_and_says_where_the_talk_stopped(ruta):
    at = abrir("presentacion", presentacion="recorrido-regional", diapositiva="3", avance="0")
    assert [b.label for b in at.button if b.key.startswith("presentacion_")] == [
        "Anterior", "Siguiente", "Actualizar", "Pantalla completa", "Salir"]  # one arrow each: the icon, no shortcut hint
    assert all(not b.proto.shortcut for b in at.button if b.key.startswith("presentacion_"))
    at.button(key="presentacion_salir").click()
    rerun(at)
    assert not at.exception and at.title[0].value == "Presentación"
    assert "presentacion" not in at.query_params
    assert at.selectbox(key="presentacion_elegida").value == "recorrido-regional"  # not the first deck by title
    assert any("se detuvo en la diapositiva 3 de 4" in i.value for i in at.info)
    at.button(key="presentar_continuar").click()
    rerun(at)
    assert "3 / 4" in contador(at)


def test_an_out_of_range_slide_opens_the_last_and_an_unknown_deck_says_so(ruta):
    at = abrir("presentacion", presentacion=DECK, diapositiva="99")
    assert "6 / 6" in contador(at) and at.button(key="presentacion_siguiente").disabled
    at = abrir("presentacion", presentacion="no-existe")
    assert not at.exception and at.title[0].value == "Presentación"
    assert "no\\-existe" in at.warning[0].value


def test_a_slide_without_a_region_shows_a_calm_message_not_an_error(ruta):
    at = abrir("presentacion", presentacion="recorrido-regional", diapositiva="1", avance="0")
    assert not at.exception and not at.error
    assert at.title[0].value == "Los organismos de una región"


def test_after_an_automatic_advance_the_next_button_moves_from_the_slide_shown(ruta):
    at = abrir("presentacion", presentacion="recorrido-regional")  # advances by itself: the timer reruns only the fragment
    at.query_params["diapositiva"] = "3"  # where the timer left it
    at.button(key="presentacion_siguiente").click()
    rerun(at)
    assert "4 / 4" in contador(at)


def test_an_auto_advancing_deck_can_be_paused(ruta):
    at = abrir("presentacion", presentacion="recorrido-regional")
    assert any("cada 20 s" in c.value for c in at.caption)
    at.button(key="presentacion_pausa").click()
    rerun(at)
    assert at.button(key="presentacion_pausa").label == "Reanudar"
    assert any(c.value == "En pausa." for c in at.caption)


def test_the_qr_code_encodes_the_public_link_to_the_board_with_the_slides_filters(ruta, monkeypatch):
    monkeypatch.setenv("PIZARRAS_URL_PUBLICA", "http://192.168.1.20:8501/")
    at = abrir("presentacion", presentacion="recorrido-regional", diapositiva="2", avance="0")
    esperada = "http://192.168.1.20:8501/pizarra_region?region=centro"
    assert diapositivas.url_audiencia("http://192.168.1.20:8501", "region", {"region": ["centro"]}) == esperada
    assert any(c.value == escapar_markdown("192.168.1.20:8501/pizarra_region?region=centro")
               for c in at.caption)
    assert not any("make run" in i.value for i in [*at.info, *at.caption])  # no venue advice: the address is known
    assert any("No hay actividades validadas en la Región Centro" in i.value for i in at.info)  # calm, not red


@pytest.fixture()
def copia_servida(ruta, tmp_path):
    """This process serves a static copy, as servidor.py does: one real publication of the page's database."""
    con = duckdb.connect(str(ruta))
    republicador = Republicador(lambda: con, tmp_path / "publico", intervalo_s=0.05)
    republicador.activar()
    limite = time.monotonic() + 90
    while republicador.publicaciones == 0 and time.monotonic() < limite:
        time.sleep(0.05)
    republicador.detener(60)
    assert republicador.ultima is not None
    republicar.registrar(republicador)
    yield republicador
    republicar.registrar(None)
    con.close()


def test_on_the_venue_network_the_qr_opens_the_static_copy_and_the_presenter_is_told(ruta, copia_servida):
    at = abrir("presentacion", contexto=EN_LA_RED)
    assert not at.exception
    avisos = " ".join(i.value for i in at.info)
    assert escapar_markdown(
        f"El público abre la copia estática publicada el {fecha_hora(copia_servida.ultima.publicada)} en "
        "http://192.168.1.20:8501/publico/, servida por este equipo") in avisos
    assert "make run HOST=0.0.0.0" not in avisos

    at = abrir("presentacion", contexto=EN_LA_RED, presentacion="recorrido-regional", diapositiva="2", avance="0")
    esperada = "http://192.168.1.20:8501/publico/pizarra_region/?region=centro"
    assert any(c.value == escapar_markdown(esperada.removeprefix("http://")) for c in at.caption)
    assert len(at.get("image")) == 1  # the QR code
    assert not any("copia estática" in c.value for c in at.caption)  # the slide itself carries no door text


def test_until_the_copy_is_published_the_qr_opens_the_live_board_and_the_upkeep_starts(ruta, tmp_path):
    def sin_base():
        raise RuntimeError("todavía no")

    republicador = Republicador(sin_base, tmp_path / "publico", intervalo_s=0.05)
    republicar.registrar(republicador)
    try:
        at = abrir("presentacion", contexto=EN_LA_RED)
        assert republicador.activo  # reached from the network: the copy's upkeep starts
        assert escapar_markdown("El público abre la pizarra en vivo en http://192.168.1.20:8501: la copia estática "
                                "se está publicando") in " ".join(i.value for i in at.info)
        at = abrir("presentacion", contexto=EN_LA_RED, presentacion="recorrido-regional", diapositiva="2",
                   avance="0")
        assert any(c.value == escapar_markdown("192.168.1.20:8501/pizarra_region?region=centro") for c in at.caption)
    finally:
        republicar.registrar(None)
        republicador.detener()


def test_a_server_that_serves_no_copy_sends_the_audience_to_the_live_board_and_says_how(ruta):
    at = abrir("presentacion", contexto=EN_LA_RED)  # `streamlit run app.py`: no republisher in this process
    avisos = " ".join(i.value for i in at.info)
    assert escapar_markdown("pizarra en vivo en http://192.168.1.20:8501: este servidor no sirve la copia "
                            "estática") in avisos


def test_on_this_machine_the_projected_slide_shows_only_the_talk(ruta, copia_servida):
    """No phone reaches 127.0.0.1: no QR panel and no advice for the presenter on the slide (issue 23); the deck's
    page gives the advice before presenting."""
    at = abrir("presentacion", contexto={"url": "http://127.0.0.1:8501/presentacion"}, presentacion=DECK,
               diapositiva="1", avance="0")
    assert not at.exception
    assert not any("make run" in c.value or "red del lugar" in c.value for c in at.caption)
    assert not at.get("image") and not any("/publico/" in c.value for c in at.caption)
    assert len(at.get("plotly_chart")) == 1


def test_an_admin_builds_a_deck_from_the_editor(ruta):
    at = abrir("presentacion", como="admin.snt")
    assert not at.exception
    at.text_input(key="editor_titulo_").input("Taller en Durango")
    rerun(at)
    assert at.text_input(key="editor_clave_nueva").placeholder == "taller-en-durango"
    at.number_input(key="editor_intervalo_").set_value(10)
    at.button(key="editor_guardar").click()
    rerun(at)
    assert not at.exception and any("Presentación guardada" in s.value for s in at.success)
    # The new deck is in the page's selector at once, and chosen.
    assert at.selectbox(key="presentacion_elegida").value == "taller-en-durango"
    assert "Taller en Durango" in at.selectbox(key="presentacion_elegida").options
    con = duckdb.connect(str(ruta))
    try:
        assert con.execute("select titulo, intervalo, creada_por from presentaciones where clave = 'taller-en-durango'"
                           ).fetchone() == ("Taller en Durango", 10, "admin.snt")
        assert con.execute("select count(*) from auditoria where tabla = 'presentaciones'").fetchone()[0] == 1
    finally:
        con.close()


def test_an_evaluator_gets_no_editor(ruta):
    at = abrir("presentacion", como="evaluacion")
    assert not at.exception
    assert not at.expander and any("inicie sesión como administración o enlace" in c.value for c in at.caption)


def test_a_hostile_deck_title_is_shown_as_text(ruta):
    from pizarras.publicacion.presentaciones import Diapositiva, Presentacion, guardar, opciones_de
    from tests.apoyo.cuentas_prueba import como

    hostil = "**Taller** [clic](http://malo.example) <b>x</b>"
    con = duckdb.connect(str(ruta))
    try:
        guardar(con, como("enlace.itei"), Presentacion("hostil", hostil, (Diapositiva("nacional"),)), opciones_de(con))
        con.execute("checkpoint")
    finally:
        con.close()
    at = abrir("presentacion", presentacion="hostil")
    assert not at.exception
    assert at.caption[0].value.startswith(escapar_markdown(hostil))
    assert "\\[clic\\]" in at.caption[0].value and "\\<b\\>" in at.caption[0].value


def test_when_the_copy_has_its_own_process_the_qr_opens_its_port_and_the_presenter_is_told(ruta, copia_servida,
                                                                                           monkeypatch):
    class Aparte:  # what servidor.py registers once the copy's own process is serving
        puerto = 8502

    monkeypatch.setattr(copia_aparte, "_EN_ESTE_PROCESO", Aparte())
    at = abrir("presentacion", contexto=EN_LA_RED)
    avisos = " ".join(i.value for i in at.info)
    assert escapar_markdown("en http://192.168.1.20:8502/publico/, servida por este equipo, en un proceso aparte de "
                            "la aplicación (puerto 8502") in avisos
    at = abrir("presentacion", contexto=EN_LA_RED, presentacion="recorrido-regional", diapositiva="2", avance="0")
    assert any(c.value == escapar_markdown("192.168.1.20:8502/publico/pizarra_region/?region=centro")
               for c in at.caption)


def sello(at) -> str:
    return next(h.proto.body for h in at.get("html") if "sello-datos" in h.proto.body)


def test_a_talk_keeps_the_data_it_opened_with_until_the_presenter_refreshes(ruta):
    """A validation lands mid-talk: the slides keep their figures and the «Datos al …» stamp, on every slide, until
    «Actualizar datos»."""
    from datetime import datetime

    from pizarras.escritura import autorreporte, revision
    from tests.apoyo.cuentas_prueba import como
    from tests.apoyo.paginas import metrica

    at = abrir("presentacion", presentacion=DECK, diapositiva="1", avance="0")
    antes, sello_antes = metrica(at, "Avance promedio"), sello(at)
    assert sello_antes.count("Datos al ") == 1

    con = duckdb.connect(str(ruta))
    try:  # ITEI raises activity 2 to 60 % and an admin validates it, while the deck is on screen
        version = autorreporte.leer_actividad(con, 2)["version"]
        version = autorreporte.actualizar_actividad(con, como("enlace.itei"), 2, version, {"avance": 60},
                                                    datetime(2025, 6, 2, 10, 0), enviar=True)
        revision.validar(con, como("admin.snt"), [("actividades", 2, version)], ahora=datetime(2025, 6, 3, 9, 30))
        con.execute("checkpoint")
    finally:
        con.close()
    from pizarras.ui.datos import invalidar_cache
    invalidar_cache()  # as the write's page does

    at.button(key="presentacion_siguiente").click()
    rerun(at)
    at.button(key="presentacion_anterior").click()
    rerun(at)
    assert metrica(at, "Avance promedio") == antes and sello(at) == sello_antes
    at.button(key="presentacion_actualizar").click()
    rerun(at)
    assert metrica(at, "Avance promedio") != antes


def test_the_presenter_can_hide_the_qr_for_a_talk_from_the_deck_page_or_the_slide(ruta, monkeypatch):
    monkeypatch.setenv("PIZARRAS_URL_PUBLICA", "http://192.168.1.20:8501/")
    at = abrir("presentacion")
    at.selectbox(key="presentacion_elegida").select("recorrido-regional")
    rerun(at)
    at.toggle(key="presentacion_qr_recorrido-regional").set_value(False)
    rerun(at)
    at.button(key="presentar_aqui").click()
    rerun(at)
    assert "1 / 4" in contador(at) and not at.get("image")
    at.button(key="presentacion_qr").click()  # «Mostrar QR»
    rerun(at)
    assert len(at.get("image")) == 1 and "qr" not in at.query_params
    at.button(key="presentacion_qr").click()  # «Ocultar QR»
    rerun(at)
    assert not at.get("image") and at.query_params["qr"] in ("0", ["0"])


def test_the_editor_builds_slides_with_the_sidebar_controls_previews_and_reorders_them(ruta):
    """No URL syntax: a view and one list per filter (as in the boards' sidebar), a preview before adding, and
    Subir/Bajar to reorder; the deck is saved in the order shown."""
    at = abrir("presentacion", como="admin.snt")
    at.selectbox(key="editor_diapositiva_vista").select("region")
    at.multiselect(key="editor_diapositiva_region").select("norte")
    rerun(at)
    at.button(key="editor_vista_previa").click()
    rerun(at)
    assert not at.exception
    assert "Los organismos de una región" in [s.value for s in at.subheader]
    assert len(at.get("plotly_chart")) == 1  # the preview draws the slide's chart
    at.button(key="editor_poner").click()
    rerun(at)
    filas = [m.value for m in at.markdown if m.value.startswith("**1.**") or m.value.startswith("**2.**")]
    assert len(filas) == 2 and "Región Norte" in filas[1]
    at.button(key="editor_subir_1").click()
    rerun(at)
    filas = [m.value for m in at.markdown if m.value.startswith("**1.**")]
    assert "Los organismos de una región" in filas[0]
    # Edit the second slide (now the national one): its values come back into the same controls.
    at.button(key="editor_editar_1").click()
    rerun(at)
    assert at.selectbox(key="editor_diapositiva_vista").value == "nacional"
    at.multiselect(key="editor_diapositiva_ods").select(16)
    rerun(at)
    at.button(key="editor_poner").click()
    rerun(at)
    at.text_input(key="editor_titulo_").input("Taller en el norte")
    rerun(at)
    at.button(key="editor_guardar").click()
    rerun(at)
    assert not at.exception and any("Presentación guardada" in s.value for s in at.success)
    con = duckdb.connect(str(ruta))
    try:
        assert con.execute("select vista, filtros from diapositivas where presentacion = 'taller-en-el-norte' "
                           "order by posicion").fetchall() == [("region", '{"region": ["norte"]}'),
                                                               ("nacional", '{"ods": ["16"]}')]
    finally:
        con.close()


def test_the_presenter_window_is_a_page_of_its_own_with_no_slide(ruta):
    at = abrir("presentacion", presentacion=DECK, presentador="1")
    assert not at.exception
    assert at.title[0].value == escapar_markdown("Presentador: Panorama nacional del SNT")
    assert not at.get("plotly_chart") and not at.get("image")
    assert any("presentador-contador" in h.proto.body and "BroadcastChannel" in h.proto.body for h in at.get("html"))


def test_the_projector_tells_the_presenter_window_its_slide_in_json_not_html():
    from pizarras.ui.presentador import anunciar

    guion = anunciar("taller", 1, 2, ["</script><b>x</b>", "Otra"], None)
    assert "</script><b>" not in guion and "\\u003c/script\\u003e" in guion
