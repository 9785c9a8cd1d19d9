"""A publication folder (`python -m pizarras publicar CARPETA`) served as plain static files: the presenter's own
server serves the latest one under `/publico/` (`servidor.py`), and the bench serves one alone.

Built on starlette's `StaticFiles` (its path normalisation, its containment check, its 304 logic and its
`FileResponse` for large files), with what a static host adds for this site:

- `/x/` answers `x/index.html`; `/x` redirects to `/x/` with the query string kept (`?region=norte` is the view),
  as a relative `Location`; no directory is ever listed.
- Precompressed siblings: when the browser accepts them, `X.br` (preferred) or `X.gz` is sent for `X` with
  `Content-Encoding`, the type and length of what is sent, its own ETag, and `Vary: Accept-Encoding`. A sibling is
  never a resource of its own (`/x.html.gz` is 404 when `x.html` exists), so nobody receives a gzip stream labelled
  as HTML or CSV.
- ETag / If-None-Match → 304. `Cache-Control`: HTML `no-cache` (the site is republished: every visit revalidates, a
  304 is a few hundred bytes), a file whose name carries a content hash (`app.3f2a9c1b.js`) a year and immutable,
  anything else 5 minutes.
- Only files inside the folder: `..` in any form (`%2e%2e` arrives decoded), absolute paths and symlinks that lead
  out are refused, and so is any hidden name (`.x`: the publication's marker, leftovers of an interrupted write).
  404, 405 and «no publication yet» (503) are short pages in Spanish.

Republishing swaps the whole folder (a symlink replaced with `os.replace`, or the folder itself): every request
resolves the folder again, so the new site is served from the next request on. A file up to `LIMITE_EN_MEMORIA` is
read whole from one open file and kept in memory keyed on its inode, size and mtime, so a response is one file's
bytes from one publication, and a room of phones asking for the same page costs a `stat` each.
"""

from __future__ import annotations

import hashlib
import html
import mimetypes
import os
import re
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate

import anyio.to_thread
from starlette._utils import get_route_path
from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from pizarras.web.compresion import calidades_de_codificacion

PREFIJO = "/publico"
INDICE = "index.html"
CODIFICACIONES = (("br", ".br"), ("gzip", ".gz"))  # in order of preference
SUFIJOS_DE_VARIANTE = tuple(sufijo for _, sufijo in CODIFICACIONES)
CACHE_HTML = "no-cache"
CACHE_DATOS = "public, max-age=300"
CACHE_INMUTABLE = "public, max-age=31536000, immutable"
LIMITE_EN_MEMORIA = 512 * 1024  # bytes of one file read whole and kept; larger ones are streamed from disk
MEMORIA_TOTAL = 64 * 2**20  # bytes kept in memory at most (least recently used first out)
_CON_HUELLA = re.compile(r"\.[0-9a-f]{8,}\.[A-Za-z0-9]+$")  # name.<hex hash>.ext
TIPOS = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".json": "application/json", ".geojson": "application/geo+json", ".jsonld": "application/ld+json",
    ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".map": "application/json",
    ".parquet": "application/vnd.apache.parquet", ".wasm": "application/wasm",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".woff2": "font/woff2", ".png": "image/png", ".ico": "image/x-icon",
    ".gz": "application/gzip", ".br": "application/octet-stream",
}


def tipo_de(nombre: str) -> str:
    """The Content-Type of a file by its name (never the type of what a `.gz` holds)."""
    extension = os.path.splitext(nombre)[1].lower()
    if extension in TIPOS:
        return TIPOS[extension]
    tipo, codificacion = mimetypes.guess_type(nombre)
    if tipo is None or codificacion is not None:
        return "application/octet-stream"
    return tipo + "; charset=utf-8" if tipo.startswith("text/") else tipo


def cache_de(nombre: str) -> str:
    if nombre.lower().endswith((".html", ".htm")):
        return CACHE_HTML
    return CACHE_INMUTABLE if _CON_HUELLA.search(nombre) else CACHE_DATOS


def codificaciones_aceptadas(accept_encoding: str) -> set[str]:
    """The content codings an Accept-Encoding header admits among ours (`br`, `gzip`; `*` admits both; q=0 none)."""
    calidades = calidades_de_codificacion(accept_encoding)
    comodin = calidades.get("*", 0.0)
    aceptadas = set()
    for codificacion, _ in CODIFICACIONES:
        propia = calidades.get(codificacion, calidades.get("x-gzip") if codificacion == "gzip" else None)
        if (comodin if propia is None else propia) > 0:
            aceptadas.add(codificacion)
    return aceptadas


