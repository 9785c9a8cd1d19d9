"""The publication served as static files (pizarras/web/publico.py), driven at the ASGI level as a server drives it
(a percent-encoded path arrives decoded). starlette's TestClient needs httpx, which the project does not install."""

from __future__ import annotations

import asyncio
import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote

import pytest

from pizarras.web import publico
from pizarras.web.publico import ConSitioPublico, SitioPublico, codificaciones_aceptadas

DATOS = ('{"region": "norte", "actividades": 12}\n' * 200).encode()
PAGINA = ('<!DOCTYPE html><html lang="es"><head><title>Pizarra nacional</title></head><body>'
          + "<p>Avance</p>" * 200 + "</body></html>").encode()


def correr(corrutina):
    """asyncio.run on a thread of its own (in the full suite Playwright keeps a loop on the main thread)."""
    with ThreadPoolExecutor(1) as hilo:
        return hilo.submit(asyncio.run, corrutina).result()


def pedir(app, ruta: str, metodo: str = "GET", **encabezados: str) -> tuple[int, dict[str, str], bytes]:
    """One request as uvicorn hands it to the app: the path percent-decoded, the query string apart."""
    ruta, _, consulta = ruta.partition("?")
    return correr(_pedir(app, unquote(ruta), consulta.encode(), metodo, encabezados))


