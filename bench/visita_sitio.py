"""A first visit to the published site, measured in headless Debian Chromium: the bytes on the wire, the requests and
the time until the board is drawn. One module for the bench (section `sitio`) and the browser test
(tests/e2e/test_sitio_visita_e2e.py), so both measure the same way.

A phone (390×844, touch, a phone's User-Agent) opens the filtered national board a slide's QR carries
(`RUTA_FILTRADA`) over an emulated 4 Mbit/s link (1.5 Mbit/s up, 100 ms latency: CDP
`Network.emulateNetworkConditions`) with the cache disabled; a 1280×720 desk without throttling is the reference.
The site is served by `pizarras.web.publico` under uvicorn, which sends the precompressed copies as a static host
that compresses text would.

*Bytes on the wire*: every response's `encodedDataLength` from `Network.loadingFinished` (its headers and its body
as sent, compressed or not), plus each redirect's own. *Drawn*: `<body data-listo="1">`, which the site's renderer
sets once the board is drawn (an init script notes the moment); a page that never carries `data-listo` is drawn at
its `load` event, after following any `<meta http-equiv="refresh">` (today's app-path folders send on that way). A
page that ships `data-listo` with another value is waited for until it says "1".
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from bench.arranque import lanzar_navegador
from bench.estadistica import resumen
from bench.primera_visita import TELEFONO
from bench.servidor import ProcesoServidor, puerto_libre
from pizarras.config import RAIZ
from pizarras.publicacion.sitio import Publicacion, publicar

RUTA_FILTRADA = "pizarra_nacional/?region=norte&ods=16"
ESCRITORIO = {"viewport": {"width": 1280, "height": 720}, "locale": "es-MX"}
MBIT = 1_000_000 / 8  # bytes per second in one megabit per second, as CDP takes throughput
RED_TELEFONO = {"offline": False, "latency": 100, "downloadThroughput": 4 * MBIT, "uploadThroughput": 1.5 * MBIT,
                "connectionType": "cellular4g"}
DISPOSITIVOS = {"telefono": (TELEFONO, RED_TELEFONO), "escritorio": (ESCRITORIO, None)}
# The budget for the phone: ≤ 1 MB on the wire (goal ≤ 500 KB), drawn in ≤ 3.5 s.
PRESUPUESTO_BYTES = 2**20
META_BYTES = 500 * 2**10
PRESUPUESTO_S = 3.5
MAYORES = 6

# Notes (in page time, ms since the epoch) when the board says it is drawn and when the document loaded; runs in
# every document, so after a meta refresh the values are the final page's.
_MARCAS = """(() => {
  const listo = () => {
    if (!window.__listo && document.body && document.body.dataset.listo === '1') window.__listo = Date.now();
  };
  new MutationObserver(listo).observe(document, {subtree: true, childList: true, attributes: true,
                                                 attributeFilter: ['data-listo']});
  addEventListener('load', () => { window.__carga = Date.now(); listo(); });
})();"""
_ESTADO = """() => ({
  completo: document.readyState === 'complete' && window.__carga !== undefined,
  refresco: !!document.querySelector('meta[http-equiv="refresh" i]'),
  marcado: !!(document.body && document.body.hasAttribute('data-listo')),
  listo: window.__listo || null, carga: window.__carga || null,
  ancho: document.documentElement.scrollWidth,
})"""


# ------------------------------------------------------------------------------------------------ the network log

@dataclass
class Peticion:
    url: str
    tipo: str = ""
    estado: int | None = None
    codificacion: str = ""
    bytes: int = 0
    fallo: str | None = None


@dataclass
class RegistroDeRed:
    """The requests of one page as CDP's Network domain reports them, with their bytes on the wire."""

    origen: str
    peticiones: list[Peticion] = field(default_factory=list)
    _abiertas: dict[str, Peticion] = field(default_factory=dict)

    def conectar(self, cdp) -> None:
        cdp.on("Network.requestWillBeSent", self.enviada)
        cdp.on("Network.responseReceived", self.respuesta)
        cdp.on("Network.loadingFinished", self.terminada)
        cdp.on("Network.loadingFailed", self.fallida)

    def enviada(self, e: dict) -> None:
        url = e["request"]["url"]
        if not url.startswith(("http://", "https://")):
            return
        anterior = self._abiertas.get(e["requestId"])
        if anterior is not None and e.get("redirectResponse"):  # a redirect reuses the id: the hop ends here
            anterior.estado = e["redirectResponse"].get("status")
            anterior.bytes = int(e["redirectResponse"].get("encodedDataLength") or 0)
        peticion = Peticion(url)
        self.peticiones.append(peticion)
        self._abiertas[e["requestId"]] = peticion

    def respuesta(self, e: dict) -> None:
        if (peticion := self._abiertas.get(e["requestId"])) is None:
            return
        encabezados = {k.lower(): v for k, v in (e["response"].get("headers") or {}).items()}
        peticion.tipo = e.get("type", "")
        peticion.estado = e["response"].get("status")
        peticion.codificacion = encabezados.get("content-encoding", "")

    def terminada(self, e: dict) -> None:
        if (peticion := self._abiertas.pop(e["requestId"], None)) is not None:
            peticion.bytes = int(e["encodedDataLength"])

    def fallida(self, e: dict) -> None:
        if (peticion := self._abiertas.pop(e["requestId"], None)) is not None:
            peticion.fallo = e.get("errorText") or "falló"

    def resumen(self) -> dict:
        """Totals of what the page asked for: requests, bytes, by type and by content encoding, the largest, and
        any request to another host or that failed."""
        por_tipo: dict[str, dict] = {}
        por_codificacion: Counter = Counter()
        for p in self.peticiones:
            cuenta = por_tipo.setdefault(p.tipo or "otro", {"peticiones": 0, "bytes": 0})
            cuenta["peticiones"] += 1
            cuenta["bytes"] += p.bytes
            por_codificacion[p.codificacion or "identity"] += p.bytes
        mayores = sorted(self.peticiones, key=lambda p: -p.bytes)[:MAYORES]
        return {
            "peticiones": len(self.peticiones),
            "bytes": sum(p.bytes for p in self.peticiones),
            "por_tipo": por_tipo,
            "por_codificacion": dict(por_codificacion),
            "mayores": [{"url": self._corta(p.url), "bytes": p.bytes, "codificacion": p.codificacion}
                        for p in mayores],
            "externas": [p.url for p in self.peticiones if not p.url.startswith(self.origen)],
            "fallidas": [f"{self._corta(p.url)}: {p.fallo}" for p in self.peticiones if p.fallo]
            + [f"{self._corta(p.url)}: HTTP {p.estado}" for p in self.peticiones
               if p.estado is not None and p.estado >= 400],
            "sin_terminar": len(self._abiertas),
        }

    def _corta(self, url: str) -> str:
        if not url.startswith(self.origen):
            return url
        return url[len(self.origen):] or "/"


