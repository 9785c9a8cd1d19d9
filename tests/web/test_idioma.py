"""The page in Spanish (pizarras/web/idioma.py), driven at the ASGI level in front of Streamlit's own static files
and gzip middleware — the two layers that answer the page in `make run` — with Streamlit's real index.html."""

from __future__ import annotations

import asyncio
import gzip
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import streamlit
from streamlit.web.server.starlette.starlette_gzip_middleware import SelectiveGZipMiddleware
from streamlit.web.server.starlette.starlette_static_routes import create_streamlit_static_handler

from pizarras.web.idioma import GUION, TEXTOS_DEL_FRONTEND, DocumentoEnEspanol, en_espanol

ESTATICOS = Path(streamlit.__file__).parent / "static"
INDEX = (ESTATICOS / "index.html").read_bytes()


def correr(corrutina):
    """asyncio.run on a thread of its own (the browser tests' Playwright may hold an event loop on this one)."""
    with ThreadPoolExecutor(1) as hilo:
        return hilo.submit(asyncio.run, corrutina).result()


def pedir(app, ruta: str, metodo: str = "GET", **encabezados: str) -> tuple[int, dict[str, str], bytes]:
    return correr(_pedir(app, ruta, metodo, encabezados))


async def _pedir(app, ruta, metodo, encabezados):
    scope = {"type": "http", "method": metodo, "path": ruta, "root_path": "", "query_string": b"",
             "headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in encabezados.items()]}
    mensajes, fin, pedido = [], asyncio.Event(), [False]

    async def recibir():
        # The request once; then, as a server does, the disconnect only once the answer is complete (Starlette's
        # file responses listen for it while they send).
        if not pedido[0]:
            pedido[0] = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await fin.wait()
        return {"type": "http.disconnect"}

    async def enviar(mensaje):
        mensajes.append(mensaje)
        if mensaje["type"] == "http.response.body" and not mensaje.get("more_body", False):
            fin.set()

    await app(scope, recibir, enviar)
    inicio, cuerpo = mensajes[0], b"".join(m.get("body", b"") for m in mensajes[1:])
    return inicio["status"], {k.decode(): v.decode() for k, v in inicio["headers"]}, cuerpo


@pytest.fixture
def app():
    """As servidor.py stacks them: ours outside, Streamlit's gzip (every path but `/` and `/static/`) inside."""
    return DocumentoEnEspanol(SelectiveGZipMiddleware(create_streamlit_static_handler(str(ESTATICOS), None)))


def lang(documento: bytes) -> str:
    return re.search(rb'<html\b[^>]*\blang="([^"]*)"', documento)[1].decode()


def test_streamlits_page_is_english_without_this_layer():
    # The defect this layer fixes: if a Streamlit upgrade changes it, this says so.
    assert lang(INDEX) == "en"
    assert b"<title>Streamlit</title>" in INDEX


def test_the_page_at_the_root_is_spanish(app):
    estado, encabezados, cuerpo = pedir(app, "/", accept_encoding="gzip")

    assert estado == 200
    assert "content-encoding" not in encabezados  # Streamlit never compresses `/`
    assert lang(cuerpo) == "es"
    assert b"<title>Pizarras de Avance</title>" in cuerpo
    assert GUION.encode() in cuerpo and cuerpo.index(GUION.encode()) < cuerpo.index(b"</head>")
    assert encabezados["content-length"] == str(len(cuerpo))


def test_a_page_path_served_compressed_is_spanish_and_still_compressed(app):
    estado, encabezados, cuerpo = pedir(app, "/mapa", accept_encoding="gzip")

    assert estado == 200
    assert encabezados["content-encoding"] == "gzip"  # Streamlit compressed it, and so does the answer
    documento = gzip.decompress(cuerpo)
    assert lang(documento) == "es"
    assert encabezados["content-length"] == str(len(cuerpo))
    assert documento == en_espanol(INDEX)


def test_without_gzip_a_page_path_is_spanish_too(app):
    _, encabezados, cuerpo = pedir(app, "/pizarra_region")

    assert "content-encoding" not in encabezados
    assert lang(cuerpo) == "es"


def test_the_etag_names_the_spanish_page_and_a_browsers_copy_is_revalidated(app):
    _, _, original = pedir(create_streamlit_static_handler(str(ESTATICOS), None), "/")
    _, encabezados, _ = pedir(app, "/")
    etiqueta = encabezados["etag"]

    estado, encabezados_304, cuerpo = pedir(app, "/", if_none_match=etiqueta)
    assert (estado, cuerpo) == (304, b"")
    assert encabezados_304["etag"] == etiqueta

    # A copy with Streamlit's own tag (the English page, cached before this layer existed) is sent again.
    _, streamlit_encabezados, _ = pedir(create_streamlit_static_handler(str(ESTATICOS), None), "/")
    estado, _, cuerpo = pedir(app, "/", if_none_match=streamlit_encabezados["etag"])
    assert estado == 200 and lang(cuerpo) == "es"
    assert streamlit_encabezados["etag"] != etiqueta and original == INDEX
    estado, _, cuerpo = pedir(app, "/mapa", if_modified_since=streamlit_encabezados["last-modified"])
    assert estado == 200 and lang(cuerpo) == "es"


def test_a_files_own_revalidation_is_untouched(app):
    _, encabezados, _ = pedir(app, "/favicon.png")
    assert pedir(app, "/favicon.png", if_none_match=encabezados["etag"])[0] == 304


def test_head_has_no_stale_length(app):
    estado, encabezados, cuerpo = pedir(app, "/", "HEAD")

    assert estado == 200 and cuerpo == b""
    assert "content-length" not in encabezados


@pytest.mark.parametrize("ruta", ["/favicon.png", "/manifest.json", "/static/js/no-existe.js", "/media/informe.html"])
def test_other_answers_pass_untouched(app, ruta):
    # (Streamlit answers a missing file with its page, which is the page: only /media/ — downloads — is exempt.)
    if ruta == "/static/js/no-existe.js":
        assert lang(pedir(app, ruta)[2]) == "es"
        return
    directo = pedir(SelectiveGZipMiddleware(create_streamlit_static_handler(str(ESTATICOS), None)), ruta)
    assert pedir(app, ruta) == directo


def test_only_the_frontends_document_is_rewritten():
    assert en_espanol(b"<p>Un informe</p>") is None
    assert lang(en_espanol(b'<!DOCTYPE html><html lang="en"><head></head></html>')) == "es"


def test_the_frontend_texts_it_replaces_are_the_ones_streamlit_ships():
    # A Streamlit upgrade that changes one of them would leave it in English: fail here instead.
    guiones = b"".join(p.read_bytes() for p in (ESTATICOS / "static" / "js").glob("*.js"))
    for ingles in TEXTOS_DEL_FRONTEND:
        if ingles.startswith("Press"):
            # Built as `Press ${"Ctrl" or "⌘"}+Enter to ${"submit form" or "apply"}` / `Press Enter to ${...}`.
            assert b"submit form" in guiones and b"Press Enter to ${" in guiones and b"+Enter to ${" in guiones
        else:
            assert f"`{ingles}`".encode() in guiones, ingles
