"""The static copy kept current (pizarras/publicacion/republicar.py) on a real fixture database: the first look
publishes, a validation republishes once, a draft or a login does not, a burst of validations is published together,
a failed publication keeps the previous copy served, and a restart finds the copy it left."""

from __future__ import annotations

import threading
import time

import pytest

from pizarras.escritura import acceso, autorreporte, revision
from pizarras.publicacion import republicar, sitio
from pizarras.publicacion.republicar import Republicador
from pizarras.web.publico import SitioPublico
from tests.apoyo.cuentas_prueba import CLAVE, como
from tests.web.test_publico import pedir

ENLACE, ADMIN = como("enlace.itei"), como("admin.snt")


class Contador:
    """The real `publicar`, counted, with when each one started; `fallar` makes the next ones fail half-way."""

    def __init__(self) -> None:
        self.inicios: list[float] = []
        self.fallar = False
        self._candado = threading.Lock()

    def __call__(self, con, destino, ahora):
        with self._candado:
            self.inicios.append(time.monotonic())
        if self.fallar:
            destino.mkdir(parents=True)
            (destino / "index.html").write_text("a medias")
            raise RuntimeError("disco lleno (simulado)")
        return sitio.publicar(con, destino, ahora)


def esperar(condicion, limite_s: float = 90.0) -> None:
    fin = time.monotonic() + limite_s
    while not condicion():
        if time.monotonic() > fin:
            raise AssertionError("no ocurrió a tiempo")
        time.sleep(0.05)


def validar_avance(con, avance: int) -> None:
    """The enlace of ITEI reports progress on activity 2 and sends it; the Secretaría Ejecutiva validates it."""
    version = con.execute("select version from actividades where id = 2").fetchone()[0]
    version = autorreporte.actualizar_actividad(con, ENLACE, 2, version, {"avance": avance}, enviar=True)
    revision.validar(con, ADMIN, [("actividades", 2, version)])


def publicados(con) -> int:
    return republicar.version_publica(con)


@pytest.fixture()
def republicador(con_escritura, tmp_path):
    contador = Contador()
    r = Republicador(lambda: con_escritura, tmp_path / "publico", intervalo_s=0.05, calma_s=1.0,
                     espera_maxima_s=60.0, reintento_s=600.0, publicar=contador)
    r.contador = contador
    yield r
    r.detener(60)


def test_the_first_look_publishes_and_the_copy_is_served(republicador):
    assert republicador.ultima is None and not republicador.sitio.exists()
    republicador.activar()
    esperar(lambda: republicador.publicaciones == 1)
    copia = republicador.ultima
    assert republicador.sitio.is_symlink() and republicador.sitio.resolve() == copia.carpeta.resolve()
    assert copia.carpeta.name.startswith("sitio-") and copia.version == 0
    estado, _, cuerpo = pedir(SitioPublico(republicador.sitio), "/pizarra_nacional/?region=norte")
    assert estado == 200 and 'lang="es"' in cuerpo.decode()
    estado = (republicador.carpeta / republicar.ESTADO).read_text()
    assert copia.carpeta.name in estado and copia.publicada.isoformat() in estado


def test_a_validation_republishes_once_and_a_draft_or_a_login_does_not(republicador, con_escritura):
    con = con_escritura
    republicador.activar()
    esperar(lambda: republicador.publicaciones == 1)
    primera = republicador.ultima

    version = con.execute("select version from actividades where id = 2").fetchone()[0]
    autorreporte.actualizar_actividad(con, ENLACE, 2, version, {"avance": 55})  # a draft: the public sees nothing
    acceso.autenticar(con, "admin.snt", CLAVE)  # a login: audited, publishes nothing
    time.sleep(republicador.calma_s + 1.0)
    assert republicador.publicaciones == 1 and len(republicador.contador.inicios) == 1

    version = con.execute("select version from actividades where id = 2").fetchone()[0]
    version = autorreporte.cambiar_revision(con, ENLACE, "actividades", 2, version, "enviar")
    revision.validar(con, ADMIN, [("actividades", 2, version)])
    esperar(lambda: republicador.publicaciones == 2)
    time.sleep(republicador.calma_s + 0.5)
    assert republicador.publicaciones == 2 and len(republicador.contador.inicios) == 2
    segunda = republicador.ultima
    assert segunda.version == publicados(con) > primera.version
    assert segunda.carpeta != primera.carpeta and primera.carpeta.is_dir()  # the previous one is kept
    assert republicador.sitio.resolve() == segunda.carpeta.resolve()