@dataclass(frozen=True, slots=True)
class _Archivo:
    ruta: str  # its real path
    estado: os.stat_result
    tipo: str
    cache: str
    codificacion: str | None
    cuerpo: bytes | None  # the whole file when small enough (read from the same open file as `estado`)

    @property
    def etiqueta(self) -> str:
        base = f"{self.estado.st_mtime_ns}-{self.estado.st_size}-{self.estado.st_ino}"
        huella = hashlib.md5(base.encode(), usedforsecurity=False).hexdigest()
        return f'"{huella}-{self.codificacion}"' if self.codificacion else f'"{huella}"'

    def encabezados(self) -> dict[str, str]:
        salida = {"etag": self.etiqueta, "last-modified": formatdate(self.estado.st_mtime, usegmt=True),
                  "cache-control": self.cache, "vary": "Accept-Encoding", "x-content-type-options": "nosniff"}
        if self.codificacion:
            salida["content-encoding"] = self.codificacion
        return salida


class _ArchivoGrande(FileResponse):
    # Read and sent in 1 MB pieces rather than starlette's 64 KB: a piece costs a worker-thread hop and a trip
    # through the event loop, and with 1,000 phones downloading a 4.8 MB script (bench/publico.py) 64 KB pieces
    # took 2.8 times as long as 1 MB ones (256 KB: 1.5 times).
    chunk_size = 1024 * 1024


class _SinSitio(Exception):
    """The folder does not exist (nothing published yet, or a swap between its two renames)."""


class _Redirigir(Exception):
    """A folder asked for without its final slash."""


class SitioPublico(StaticFiles):
    """ASGI app: the publication in `carpeta` (a folder, or a symlink to one), resolved again on every request."""

    def __init__(self, carpeta: str | os.PathLike[str]) -> None:
        super().__init__(directory=carpeta, html=True, check_dir=False)
        self._memoria: OrderedDict[tuple, bytes] = OrderedDict()
        self._en_memoria = 0
        self._candado = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)  # a websocket is closed
            return
        respuesta = await self.get_response(self.get_path(scope), scope)
        await respuesta(scope, receive, send)

    async def get_response(self, path: str, scope: Scope) -> Response:
        if scope["method"] not in ("GET", "HEAD"):
            return pagina_de_error(405, scope, {"allow": "GET, HEAD"})
        encabezados = Headers(scope=scope)
        aceptadas = codificaciones_aceptadas(encabezados.get("accept-encoding", ""))
        try:
            archivo = await anyio.to_thread.run_sync(self._buscar, path, aceptadas, scope["path"].endswith("/"))
        except _SinSitio:
            return pagina_de_error(503, scope, {"retry-after": "5"})
        except _Redirigir:
            consulta = scope.get("query_string", b"").decode("latin-1")
            destino = scope.get("root_path", "") + get_route_path(scope) + "/" + (f"?{consulta}" if consulta else "")
            return Response(status_code=307, headers={"location": destino, "cache-control": CACHE_HTML})
        if archivo is None:
            return pagina_de_error(404, scope)
        propios = archivo.encabezados()
        if self.is_not_modified(Headers(headers=propios), encabezados):
            return NotModifiedResponse(Headers(headers=propios))
        if archivo.cuerpo is None:
            return _ArchivoGrande(archivo.ruta, stat_result=archivo.estado, media_type=archivo.tipo, headers=propios)
        cuerpo = b"" if scope["method"] == "HEAD" else archivo.cuerpo
        return Response(cuerpo, media_type=archivo.tipo,
                        headers={**propios, "content-length": str(len(archivo.cuerpo))})

    # ---------------------------------------------------------------------------------------- on a worker thread

    def _buscar(self, path: str, aceptadas: set[str], con_barra: bool) -> _Archivo | None:
        """The file answering `path` (normalised by StaticFiles.get_path), in the variant to send; None: 404."""
        if not os.path.isdir(self.directory):
            raise _SinSitio
        if any(parte.startswith(".") for parte in path.split(os.sep) if parte != "."):
            return None  # hidden names, and `..` that normpath kept (a path climbing out of the folder)
        ruta, estado = self._buscar_ruta(path)
        if estado is not None and stat.S_ISDIR(estado.st_mode):
            indice = os.path.join(path, INDICE)
            ruta, estado = self._buscar_ruta(indice)
            if estado is None or not stat.S_ISREG(estado.st_mode):
                return None  # a folder without an index: never a listing
            if not con_barra:
                raise _Redirigir
            path = indice
        if estado is None or not stat.S_ISREG(estado.st_mode):
            return None
        if path.endswith(SUFIJOS_DE_VARIANTE):
            _, original = self._buscar_ruta(path[:-3])
            if original is not None and stat.S_ISREG(original.st_mode):
                return None  # an encoding of a resource, not a resource
        nombre = os.path.basename(path)
        for codificacion, sufijo in CODIFICACIONES:
            if codificacion in aceptadas:
                ruta_variante, estado_variante = self._buscar_ruta(path + sufijo)
                if estado_variante is not None and stat.S_ISREG(estado_variante.st_mode):
                    return self._archivo(ruta_variante, estado_variante, nombre, codificacion)
        return self._archivo(ruta, estado, nombre, None)

    def _buscar_ruta(self, path: str) -> tuple[str, os.stat_result | None]:
        try:
            return self.lookup_path(path)  # realpath inside the (resolved) folder, or ("", None)
        except (OSError, ValueError):  # a name too long, a NUL byte
            return "", None

    def _archivo(self, ruta: str, estado: os.stat_result, nombre: str, codificacion: str | None) -> _Archivo | None:
        tipo, cache = tipo_de(nombre), cache_de(nombre)
        if estado.st_size > LIMITE_EN_MEMORIA:
            return _Archivo(ruta, estado, tipo, cache, codificacion, None)
        clave = (ruta, estado.st_ino, estado.st_size, estado.st_mtime_ns)
        with self._candado:
            cuerpo = self._memoria.get(clave)
            if cuerpo is not None:
                self._memoria.move_to_end(clave)
                return _Archivo(ruta, estado, tipo, cache, codificacion, cuerpo)
        try:
            with open(ruta, "rb") as archivo:
                estado = os.fstat(archivo.fileno())  # what was opened is what is described
                cuerpo = archivo.read()
        except FileNotFoundError:
            return None  # gone between the lookup and the open: a publication was swapped out meanwhile
        if len(cuerpo) != estado.st_size:
            return None  # being written in place: this folder is not a finished publication
        self._guardar((ruta, estado.st_ino, estado.st_size, estado.st_mtime_ns), cuerpo)
        return _Archivo(ruta, estado, tipo, cache, codificacion, cuerpo)

    def _guardar(self, clave: tuple, cuerpo: bytes) -> None:
        with self._candado:
            if clave in self._memoria:
                return
            self._memoria[clave] = cuerpo
            self._en_memoria += len(cuerpo)
            while self._en_memoria > MEMORIA_TOTAL and self._memoria:
                _, viejo = self._memoria.popitem(last=False)
                self._en_memoria -= len(viejo)


