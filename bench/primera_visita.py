"""A phone's first visit: the bytes and requests a fresh 390×844 browser needs to draw the national board in full.

The audience of a workshop opens the boards on their phones over the venue's wifi, each with an empty cache. The
server is already warm (someone opened the board before), so what is measured is the network: every HTTP request
and its bytes on the wire, and what the app itself sends over the websocket (the page's elements: KPIs, figures,
the table). Every connection goes through a counting TCP relay, so the websocket's bytes are counted as sent,
compressed or not. The same context then reloads the page: what a second visit costs with the browser's cache.
"""

from __future__ import annotations

import asyncio
import threading
import urllib.request
from collections import Counter
from pathlib import Path

from bench.arranque import RENDER_COMPLETO, lanzar_navegador
from bench.estadistica import resumen
from bench.servidor import lanzar, puerto_libre

# A phone as the server sees it too: its User-Agent is what makes the boards keep their long tables for a tap.
AGENTE_TELEFONO = ("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                   "Chrome/131.0.0.0 Mobile Safari/537.36")
TELEFONO = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "es-MX",
            "user_agent": AGENTE_TELEFONO}
RECURSOS_MAYORES = 6


class Relevo:
    """A TCP relay on a free loopback port to `puerto`, counting the bytes that go to the browser."""

    def __init__(self, puerto: int) -> None:
        self.destino = puerto
        self.puerto = puerto_libre()
        self.bytes_al_navegador = 0
        self._bucle = asyncio.new_event_loop()
        self._listo = threading.Event()
        self._hilo = threading.Thread(target=self._correr, daemon=True)

    async def _copiar(self, lector, escritor, contar: bool) -> None:
        try:
            while datos := await lector.read(65536):
                if contar:
                    self.bytes_al_navegador += len(datos)
                escritor.write(datos)
                await escritor.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            escritor.close()

    async def _atender(self, lector_cliente, escritor_cliente) -> None:
        lector_servidor, escritor_servidor = await asyncio.open_connection("127.0.0.1", self.destino)
        await asyncio.gather(self._copiar(lector_cliente, escritor_servidor, False),
                             self._copiar(lector_servidor, escritor_cliente, True))

    def _correr(self) -> None:
        asyncio.set_event_loop(self._bucle)
        servidor = self._bucle.run_until_complete(asyncio.start_server(self._atender, "127.0.0.1", self.puerto))
        self._listo.set()
        try:
            self._bucle.run_forever()
        finally:
            servidor.close()
            pendientes = asyncio.all_tasks(self._bucle)  # connections the browser left open
            for tarea in pendientes:
                tarea.cancel()
            self._bucle.run_until_complete(asyncio.gather(*pendientes, return_exceptions=True))
            self._bucle.close()

    def __enter__(self) -> Relevo:
        self._hilo.start()
        self._listo.wait(10)
        return self

    def __exit__(self, *_) -> None:
        self._bucle.call_soon_threadsafe(self._bucle.stop)
        self._hilo.join(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.puerto}"


def _tipo(url: str, tipo_cdp: str) -> str:
    return {"Script": "JavaScript", "Font": "fuentes", "Stylesheet": "CSS", "Document": "documento",
            "Image": "imágenes"}.get(tipo_cdp, "otros")


def _una_visita(contexto, pagina, url: str, limite_s: float) -> dict:
    """Load `url` in `pagina` until the board is drawn in full; what the network carried meanwhile."""
    cdp = contexto.new_cdp_session(pagina)
    cdp.send("Network.enable")
    urls, tipos, tamanos, de_cache, ws = {}, {}, {}, set(), [0, 0]
    cdp.on("Network.requestWillBeSent", lambda e: urls.setdefault(e["requestId"], e["request"]["url"]))
    cdp.on("Network.requestServedFromCache", lambda e: de_cache.add(e["requestId"]))

    def respuesta(e) -> None:
        tipos[e["requestId"]] = e["type"]
        if e["response"].get("fromDiskCache") or e["response"].get("fromPrefetchCache"):
            de_cache.add(e["requestId"])

    cdp.on("Network.responseReceived", respuesta)
    cdp.on("Network.loadingFinished", lambda e: tamanos.__setitem__(e["requestId"], e["encodedDataLength"]))

    def marco(e) -> None:
        carga = e["response"]["payloadData"]
        ws[0] += 1
        ws[1] += len(carga) * 3 // 4 if e["response"]["opcode"] == 2 else len(carga.encode())  # binary is base64

    cdp.on("Network.webSocketFrameReceived", marco)
    pagina.goto(url, wait_until="commit")
    pagina.wait_for_function(RENDER_COMPLETO, timeout=limite_s * 1000, polling=100)
    pagina.wait_for_load_state("networkidle", timeout=limite_s * 1000)
    cdp.detach()
    por_tipo: dict[str, list[int]] = {}
    for rid, direccion in urls.items():
        cuenta = por_tipo.setdefault(_tipo(direccion, tipos.get(rid, "")), [0, 0])
        cuenta[0] += 1
        cuenta[1] += tamanos.get(rid, 0)
    repetidas = {u: n for u, n in Counter(urls.values()).items() if n > 1}
    mayores = sorted(((tamanos.get(rid, 0), u) for rid, u in urls.items()), reverse=True)[:RECURSOS_MAYORES]
    return {"peticiones": len(set(urls) - de_cache), "de_cache": len(de_cache & set(urls)), "bytes_http": sum(tamanos.values()), "mensajes_ws": ws[0],
            "bytes_ws": ws[1], "por_tipo": {t: {"peticiones": n, "bytes": b} for t, (n, b) in por_tipo.items()},
            "repetidas": repetidas, "mayores": [{"url": u.split("/", 3)[-1], "bytes": b} for b, u in mayores],
            "urls": sorted(set(urls.values()))}


