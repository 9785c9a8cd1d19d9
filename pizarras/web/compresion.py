"""The frontend's static files sent gzip-compressed, each compressed once per process.

Streamlit serves its own JavaScript uncompressed on purpose: compressing on every request would cost the server CPU
each time a browser arrives. A workshop's audience, though, opens the boards on phones over a venue's wifi, where
the 8.7 MB of a first visit matter more than anything else (`bench/results.md`, «Primera visita»). The files under
`/static/` are content-hashed and immutable, so each one is compressed once — in a worker thread, never on the
event loop, and once even when a room of phones asks for it at the same moment — and the same bytes go to every
browser afterwards. Anything else (the page, the websocket, uploads, fonts and images) passes through untouched.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path

import anyio.to_thread

PREFIJO = "/static/"
# Text compresses to a quarter or less; fonts (woff2) and images are already compressed.
COMPRIMIBLES = frozenset({".js", ".mjs", ".css", ".json", ".map", ".svg", ".txt", ".wasm"})
TAMANO_MINIMO = 1024
NIVEL = 9  # paid once per file and process, so the smallest output wins
CACHE_INMUTABLE = "public, immutable, max-age=31536000"
TIPOS = {".js": "text/javascript", ".mjs": "text/javascript", ".map": "application/json",
         ".wasm": "application/wasm"}


@dataclass(frozen=True, slots=True)
class _Comprimido:
    cuerpo: bytes
    etiqueta: str  # the ETag: of the original's content, marked as the gzip variant
    tipo: str


class EstaticosComprimidos:
    """ASGI middleware: a GET/HEAD under `/static/` for a text file in `raiz`, from a browser that accepts gzip, is
    answered with that file compressed (and cached); every other request goes to `app` unchanged."""

    def __init__(self, app, raiz: Path | str) -> None:
        self.app = app
        self.raiz = Path(raiz).resolve()
        self._hechos: dict[str, _Comprimido] = {}
        self._candados: dict[str, threading.Lock] = {}
        self._candado = threading.Lock()

    async def __call__(self, scope, receive, send) -> None:
        archivo = self._archivo(scope) if scope["type"] == "http" else None
        if archivo is None:
            await self.app(scope, receive, send)
            return
        comprimido = self._hechos.get(str(archivo)) or await anyio.to_thread.run_sync(self._comprimir, archivo)
        encabezados = [(b"content-type", comprimido.tipo.encode()), (b"content-encoding", b"gzip"),
                       (b"vary", b"Accept-Encoding"), (b"cache-control", CACHE_INMUTABLE.encode()),
                       (b"etag", comprimido.etiqueta.encode())]
        if comprimido.etiqueta in _etiquetas(_encabezado(scope, b"if-none-match")):
            await send({"type": "http.response.start", "status": 304, "headers": encabezados})
            await send({"type": "http.response.body", "body": b""})
            return
        encabezados.append((b"content-length", str(len(comprimido.cuerpo)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": encabezados})
        cuerpo = comprimido.cuerpo if scope["method"] == "GET" else b""
        await send({"type": "http.response.body", "body": cuerpo})

    def _archivo(self, scope) -> Path | None:
        """The file a request asks for, when this middleware answers it; None to let the app answer."""
        ruta: str = scope.get("path", "")
        if scope.get("method") not in ("GET", "HEAD") or not ruta.startswith(PREFIJO):
            return None
        if not acepta_gzip(_encabezado(scope, b"accept-encoding")):
            return None
        relativa = ruta.lstrip("/")
        if "\\" in relativa or any(parte in ("", ".", "..") for parte in relativa.split("/")):
            return None  # the app's own path checks answer odd paths (and 400 them)
        archivo = (self.raiz / relativa).resolve()
        if not archivo.is_relative_to(self.raiz) or archivo.suffix.lower() not in COMPRIMIBLES:
            return None
        try:
            if not archivo.is_file() or archivo.stat().st_size < TAMANO_MINIMO:
                return None
        except OSError:
            return None
        return archivo

    def _comprimir(self, archivo: Path) -> _Comprimido:
        clave = str(archivo)
        with self._candado:
            candado = self._candados.setdefault(clave, threading.Lock())
        with candado:  # a second request for the same file waits for the first one's work
            if (hecho := self._hechos.get(clave)) is not None:
                return hecho
            original = archivo.read_bytes()
            tipo = (TIPOS.get(archivo.suffix.lower()) or mimetypes.guess_type(archivo.name)[0]
                    or "application/octet-stream")
            if tipo.startswith("text/") or tipo in ("application/json", "image/svg+xml"):
                tipo += "; charset=utf-8"
            etiqueta = f'"{hashlib.blake2b(original, digest_size=12).hexdigest()}-gz"'
            hecho = _Comprimido(gzip.compress(original, compresslevel=NIVEL, mtime=0), etiqueta, tipo)
            self._hechos[clave] = hecho
            return hecho


def calidades_de_codificacion(accept_encoding: str) -> dict[str, float]:
    """Each content coding an Accept-Encoding header names, with its q value (1 unless told; unreadable: 0)."""
    calidades: dict[str, float] = {}
    for parte in accept_encoding.split(","):
        nombre, *parametros = (trozo.strip() for trozo in parte.split(";"))
        calidad = 1.0
        for parametro in parametros:
            clave, _, valor = parametro.partition("=")
            if clave.strip().lower() == "q":
                try:
                    calidad = float(valor)
                except ValueError:
                    calidad = 0.0
        if nombre:
            calidades[nombre.lower()] = calidad
    return calidades


def acepta_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header admits gzip (`gzip`, `*`, not with q=0)."""
    calidades = calidades_de_codificacion(accept_encoding)
    return calidades.get("gzip", calidades.get("x-gzip", calidades.get("*", 0.0))) > 0


def _etiquetas(if_none_match: str) -> set[str]:
    return {etiqueta.strip().removeprefix("W/") for etiqueta in if_none_match.split(",")}


def _encabezado(scope, nombre: bytes) -> str:
    return ", ".join(valor.decode("latin-1") for clave, valor in scope.get("headers", ()) if clave.lower() == nombre)