async def _pedir(app, ruta, consulta, metodo, encabezados):
    scope = {"type": "http", "method": metodo, "path": ruta, "root_path": "", "query_string": consulta,
             "scheme": "http", "server": ("127.0.0.1", 8501),
             "headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in encabezados.items()]}
    mensajes = []
    terminada = asyncio.Event()
    pedida = False

    async def recibir():
        nonlocal pedida
        if not pedida:
            pedida = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await terminada.wait()  # then the client goes away, as a browser does once the response is whole
        return {"type": "http.disconnect"}

    async def enviar(mensaje):
        mensajes.append(mensaje)
        if mensaje["type"] == "http.response.body" and not mensaje.get("more_body", False):
            terminada.set()

    await app(scope, recibir, enviar)
    inicio = mensajes[0]
    cuerpo = b"".join(m.get("body", b"") for m in mensajes[1:])
    return inicio["status"], {k.decode(): v.decode() for k, v in inicio["headers"]}, cuerpo


def escribir_sitio(carpeta, marca: str = "A"):
    """A small publication as `publicar` lays it out: an index, one folder per app page, data with siblings."""
    (carpeta / "pizarra_region").mkdir(parents=True)
    (carpeta / "datos").mkdir()
    (carpeta / "vacia").mkdir()
    (carpeta / "index.html").write_text(f"<!DOCTYPE html><html lang='es'><body>Inicio {marca}</body></html>")
    (carpeta / "pizarra_region" / "index.html").write_bytes(PAGINA.replace(b"Avance", f"Avance {marca}".encode()))
    (carpeta / "pizarra_region" / "index.html.gz").write_bytes(
        gzip.compress(PAGINA.replace(b"Avance", f"Avance {marca}".encode())))
    (carpeta / "datos" / "region.json").write_bytes(DATOS)
    (carpeta / "datos" / "region.json.gz").write_bytes(gzip.compress(DATOS))
    # No brotli library is installed: a stand-in body, told apart from the gzip one by the test.
    (carpeta / "datos" / "region.json.br").write_bytes(b"BROTLI:" + DATOS[:100])
    (carpeta / "datos" / "solo.csv.gz").write_bytes(gzip.compress(b"a,b\n1,2\n"))
    (carpeta / "datos" / "app.3f2a9c1b.js").write_text("var pizarra = 1;")
    (carpeta / ".pizarras-publicacion").write_text("2026-12-05T10:00:00\n")
    return carpeta


@pytest.fixture
def sitio(tmp_path):
    return escribir_sitio(tmp_path / "sitio")


@pytest.fixture
def app(sitio):
    return SitioPublico(sitio)


def test_a_folder_answers_its_index_and_a_page_says_what_it_is(app):
    estado, encabezados, cuerpo = pedir(app, "/")
    assert (estado, cuerpo) == (200, b"<!DOCTYPE html><html lang='es'><body>Inicio A</body></html>")
    assert encabezados["content-type"] == "text/html; charset=utf-8"
    assert encabezados["content-length"] == str(len(cuerpo))
    assert encabezados["cache-control"] == "no-cache"
    estado, encabezados, cuerpo = pedir(app, "/pizarra_region/?region=norte")
    assert estado == 200 and b"Avance A" in cuerpo and "content-encoding" not in encabezados


def test_a_folder_without_its_slash_redirects_and_keeps_the_query_string(app):
    estado, encabezados, _ = pedir(app, "/pizarra_region?region=norte&ods=16")
    assert estado == 307
    assert encabezados["location"] == "/pizarra_region/?region=norte&ods=16"
    assert pedir(app, "/pizarra_region")[1]["location"] == "/pizarra_region/"


def test_under_its_prefix_the_site_redirects_inside_the_prefix_and_the_rest_goes_to_the_app(sitio):
    pedidas = []

    async def interior(scope, receive, send):
        await send({"type": "http.response.start", "status": 418, "headers": []})
        await send({"type": "http.response.body", "body": scope["path"].encode()})

    app = ConSitioPublico(interior, SitioPublico(sitio), "/publico", al_pedir=lambda: pedidas.append(1))
    estado, encabezados, _ = pedir(app, "/publico/pizarra_region?region=norte&ods=16")
    assert (estado, encabezados["location"]) == (307, "/publico/pizarra_region/?region=norte&ods=16")
    assert pedir(app, "/publico")[1]["location"] == "/publico/"
    assert b"Inicio A" in pedir(app, "/publico/")[2]
    estado, _, cuerpo = pedir(app, "/publico/pizarra_region/?region=norte")
    assert estado == 200 and b"Avance A" in cuerpo
    assert pedir(app, "/pizarra_region") == (418, {}, b"/pizarra_region")  # the live app's page
    assert pedir(app, "/publicoX/") == (418, {}, b"/publicoX/")
    assert len(pedidas) == 4
    estado, _, cuerpo = pedir(app, "/publico/no-existe")
    assert estado == 404 and b'href="/publico/"' in cuerpo


@pytest.mark.parametrize(("acepta", "codificacion"), [
    ("gzip, deflate, br, zstd", "br"),
    ("gzip", "gzip"),
    ("br;q=0, gzip;q=0.8", "gzip"),
    ("*", "br"),
    ("", None),
    ("identity", None),
    ("gzip;q=0, br;q=0", None),
])
def test_the_precompressed_sibling_the_browser_accepts_goes_out_as_the_resource_it_encodes(app, acepta, codificacion):
    estado, encabezados, cuerpo = pedir(app, "/datos/region.json", accept_encoding=acepta)
    assert estado == 200
    assert encabezados["content-type"] == "application/json"  # never application/gzip
    assert encabezados["content-length"] == str(len(cuerpo))
    assert "Accept-Encoding" in encabezados["vary"]
    assert encabezados.get("content-encoding") == codificacion
    esperado = {"br": b"BROTLI:" + DATOS[:100], "gzip": gzip.compress(DATOS), None: DATOS}[codificacion]
    assert (gzip.decompress(cuerpo) if codificacion == "gzip" else cuerpo) == (
        DATOS if codificacion == "gzip" else esperado)


def test_each_variant_has_its_own_etag_and_a_matching_one_is_a_304(app):
    etiquetas = {}
    for acepta in ("br", "gzip", ""):
        _, encabezados, _ = pedir(app, "/datos/region.json", accept_encoding=acepta)
        etiquetas[acepta] = encabezados["etag"]
    assert len(set(etiquetas.values())) == 3
    estado, encabezados, cuerpo = pedir(app, "/datos/region.json", accept_encoding="gzip",
                                        if_none_match=etiquetas["gzip"])
    assert (estado, cuerpo) == (304, b"")
    assert encabezados["etag"] == etiquetas["gzip"] and encabezados["cache-control"] == "public, max-age=300"
    assert pedir(app, "/datos/region.json", accept_encoding="gzip", if_none_match=f'W/{etiquetas["gzip"]}')[0] == 304
    # the browser holds the identity copy but now accepts gzip: it gets the gzip variant, whole
    estado, encabezados, cuerpo = pedir(app, "/datos/region.json", accept_encoding="gzip", if_none_match=etiquetas[""])
    assert estado == 200 and gzip.decompress(cuerpo) == DATOS
    estado, _, cuerpo = pedir(app, "/pizarra_region/", accept_encoding="gzip",
                              if_none_match=pedir(app, "/pizarra_region/", accept_encoding="gzip")[1]["etag"])
    assert (estado, cuerpo) == (304, b"")


def test_a_sibling_is_never_a_resource_but_a_lone_gzip_file_is_a_gzip_file(app):
    assert pedir(app, "/datos/region.json.gz")[0] == 404
    assert pedir(app, "/datos/region.json.br")[0] == 404
    assert pedir(app, "/pizarra_region/index.html.gz")[0] == 404
    estado, encabezados, cuerpo = pedir(app, "/datos/solo.csv.gz", accept_encoding="gzip")
    assert estado == 200 and encabezados["content-type"] == "application/gzip"
    assert "content-encoding" not in encabezados and gzip.decompress(cuerpo) == b"a,b\n1,2\n"


def test_cache_control_is_short_for_html_longer_for_data_and_a_year_for_a_hashed_name(app):
    assert pedir(app, "/pizarra_region/")[1]["cache-control"] == "no-cache"
    assert pedir(app, "/datos/region.json")[1]["cache-control"] == "public, max-age=300"
    assert pedir(app, "/datos/app.3f2a9c1b.js")[1]["cache-control"] == "public, max-age=31536000, immutable"
    assert pedir(app, "/datos/app.3f2a9c1b.js")[1]["content-type"] == "text/javascript; charset=utf-8"


@pytest.mark.parametrize("ruta", [
    "/../secreto.txt", "/%2e%2e/secreto.txt", "/%2E%2E/%2e%2e/secreto.txt", "/datos/../../secreto.txt",
    "/pizarra_region/%2e%2e%2f..%2fsecreto.txt", "/..%5csecreto.txt", "//secreto.txt", "/%2fsecreto.txt",
    "/afuera/secreto.txt", "/enlace.txt", "/.pizarras-publicacion", "/datos/%00.json", "/" + "a" * 5000,
    "/etc/passwd", "//etc/passwd",
])
def test_nothing_outside_the_folder_nor_hidden_is_ever_served(sitio, ruta):
    (sitio.parent / "secreto.txt").write_text("clave")
    (sitio.parent / "afuera").mkdir()
    (sitio.parent / "afuera" / "secreto.txt").write_text("clave")
    os.symlink(sitio.parent / "afuera", sitio / "afuera")  # a folder link leading out
    os.symlink(sitio.parent / "secreto.txt", sitio / "enlace.txt")  # a file link leading out
    estado, encabezados, cuerpo = pedir(SitioPublico(sitio), ruta)
    assert estado == 404 and b"clave" not in cuerpo
    assert 'lang="es"' in cuerpo.decode() and "No encontramos esa página" in cuerpo.decode()


def test_a_link_inside_the_folder_is_followed(sitio):
    os.symlink(sitio / "datos" / "region.json", sitio / "datos" / "alias.json")
    assert pedir(SitioPublico(sitio), "/datos/alias.json")[2] == DATOS


def test_a_folder_without_an_index_is_never_listed(app):
    estado, _, cuerpo = pedir(app, "/vacia/")
    assert estado == 404 and b"No encontramos" in cuerpo
    assert pedir(app, "/vacia")[0] == 404
    assert pedir(app, "/datos/")[0] == 404 and b"region.json" not in pedir(app, "/datos/")[2]


def test_head_post_and_no_publication_yet(app, tmp_path):
    estado, encabezados, cuerpo = pedir(app, "/datos/region.json", "HEAD", accept_encoding="gzip")
    assert (estado, cuerpo) == (200, b"")
    assert encabezados["content-length"] == str(len(gzip.compress(DATOS)))
    estado, encabezados, cuerpo = pedir(app, "/", "POST")
    assert estado == 405 and encabezados["allow"] == "GET, HEAD" and "Método no permitido" in cuerpo.decode()
    estado, encabezados, cuerpo = pedir(SitioPublico(tmp_path / "todavia-no"), "/pizarra_region/")
    assert estado == 503 and encabezados["retry-after"] == "5"
    assert "aún no está lista" in cuerpo.decode() and 'http-equiv="refresh"' in cuerpo.decode()


def test_a_large_file_is_streamed_from_disk_with_its_length(sitio, monkeypatch):
    grande = DATOS * 100
    (sitio / "datos" / "grande.csv").write_bytes(grande)
    monkeypatch.setattr(publico, "LIMITE_EN_MEMORIA", 1024)
    estado, encabezados, cuerpo = pedir(SitioPublico(sitio), "/datos/grande.csv", accept_encoding="gzip")
    assert (estado, cuerpo) == (200, grande)
    assert encabezados["content-length"] == str(len(grande))
    assert encabezados["content-type"] == "text/csv; charset=utf-8"
    estado, encabezados, cuerpo = pedir(SitioPublico(sitio), "/datos/grande.csv", range="bytes=0-9")
    assert (estado, cuerpo) == (206, grande[:10])


def test_a_republication_swapped_in_is_served_from_the_next_request(tmp_path):
    """As the republisher does it (a symlink replaced) and as `publicar` does it (the folder itself replaced)."""
    escribir_sitio(tmp_path / "sitio-1", "A")
    escribir_sitio(tmp_path / "sitio-2", "B")
    os.symlink("sitio-1", tmp_path / "sitio")
    app = SitioPublico(tmp_path / "sitio")
    assert gzip.decompress(pedir(app, "/pizarra_region/", accept_encoding="gzip")[2]).count(b"Avance A") == 200
    etiqueta = pedir(app, "/datos/region.json")[1]["etag"]
    os.symlink("sitio-2", tmp_path / "nuevo")
    os.replace(tmp_path / "nuevo", tmp_path / "sitio")
    assert b"Inicio B" in pedir(app, "/")[2]
    assert gzip.decompress(pedir(app, "/pizarra_region/", accept_encoding="gzip")[2]).count(b"Avance B") == 200
    assert pedir(app, "/datos/region.json", if_none_match=etiqueta)[0] == 200  # same bytes, another publication

    escribir_sitio(tmp_path / "carpeta", "C")
    app = SitioPublico(tmp_path / "carpeta")
    assert b"Inicio C" in pedir(app, "/")[2]
    escribir_sitio(tmp_path / ".carpeta.publicando", "D")
    os.replace(tmp_path / "carpeta", tmp_path / "carpeta-vieja")
    os.replace(tmp_path / ".carpeta.publicando", tmp_path / "carpeta")
    assert b"Inicio D" in pedir(app, "/")[2]


def test_accept_encoding_parsing():
    assert codificaciones_aceptadas("gzip, deflate, br") == {"gzip", "br"}
    assert codificaciones_aceptadas("x-gzip") == {"gzip"}
    assert codificaciones_aceptadas("*;q=0.1, br;q=0") == {"gzip"}
    assert codificaciones_aceptadas("gzip;q=abc") == set()
    assert codificaciones_aceptadas("") == set()