def _estaticos(urls: list[str]) -> tuple[int, int]:
    """Bytes of the frontend's static files as they are, and as the server sends them to a browser that accepts
    gzip (`pizarras/web/compresion.py` under `servidor.py`; Streamlit alone sends them uncompressed)."""
    originales = servidos = 0
    for url in urls:
        if "/static/" not in url:
            continue
        for encabezados in ({}, {"Accept-Encoding": "gzip"}):
            with urllib.request.urlopen(urllib.request.Request(url, headers=encabezados), timeout=30) as respuesta:
                cuerpo = respuesta.read()
            if encabezados:
                servidos += len(cuerpo)
            else:
                originales += len(cuerpo)
    return originales, servidos


def primera_visita(db: Path, carpeta: Path, repeticiones: int, opciones: dict | None = None,
                   entrada: str = "servidor.py", limite_s: float = 120, aviso=print) -> dict:
    """Median bytes and requests of a phone's first visit (and of a second one) to the national board, served by
    `streamlit run <entrada>` with extra config `opciones`."""
    from playwright.sync_api import sync_playwright

    visitas, segundas, cable, errores = [], [], [], []
    servidor = lanzar(db, carpeta, opciones, entrada)
    try:
        servidor.esperar_salud()
        with sync_playwright() as p, Relevo(servidor.puerto) as relevo:
            navegador = lanzar_navegador(p)
            try:
                for vuelta in range(repeticiones + 1):  # the first one warms the server's caches
                    contexto = navegador.new_context(**TELEFONO)
                    try:
                        pagina = contexto.new_page()
                        antes = relevo.bytes_al_navegador
                        visita = _una_visita(contexto, pagina, relevo.url, limite_s)
                        en_cable = relevo.bytes_al_navegador - antes
                        segunda = _una_visita(contexto, pagina, relevo.url, limite_s)
                        if vuelta:
                            visitas.append(visita)
                            cable.append(en_cable)
                            segundas.append(segunda)
                    except Exception as error:  # a timeout is a result, not a crash of the bench
                        errores.append(f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")
                    finally:
                        contexto.close()
                urls_estaticas = [u.replace(relevo.url, servidor.url) for u in (visitas[-1]["urls"] if visitas else [])]
                estaticos, servidos = _estaticos(urls_estaticas)
            finally:
                navegador.close()
    finally:
        servidor.detener()
    if not visitas:
        return {"errores": errores}
    ultima = visitas[-1]
    resultado = {
        "ventana": f"{TELEFONO['viewport']['width']}×{TELEFONO['viewport']['height']}",
        "peticiones": resumen([v["peticiones"] for v in visitas]),
        "bytes_http": resumen([v["bytes_http"] for v in visitas]),
        "bytes_ws": resumen([v["bytes_ws"] for v in visitas]),
        "mensajes_ws": ultima["mensajes_ws"],
        "bytes_en_cable": resumen(cable),
        "repetidas": ultima["repetidas"],
        "por_tipo": ultima["por_tipo"],
        "mayores": ultima["mayores"],
        "segunda_visita": {"peticiones": resumen([v["peticiones"] for v in segundas]),
                           "de_cache": resumen([v["de_cache"] for v in segundas]),
                           "bytes_http": resumen([v["bytes_http"] for v in segundas]),
                           "bytes_ws": resumen([v["bytes_ws"] for v in segundas])},
        "estaticos_bytes": estaticos,
        "estaticos_servidos_bytes": servidos,
        "entrada": entrada,
        "opciones": opciones or {},
        "errores": errores,
    }
    aviso(f"  primera visita ({resultado['ventana']}, {entrada}{', ' + str(opciones) if opciones else ''}): "
          f"{resultado['peticiones']['mediana']:.0f} peticiones, {resultado['bytes_http']['mediana'] / 2**20:.2f} MB "
          f"HTTP, {resultado['bytes_ws']['mediana'] / 2**10:.0f} KB por websocket, "
          f"{resultado['bytes_en_cable']['mediana'] / 2**20:.2f} MB en el cable")
    return resultado