# ------------------------------------------------------------------------------------------------ one visit

def _estado(pagina) -> dict | None:
    from playwright.sync_api import Error

    try:
        return pagina.evaluate(_ESTADO)
    except Error:  # the document changed under the call (a refresh): ask the next one
        return None


def visita(navegador, url: str, dispositivo: dict, red: dict | None = None, limite_s: float = 60) -> dict:
    """Open `url` in a fresh context of `navegador` (`dispositivo`: Playwright context options), the cache disabled
    and the network emulated as `red` (None: not throttled); what the network carried until the page was drawn and
    quiet, and how long drawing took."""
    from urllib.parse import urlsplit

    partes = urlsplit(url)
    contexto = navegador.new_context(**dispositivo)
    try:
        contexto.add_init_script(_MARCAS)
        pagina = contexto.new_page()
        errores: list[str] = []
        pagina.on("pageerror", lambda e: errores.append(str(e)))
        cdp = contexto.new_cdp_session(pagina)
        registro = RegistroDeRed(f"{partes.scheme}://{partes.netloc}/")
        registro.conectar(cdp)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if red:
            cdp.send("Network.emulateNetworkConditions", red)
        fin = time.monotonic() + limite_s
        inicio_ms = time.time() * 1000
        pagina.goto(url, wait_until="load", timeout=limite_s * 1000)
        while not ((estado := _estado(pagina)) and estado["completo"] and not estado["refresco"]):
            if time.monotonic() > fin:
                raise TimeoutError(f"{url} no terminó de cargar en {limite_s:.0f} s")
            pagina.wait_for_timeout(25)
        # What the page still fetches once loaded (its data, say) is part of the visit.
        pagina.wait_for_load_state("networkidle", timeout=max(1.0, fin - time.monotonic()) * 1000)
        estado = _estado(pagina) or estado
        if estado["marcado"] and not estado["listo"]:
            pagina.wait_for_function("() => !!window.__listo", timeout=max(1.0, fin - time.monotonic()) * 1000)
            estado = _estado(pagina) or estado
        cdp.detach()
        final = pagina.url
    finally:
        contexto.close()
    dibujada = estado["listo"] or estado["carga"]
    return {"url": url, "url_final": final, "segundos": (dibujada - inicio_ms) / 1000,
            "segundos_carga": (estado["carga"] - inicio_ms) / 1000,
            "listo_por": "data-listo" if estado["listo"] else "load", "ancho_documento": estado["ancho"],
            "ventana": dispositivo["viewport"]["width"], "errores_js": errores, **registro.resumen()}


