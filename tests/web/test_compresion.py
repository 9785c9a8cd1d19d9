"""The static files middleware (pizarras/web/compresion.py), driven at the ASGI level with a stand-in for Streamlit."""

from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor

import pytest

from pizarras.web import compresion
from pizarras.web.compresion import EstaticosComprimidos, acepta_gzip

GUION = ("function tablero(){return 'pizarra';}\n" * 400).encode()


class Interior:
    """The app behind the middleware: answers 418 and remembers what it was asked."""

    def __init__(self) -> None:
        self.rutas: list[str] = []

    async def __call__(self, scope, receive, send) -> None:
        self.rutas.append(scope["path"])
        await send({"type": "http.response.start", "status": 418, "headers": []})
        await send({"type": "http.response.body", "body": b"interior"})


def correr(corrutina):
    """asyncio.run on a thread of its own: in the full suite the browser tests' Playwright keeps an event loop
    running on the main thread, where asyncio.run refuses to start."""
    with ThreadPoolExecutor(1) as hilo:
        return hilo.submit(asyncio.run, corrutina).result()


def pedir(app, ruta: str, metodo: str = "GET", **encabezados: str) -> tuple[int, dict[str, str], bytes]:
    return correr(_pedir(app, ruta, metodo, encabezados))


async def _pedir(app, ruta, metodo, encabezados):
    scope = {"type": "http", "method": metodo, "path": ruta,
             "headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in encabezados.items()]}
    mensajes = []

    async def recibir():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def enviar(mensaje):
        mensajes.append(mensaje)

    await app(scope, recibir, enviar)
    inicio, cuerpo = mensajes[0], b"".join(m.get("body", b"") for m in mensajes[1:])
    return inicio["status"], {k.decode(): v.decode() for k, v in inicio["headers"]}, cuerpo


@pytest.fixture
def raiz(tmp_path):
    estaticos = tmp_path / "static"
    (estaticos / "static" / "js").mkdir(parents=True)
    (estaticos / "static" / "media").mkdir()
    (estaticos / "static" / "js" / "index.abc123.js").write_bytes(GUION)
    (estaticos / "static" / "js" / "corto.js").write_bytes(b"var a=1;")
    (estaticos / "static" / "media" / "letra.woff2").write_bytes(b"\x00" * 4096)
    (tmp_path / "secreto.js").write_bytes(GUION)
    return estaticos


@pytest.fixture
def app(raiz):
    return EstaticosComprimidos(Interior(), raiz)


def test_un_guion_sale_comprimido_con_sus_encabezados(app):
    estado, encabezados, cuerpo = pedir(app, "/static/js/index.abc123.js", accept_encoding="gzip, deflate, br")

    assert estado == 200
    assert gzip.decompress(cuerpo) == GUION
    assert len(cuerpo) < len(GUION) / 10
    assert encabezados["content-encoding"] == "gzip"
    assert encabezados["content-length"] == str(len(cuerpo))
    assert encabezados["content-type"].startswith("text/javascript")
    assert encabezados["vary"] == "Accept-Encoding"
    assert "immutable" in encabezados["cache-control"]
    assert app.app.rutas == []


@pytest.mark.parametrize("aceptadas", ["", "identity", "br", "gzip;q=0", "*;q=0", "gzip;q=0, deflate"])
def test_sin_gzip_aceptado_responde_streamlit(app, aceptadas):
    estado, _, cuerpo = pedir(app, "/static/js/index.abc123.js", accept_encoding=aceptadas)

    assert (estado, cuerpo) == (418, b"interior")


@pytest.mark.parametrize("ruta", [
    "/static/media/letra.woff2",      # already compressed
    "/static/js/corto.js",            # too small to gain
    "/static/js/no-existe.js",        # Streamlit answers (its index.html fallback)
    "/static/js",                     # a folder
    "/static/../secreto.js",          # outside the static folder
    "/static/js/../../../secreto.js",
    "/static//js/index.abc123.js",
    "/static/js\\..\\..\\secreto.js",
    "/",                              # the page itself
    "/_stcore/health",
])
def test_lo_demas_pasa_intacto(app, ruta):
    estado, _, cuerpo = pedir(app, ruta, accept_encoding="gzip")

    assert (estado, cuerpo) == (418, b"interior")
    assert app.app.rutas == [ruta]


def test_un_enlace_que_sale_de_la_carpeta_no_se_sirve(raiz, app):
    (raiz / "static" / "js" / "enlace.js").symlink_to(raiz.parent / "secreto.js")

    estado, _, _ = pedir(app, "/static/js/enlace.js", accept_encoding="gzip")

    assert estado == 418


def test_otros_metodos_y_el_websocket_pasan(app):
    assert pedir(app, "/static/js/index.abc123.js", "POST", accept_encoding="gzip")[0] == 418

    async def websocket():
        await app({"type": "websocket", "path": "/_stcore/stream", "headers": []}, None, _descartar)

    correr(websocket())
    assert app.app.rutas[-1] == "/_stcore/stream"


async def _descartar(_mensaje) -> None:
    pass


def test_head_da_los_encabezados_sin_cuerpo(app):
    estado, encabezados, cuerpo = pedir(app, "/static/js/index.abc123.js", "HEAD", accept_encoding="gzip")

    assert estado == 200 and cuerpo == b""
    assert int(encabezados["content-length"]) > 0


def test_la_etiqueta_conocida_responde_304(app):
    _, encabezados, _ = pedir(app, "/static/js/index.abc123.js", accept_encoding="gzip")

    estado, _, cuerpo = pedir(app, "/static/js/index.abc123.js", accept_encoding="gzip",
                              if_none_match=f'"otra", W/{encabezados["etag"]}')

    assert (estado, cuerpo) == (304, b"")


def test_cada_archivo_se_comprime_una_vez_aunque_lo_pidan_juntos(app, monkeypatch):
    llamadas = []
    original = gzip.compress
    monkeypatch.setattr(compresion.gzip, "compress", lambda *a, **k: llamadas.append(1) or original(*a, **k))

    async def sala_de_telefonos():
        return await asyncio.gather(*(_pedir(app, "/static/js/index.abc123.js", "GET", {"accept_encoding": "gzip"})
                                      for _ in range(20)))

    respuestas = correr(sala_de_telefonos())
    pedir(app, "/static/js/index.abc123.js", accept_encoding="gzip")

    assert len(llamadas) == 1
    assert {gzip.decompress(cuerpo) for _, _, cuerpo in respuestas} == {GUION}


@pytest.mark.parametrize(("encabezado", "acepta"), [
    ("gzip", True), ("GZIP", True), ("deflate, gzip;q=0.5", True), ("*", True), ("x-gzip", True),
    ("gzip;q=0", False), ("gzip; q=0.0", False), ("br, deflate", False), ("", False), ("gzip;q=nada", False),
    ("*;q=0, gzip", True),
])
def test_acepta_gzip(encabezado, acepta):
    assert acepta_gzip(encabezado) is acepta
