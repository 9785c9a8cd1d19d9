"""Which door the audience's QR codes open (pizarras.publicacion.puerta), without Streamlit: the hosted site when
PIZARRAS_URL_PUBLICA is set, the static copy this server serves when reached from the venue's network, the live app
until that copy exists, and nothing on this machine only; and what the presenter is told."""

from __future__ import annotations

from datetime import datetime

import pytest

from pizarras.publicacion.puerta import COPIA, EN_VIVO, SITIO, EstadoCopia, elegir, solo_esta_maquina

PUBLICADA = datetime(2026, 12, 5, 9, 7)
LISTA = EstadoCopia(servida=True, publicada=PUBLICADA)
NORTE_ODS = {"region": ["norte"], "ods": ["16"]}


def test_with_a_public_url_the_slide_opens_that_site_with_the_app_path_and_filters():
    for navegador in (None, "http://127.0.0.1:8501/presentacion", "http://192.168.1.20:8501/presentacion"):
        puerta = elegir("https://pizarras.example.org/sitio/", navegador, LISTA)
        assert puerta.tipo == SITIO
        assert puerta.url("region", NORTE_ODS) == "https://pizarras.example.org/sitio/pizarra_region?region=norte&ods=16"
        assert puerta.url("nacional", {}) == "https://pizarras.example.org/sitio/pizarra_nacional"
        assert "PIZARRAS_URL_PUBLICA" in puerta.descripcion()


def test_on_the_venue_network_the_slide_opens_the_static_copy_served_here():
    puerta = elegir(None, "http://192.168.1.20:8501/presentacion?presentacion=x", LISTA)
    assert puerta.tipo == COPIA and puerta.base == "http://192.168.1.20:8501/publico"
    assert puerta.url("region", NORTE_ODS) == "http://192.168.1.20:8501/publico/pizarra_region/?region=norte&ods=16"
    assert puerta.url("mapa", {}) == "http://192.168.1.20:8501/publico/mapa/"
    assert puerta.url("compromisos_ods", {"ods": ["5", "16"]}) == (
        "http://192.168.1.20:8501/publico/compromisos/?ods=5&ods=16")
    assert puerta.descripcion().startswith(
        "El público abre la copia estática publicada el 05/12/2026 09:07 en http://192.168.1.20:8501/publico/")
    assert elegir("  ", "http://pizarras.local:8501/", LISTA).base == "http://pizarras.local:8501/publico"
    ocupada = elegir(None, "http://10.0.0.5:8501/", EstadoCopia(True, PUBLICADA, publicando=True))
    assert ocupada.tipo == COPIA and "se está publicando una versión nueva" in ocupada.descripcion()


def test_when_the_copy_has_its_own_process_the_slide_opens_its_port_on_the_same_host():
    aparte = EstadoCopia(servida=True, publicada=PUBLICADA, puerto=8502)
    puerta = elegir(None, "http://192.168.1.20:8501/presentacion", aparte)
    assert puerta.tipo == COPIA and puerta.base == "http://192.168.1.20:8502/publico"
    assert puerta.url("region", NORTE_ODS) == "http://192.168.1.20:8502/publico/pizarra_region/?region=norte&ods=16"
    assert "en un proceso aparte de la aplicación (puerto 8502" in puerta.descripcion()
    assert elegir(None, "http://[fe80::1]:8501/", aparte).base == "http://[fe80::1]:8502/publico"
    # Reached over https the app sits behind a proxy that forwards its own port only: the copy under /publico/.
    detras = elegir(None, "https://pizarras.lan/presentacion", aparte)
    assert detras.base == "https://pizarras.lan/publico" and "proceso aparte" not in detras.descripcion()


@pytest.mark.parametrize(("copia", "motivo"), [
    (EstadoCopia(servida=True), "la copia estática se está publicando"),
    (EstadoCopia(servida=True, publicando=True), "la copia estática se está publicando"),
    (EstadoCopia(servida=True, error="RuntimeError: disco lleno"), "no se pudo publicar la copia estática "
                                                                   "(RuntimeError: disco lleno)"),
    (EstadoCopia(servida=False), "este servidor no sirve la copia estática"),
    (None, "este servidor no sirve la copia estática"),
])
def test_until_there_is_a_copy_the_slide_opens_the_live_board_and_says_why(copia, motivo):
    puerta = elegir(None, "http://192.168.1.20:8501/presentacion", copia)
    assert puerta.tipo == EN_VIVO and puerta.base == "http://192.168.1.20:8501"
    assert puerta.url("region", NORTE_ODS) == "http://192.168.1.20:8501/pizarra_region?region=norte&ods=16"
    assert puerta.descripcion().startswith("El público abre la pizarra en vivo en http://192.168.1.20:8501: ")
    assert motivo in puerta.descripcion()


@pytest.mark.parametrize("navegador", [None, "", "http://127.0.0.1:8501/presentacion", "http://localhost:8501/",
                                       "http://LOCALHOST:8501/", "http://[::1]:8501/", "http://127.0.1.1:8501/"])
def test_on_this_machine_only_there_is_no_door(navegador):
    assert elegir(None, navegador, LISTA) is None
    assert elegir("", navegador, None) is None


def test_which_addresses_no_phone_can_reach():
    assert solo_esta_maquina("127.0.0.1") and solo_esta_maquina("::1") and solo_esta_maquina("localhost")
    assert solo_esta_maquina(None) and solo_esta_maquina("")
    assert not solo_esta_maquina("0.0.0.0") and not solo_esta_maquina("192.168.1.20")
    assert not solo_esta_maquina("pizarras.local") and not solo_esta_maquina("fd00::2")