# ------------------------------------------------------------------------------------------------ the site, served

def publicar_sitio(db: Path, destino: Path) -> Publicacion:
    """`python -m pizarras publicar` into `destino`, from a read-only connection closed at the end."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return publicar(con, destino)
    finally:
        con.close()


@dataclass
class SitioServido(ProcesoServidor):
    """The site's static app under uvicorn."""

    def esperar(self, limite_s: float = 30) -> None:
        fin = time.monotonic() + limite_s
        while time.monotonic() < fin:
            if self.proceso.poll() is not None:
                raise RuntimeError(f"El servidor del sitio terminó con código {self.proceso.returncode}; véase "
                                   f"{self.registro}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2):
                    return
            except urllib.error.HTTPError:  # it answers (a folder with no index of its own is a 404)
                return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"El servidor del sitio no respondió en {limite_s:.0f} s; véase {self.registro}")

    def __enter__(self) -> SitioServido:
        try:
            self.esperar()
        except BaseException:
            self.detener()
            raise
        return self

    def __exit__(self, *_) -> None:
        self.detener()


# The site's own ASGI app under uvicorn, in a process of its own (the folder and port as arguments).
_SERVIDOR = """import sys
import uvicorn
from pizarras.web.publico import SitioPublico
uvicorn.run(SitioPublico(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
            access_log=False)
"""


def servir_sitio(carpeta: Path, carpeta_registro: Path, puerto: int | None = None) -> SitioServido:
    """`pizarras.web.publico` serving the publication `carpeta` under uvicorn, on 127.0.0.1 and a free port (use it
    as a context manager: it waits until the server answers and stops it at the end)."""
    puerto = puerto or puerto_libre()
    carpeta_registro.mkdir(parents=True, exist_ok=True)
    registro = carpeta_registro / f"sitio-{puerto}.log"
    with open(registro, "w") as salida:
        proceso = subprocess.Popen([sys.executable, "-c", _SERVIDOR, str(carpeta), str(puerto)], cwd=RAIZ,
                                   stdout=salida, stderr=subprocess.STDOUT)
    return SitioServido(proceso, puerto, registro)


# ------------------------------------------------------------------------------------------------ the bench

def _resumir(visitas: list[dict]) -> dict:
    ultima = visitas[-1]
    return {"bytes": resumen([v["bytes"] for v in visitas]), "peticiones": resumen([v["peticiones"] for v in visitas]),
            "segundos": resumen([v["segundos"] for v in visitas]),
            "listo_por": sorted({v["listo_por"] for v in visitas}),
            **{k: ultima[k] for k in ("ventana", "ancho_documento", "por_tipo", "por_codificacion", "mayores",
                                       "externas", "fallidas", "errores_js", "url_final")}}


def medir(db: Path, destino: Path, carpeta_registro: Path, repeticiones: int, limite_s: float = 60,
          aviso=print) -> dict:
    """Publish `db`'s site into `destino`, serve it, and open `RUTA_FILTRADA` `repeticiones` times as a phone and as
    a desk (after one visit not counted: the server's first answers)."""
    from playwright.sync_api import sync_playwright

    publicacion = publicar_sitio(db, destino)
    resultado: dict = {"ruta": RUTA_FILTRADA, "servidor": "`pizarras.web.publico` (uvicorn)",
                       "red_telefono": RED_TELEFONO, "archivos": publicacion.archivos,
                       "bytes_sitio": publicacion.bytes, "errores": []}
    with servir_sitio(publicacion.carpeta, carpeta_registro) as servidor, sync_playwright() as p:
        navegador = lanzar_navegador(p)
        try:
            url = f"{servidor.url}/{RUTA_FILTRADA}"
            for nombre, (dispositivo, red) in [("calentamiento", DISPOSITIVOS["escritorio"]), *DISPOSITIVOS.items()]:
                visitas = []
                for _ in range(1 if nombre == "calentamiento" else repeticiones):
                    try:
                        visitas.append(visita(navegador, url, dispositivo, red, limite_s))
                    except Exception as error:  # a timeout is a result, not a crash of the bench
                        resultado["errores"].append(f"{nombre}: {type(error).__name__}: "
                                                    f"{str(error).splitlines()[0][:200]}")
                if visitas and nombre != "calentamiento":
                    resultado[nombre] = r = _resumir(visitas)
                    aviso(f"  sitio, {nombre} ({r['ventana']} px{', 4 Mbit/s, 100 ms' if red else ''}): "
                          f"{r['bytes']['mediana'] / 2**10:,.0f} KB en {r['peticiones']['mediana']:.0f} peticiones, "
                          f"{r['segundos']['mediana']:.2f} s hasta {'/'.join(r['listo_por'])}")
        finally:
            navegador.close()
    return resultado