def test_a_burst_of_twenty_validations_is_published_together(republicador, con_escritura):
    con = con_escritura
    republicador.activar()
    esperar(lambda: republicador.publicaciones == 1)
    for avance in range(41, 61):  # 20 validations, a tenth of a second apart: faster than the calm it waits for
        validar_avance(con, avance)
        time.sleep(0.1)
    fin_de_la_rafaga = time.monotonic()
    ultima = publicados(con)
    esperar(lambda: republicador.ultima.version == ultima and not republicador.publicando)
    time.sleep(republicador.calma_s + 0.5)
    de_la_rafaga = republicador.contador.inicios[1:]
    assert 1 <= len(de_la_rafaga) <= 2, de_la_rafaga
    assert sum(t < fin_de_la_rafaga for t in de_la_rafaga) <= 1  # at most one, if the machine stalled mid-burst
    assert republicador.ultima.version == ultima
    copias = sorted(p.name for p in republicador.carpeta.glob("sitio-*"))
    assert len(copias) <= 2  # the current one and the previous: older ones are deleted


def test_a_failed_publication_keeps_the_previous_copy_served(republicador, con_escritura, caplog):
    con = con_escritura
    republicador.activar()
    esperar(lambda: republicador.publicaciones == 1)
    anterior = republicador.ultima
    servida = pedir(SitioPublico(republicador.sitio), "/")[2]

    republicador.contador.fallar = True
    validar_avance(con, 70)
    esperar(lambda: republicador.fallos == 1)
    assert republicador.ultima == anterior and republicador.sitio.resolve() == anterior.carpeta.resolve()
    assert pedir(SitioPublico(republicador.sitio), "/")[2] == servida
    assert sorted(p.name for p in republicador.carpeta.glob("sitio-*")) == [anterior.carpeta.name]  # no half copy
    assert "disco lleno" in republicador.ultimo_error
    assert "No se pudo publicar la copia pública" in caplog.text
    time.sleep(republicador.calma_s + 0.5)
    assert republicador.fallos == 1  # not retried in a loop: on the next change, or after reintento_s

    republicador.contador.fallar = False
    validar_avance(con, 71)
    esperar(lambda: republicador.publicaciones == 2)
    assert republicador.ultima.version == publicados(con) and republicador.ultimo_error is None
    assert pedir(SitioPublico(republicador.sitio), "/")[2] != b"a medias"


def test_a_new_server_finds_the_copy_it_left_and_clears_what_an_interruption_left(republicador, con_escritura):
    republicador.activar()
    esperar(lambda: republicador.publicaciones == 1)
    republicador.detener(60)
    resto = republicador.carpeta / ".sitio-20260101-000000-000000.publicando-1"
    resto.mkdir()
    otra = Republicador(lambda: con_escritura, republicador.carpeta, intervalo_s=0.05, calma_s=0.2,
                        publicar=republicador.contador)
    assert otra.ultima == republicador.ultima  # served as it is until the new publication is done
    otra.activar()
    esperar(lambda: otra.publicaciones == 1)
    otra.detener(60)
    assert not resto.exists()
    assert otra.ultima.publicada > republicador.ultima.publicada


def test_without_a_database_it_waits_and_says_why(tmp_path, caplog):
    def sin_base():
        raise RuntimeError("No se encontró la base de datos")

    r = Republicador(sin_base, tmp_path / "publico", intervalo_s=0.05)
    r.activar()
    esperar(lambda: r.ultimo_error is not None, 10)
    r.detener()
    assert r.publicaciones == 0 and not r.sitio.exists()
    assert caplog.text.count("No se encontró la base de datos") == 1  # said once, not at every look


def test_the_process_registry(tmp_path):
    assert republicar.en_este_proceso() is None
    r = Republicador(lambda: None, tmp_path)
    republicar.registrar(r)
    try:
        assert republicar.en_este_proceso() is r
    finally:
        republicar.registrar(None)
