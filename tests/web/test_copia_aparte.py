"""The static copy's own process (pizarras.web.copia_aparte): the ports it tries, a real child serving a folder
under /publico/ with the port known at once, a taken port, the child's lower priority, and no child left behind
when the server that started it dies."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import psutil
import pytest

from pizarras.web.copia_aparte import CORTESIA, CopiaAparte, puertos_a_probar


def test_the_ports_to_try_come_from_the_environment_or_follow_the_apps():
    assert puertos_a_probar(8501, None) == [8502, 0]
    assert puertos_a_probar(8501, "  ") == [8502, 0]
    assert puertos_a_probar(8501, "9000") == [9000]
    assert puertos_a_probar(8501, "0") == [] and puertos_a_probar(8501, "NO") == []
    for malo in ("abc", "70000", "-1", "85 01"):
        with pytest.raises(ValueError, match="PIZARRAS_PUERTO_COPIA debe ser un número de puerto"):
            puertos_a_probar(8501, malo)


@pytest.fixture()
def sitio(tmp_path):
    (tmp_path / "sitio" / "pizarra_nacional").mkdir(parents=True)
    (tmp_path / "sitio" / "pizarra_nacional" / "index.html").write_text("<!DOCTYPE html><p>Norte</p>", "utf-8")
    return tmp_path / "sitio"


def _pedir(url: str, limite_s: float = 20.0):
    """The response to `url` once the child serves (connections made earlier wait in the socket's backlog)."""
    try:
        return urllib.request.urlopen(url, timeout=limite_s)
    except urllib.error.HTTPError as respuesta:
        return respuesta


def _ocupado() -> socket.socket:
    enchufe = socket.socket()
    enchufe.bind(("127.0.0.1", 0))
    enchufe.listen()
    return enchufe


def test_a_child_serves_the_folder_under_publico_on_a_port_known_at_once(sitio):
    copia = CopiaAparte(sitio, "127.0.0.1", [0])
    assert copia.puerto is None
    copia.iniciar()
    try:
        puerto = copia.puerto
        assert puerto
        respuesta = _pedir(f"http://127.0.0.1:{puerto}/publico/pizarra_nacional/?region=norte")
        assert respuesta.status == 200 and b"Norte" in respuesta.read()
        inicio = urllib.request.Request(f"http://127.0.0.1:{puerto}/", method="HEAD")
        opener = urllib.request.build_opener(type("SinSeguir", (urllib.request.HTTPRedirectHandler,),
                                                  {"redirect_request": lambda *a, **k: None}))
        with pytest.raises(urllib.error.HTTPError) as redirigida:
            opener.open(inicio, timeout=10)
        assert redirigida.value.code == 307 and redirigida.value.headers["location"] == "/publico/"
        faltante = _pedir(f"http://127.0.0.1:{puerto}/otra")
        assert faltante.status == 404 and "No encontramos esa página" in faltante.read().decode()
        hijo = psutil.Process(copia._proceso.pid)
        assert hijo.nice() == CORTESIA  # the live app goes first
        copia.iniciar()  # once: a second call starts nothing
        assert copia._proceso.pid == hijo.pid
    finally:
        copia.detener()
    assert copia.puerto is None and copia._proceso.poll() is not None


def test_a_taken_port_falls_to_the_next_or_to_none(sitio):
    ocupado = _ocupado()
    puerto = ocupado.getsockname()[1]
    try:
        sin_puerto = CopiaAparte(sitio, "127.0.0.1", [puerto])
        sin_puerto.iniciar()
        assert sin_puerto.puerto is None and f"puertos {puerto} está libre" in sin_puerto.error
        otro = CopiaAparte(sitio, "127.0.0.1", [puerto, 0])
        otro.iniciar()
        try:
            assert otro.puerto not in (None, puerto)
            assert _pedir(f"http://127.0.0.1:{otro.puerto}/publico/pizarra_nacional/").status == 200
        finally:
            otro.detener()
    finally:
        ocupado.close()


def test_a_stopped_copy_never_starts_and_a_dead_child_has_no_port(sitio):
    parada = CopiaAparte(sitio, "127.0.0.1", [0])
    parada.detener()
    parada.iniciar()
    assert parada.puerto is None and parada._proceso is None
    copia = CopiaAparte(sitio, "127.0.0.1", [0])
    copia.iniciar()
    copia._proceso.kill()
    copia._proceso.wait(10)
    assert copia.puerto is None  # the QR codes fall back to /publico/ on the app's port


PADRE = """
import sys, time
from pathlib import Path
from pizarras.web.copia_aparte import CopiaAparte
copia = CopiaAparte(Path(sys.argv[1]), "127.0.0.1", [0])
copia.iniciar()
print(copia._proceso.pid, flush=True)
time.sleep(60)
"""


def test_the_child_exits_when_the_server_that_started_it_is_killed(sitio):
    padre = subprocess.Popen([sys.executable, "-c", PADRE, str(sitio)], stdout=subprocess.PIPE, text=True)
    try:
        hijo = psutil.Process(int(padre.stdout.readline()))
        assert hijo.is_running()
        padre.kill()  # no cleanup runs: as when the laptop's terminal is closed
        padre.wait(10)
        limite = time.monotonic() + 15
        while hijo.is_running() and hijo.status() != psutil.STATUS_ZOMBIE and time.monotonic() < limite:
            time.sleep(0.2)
        assert not hijo.is_running() or hijo.status() == psutil.STATUS_ZOMBIE
    finally:
        padre.kill()
