"""The frontend's document in Spanish: `<html lang="es">`, a Spanish tab title before the app sets its own, and
Spanish text for the few fixed English strings of Streamlit's frame that no Python option reaches.

Streamlit serves one `index.html` for every page (`/`, `/mapa`, …) with `<html lang="en">` and no option to change
it, so screen readers read the boards with English rules and audits flag it. This ASGI layer, in front of
Streamlit's own server (`servidor.py`), rewrites that document on its way out — also when Streamlit sends it
gzip-compressed (it compresses the page on every path but `/`) — and leaves every other response untouched.

The small script it adds gives Spanish text to the skip link («Skip to main content», the first Tab stop of every
page) and to the text boxes' hint «Press Enter to submit form» / «Press Enter to apply»: both are fixed strings of
the frontend, replaced in place when they appear. The rest that stays in English is listed in the README
(«Textos de Streamlit que quedan en inglés»).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re

IDIOMA = "es"
TITULO = "Pizarras de Avance"
# The frontend's fixed texts (Streamlit 1.67) and ours. Exact text nodes: anything else is left as it is.
TEXTOS_DEL_FRONTEND = {
    "Skip to main content": "Saltar al contenido principal",
    "Press Enter to submit form": "Pulse Intro para enviar el formulario",
    "Press Enter to apply": "Pulse Intro para aplicar",
    "Press Ctrl+Enter to submit form": "Pulse Ctrl+Intro para enviar el formulario",
    "Press Ctrl+Enter to apply": "Pulse Ctrl+Intro para aplicar",
    "Press ⌘+Enter to submit form": "Pulse ⌘+Intro para enviar el formulario",
    "Press ⌘+Enter to apply": "Pulse ⌘+Intro para aplicar",
}
# Each text node the page adds is looked up once (charts' SVG subtrees are skipped); React keeps a fixed string's
# node as it is, so a replaced text stays replaced.
GUION = """<script>(() => {
  const textos = %s;
  const cambiar = (nodo) => { const nuevo = textos[nodo.nodeValue]; if (nuevo !== undefined) nodo.nodeValue = nuevo; };
  const recorrer = (raiz) => {
    if (raiz.nodeType === Node.TEXT_NODE) { cambiar(raiz); return; }
    if (raiz.nodeType !== Node.ELEMENT_NODE || raiz instanceof SVGElement) return;
    const caminante = document.createTreeWalker(raiz, NodeFilter.SHOW_TEXT);
    while (caminante.nextNode()) cambiar(caminante.currentNode);
  };
  new MutationObserver((cambios) => {
    for (const c of cambios) {
      if (c.type === "characterData") cambiar(c.target); else c.addedNodes.forEach(recorrer);
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
})();</script>""" % json.dumps(TEXTOS_DEL_FRONTEND, ensure_ascii=False)

_LANG = re.compile(rb'(<html\b[^>]*?\blang=")[^"]*(")', re.IGNORECASE)
_TITULO = re.compile(rb"<title>[^<]*</title>", re.IGNORECASE)
_FIN_HEAD = re.compile(rb"</head>", re.IGNORECASE)
# The ETag of a rewritten page names this rewrite too, so a browser's copy is revalidated when the rewrite changes.
SUFIJO_ETAG = "-" + IDIOMA + hashlib.blake2b(GUION.encode() + TITULO.encode(), digest_size=4).hexdigest()
NO_SE_TOCAN = ("/media/", "/_stcore/", "/component/")  # downloads and the app's own data are not the page


def en_espanol(documento: bytes) -> bytes | None:
    """The frontend's `index.html` with lang="es", the Spanish title and the script; None if it is not that page."""
    nuevo, cambios = _LANG.subn(lambda m: m[1] + IDIOMA.encode() + m[2], documento, count=1)
    if not cambios:
        return None
    nuevo = _TITULO.sub(lambda _: f"<title>{TITULO}</title>".encode(), nuevo, count=1)
    return _FIN_HEAD.sub(lambda m: GUION.encode() + m[0], nuevo, count=1)


class DocumentoEnEspanol:
    """ASGI middleware: an HTML page answered by `app` leaves with `en_espanol` applied (decompressed and compressed
    again if it was gzip-compressed), with its length and ETag adjusted; everything else passes untouched."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith(NO_SE_TOCAN):
            await self.app(scope, receive, send)
            return
        scope, pidio_la_nuestra = _condiciones_para_streamlit(scope)
        inicio: dict | None = None
        partes: list[bytes] = []

        async def enviar(mensaje) -> None:
            nonlocal inicio
            if mensaje["type"] == "http.response.start":
                encabezados = dict((k.lower(), v) for k, v in mensaje.get("headers", ()))
                es_html = encabezados.get(b"content-type", b"").lower().startswith(b"text/html")
                if mensaje["status"] == 304 and pidio_la_nuestra:
                    mensaje = {**mensaje, "headers": _con_etag(mensaje.get("headers", ()))}
                if not es_html or mensaje["status"] != 200:
                    await send(mensaje)
                    return
                inicio = mensaje  # held until the whole body is here
                return
            if inicio is None or mensaje["type"] != "http.response.body":
                await send(mensaje)
                return
            partes.append(mensaje.get("body", b""))
            if mensaje.get("more_body", False):
                return
            await _enviar_reescrito(send, inicio, b"".join(partes), scope.get("method") == "HEAD")

        await self.app(scope, receive, enviar)


async def _enviar_reescrito(send, inicio: dict, cuerpo: bytes, es_head: bool) -> None:
    encabezados = list(inicio.get("headers", ()))
    comprimido = any(k.lower() == b"content-encoding" and v.strip().lower() == b"gzip" for k, v in encabezados)
    nuevo = None
    if cuerpo:
        try:
            nuevo = en_espanol(gzip.decompress(cuerpo) if comprimido else cuerpo)
        except (OSError, EOFError):  # not gzip after all: send it as it came
            nuevo = None
    if nuevo is not None:
        cuerpo = gzip.compress(nuevo, mtime=0) if comprimido else nuevo
        encabezados = [(k, v) for k, v in _con_etag(encabezados) if k.lower() != b"content-length"]
        encabezados.append((b"content-length", str(len(cuerpo)).encode()))
    elif es_head:  # the length of a rewritten page is not known without its body
        encabezados = [(k, v) for k, v in _con_etag(encabezados) if k.lower() != b"content-length"]
    await send({**inicio, "headers": encabezados})
    await send({"type": "http.response.body", "body": cuerpo, "more_body": False})


def _con_etag(encabezados) -> list[tuple[bytes, bytes]]:
    """The headers with the ETag marked as the Spanish document's (`"abc"` → `"abc-es1a2b3c4d"`)."""
    salida = []
    for clave, valor in encabezados:
        if clave.lower() == b"etag" and valor.endswith(b'"'):
            valor = valor[:-1] + SUFIJO_ETAG.encode() + b'"'
        salida.append((clave, valor))
    return salida


def _condiciones_para_streamlit(scope) -> tuple[dict, bool]:
    """The request as Streamlit must see it, and whether it asked to revalidate our page.

    A page path (`/`, `/mapa`: no file extension; Streamlit answers the document there) keeps, in If-None-Match,
    only our tags, without our mark (Streamlit compares them with its own); its If-Modified-Since goes, so a copy of
    the English page cached before this layer, or of an older rewrite, is sent again rather than confirmed."""
    ruta: str = scope.get("path", "")
    if "." in ruta.rsplit("/", 1)[-1]:
        return scope, False
    marca = SUFIJO_ETAG.encode() + b'"'
    encabezados, nuestras = [], False
    for clave, valor in scope.get("headers", ()):
        nombre = clave.lower()
        if nombre == b"if-modified-since":
            continue
        if nombre == b"if-none-match":
            etiquetas = [e.strip() for e in valor.split(b",")]
            propias = [e.removesuffix(marca) + b'"' for e in etiquetas if e.endswith(marca)]
            if not propias:
                continue
            valor, nuestras = b", ".join(propias), True
        encabezados.append((clave, valor))
    return {**scope, "headers": encabezados}, nuestras