_ERRORES = {
    404: ("No encontramos esa página",
          "La dirección no corresponde a ninguna página de la copia publicada de las pizarras. Revise la dirección o "
          "vuelva al inicio."),
    405: ("Método no permitido", "La copia publicada solo se consulta (GET o HEAD)."),
    503: ("La copia publicada aún no está lista",
          "Las pizarras se están publicando en este equipo. Esta página se vuelve a cargar sola en unos segundos."),
}


def pagina_de_error(codigo: int, scope: Scope, encabezados: dict[str, str] | None = None) -> Response:
    """A short Spanish page for `codigo` (404, 405, 503), with a link to the site's start."""
    titulo, texto = _ERRORES[codigo]
    inicio = html.escape(scope.get("root_path", "") + "/", quote=True)
    recarga = '<meta http-equiv="refresh" content="5">' if codigo == 503 else ""
    cuerpo = (f'<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">'
              f'<meta name="viewport" content="width=device-width, initial-scale=1">{recarga}'
              f"<title>{titulo} · Pizarras de Avance</title></head>"
              f'<body style="font-family: system-ui, sans-serif; margin: 2rem; color: #111; background: #fff">'
              f"<h1>{titulo}</h1><p>{texto}</p>"
              f'<p><a href="{inicio}">Ir al inicio de las pizarras publicadas</a></p></body></html>\n')
    cuerpo = "" if scope.get("method") == "HEAD" else cuerpo
    return Response(cuerpo, status_code=codigo, media_type="text/html; charset=utf-8",
                    headers={"cache-control": "no-store", **(encabezados or {})})


class ConSitioPublico:
    """ASGI middleware: a request under `prefijo` goes to `sitio` (with `root_path` set, as a starlette Mount
    does), everything else to `app`. It sits in front of the app's own middleware, so the site's files go out as
    they are on disk: Streamlit's gzip layer would compress every uncompressed file again on each request, and its
    session layer has nothing to do with a static page. `al_pedir` runs on each request for the site (cheap: it
    starts the republisher the first time)."""

    def __init__(self, app: ASGIApp, sitio: ASGIApp, prefijo: str = PREFIJO,
                 al_pedir: Callable[[], None] | None = None) -> None:
        self.app, self.sitio, self.prefijo, self.al_pedir = app, sitio, prefijo.rstrip("/"), al_pedir

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ruta: str = scope.get("path", "") if scope["type"] in ("http", "websocket") else ""
        if ruta != self.prefijo and not ruta.startswith(self.prefijo + "/"):
            await self.app(scope, receive, send)
            return
        if self.al_pedir is not None:
            self.al_pedir()
        await self.sitio({**scope, "root_path": scope.get("root_path", "") + self.prefijo}, receive, send)
