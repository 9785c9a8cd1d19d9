"""`python -m bench --secciones publico`: the static copy under /publico/ as a room of phones gets it from the
presenter's own server while a slide changes, and the same site from the static app alone (no Streamlit).

- **The server** is `streamlit run servidor.py` on the seed database, as `make run` starts it, with the copy's
  process beside it. Its first request
  for /publico/ starts the copy's upkeep (pizarras.publicacion.republicar); the section waits for the first
  publication and times it.
- **What a phone asks for** is what Chromium asked for: one visit to `/publico/pizarra_nacional/?region=norte&ods=16`
  in a fresh phone-sized context records every request to the server, in order (the page, what it references,
  what its scripts fetch). Each client replays that list as a first visit (no cache), with the browser's own
  `Accept-Encoding` on the venue's network (`gzip, deflate`: browsers offer `br` only over https), on one keep-alive
  connection: the page first, then each file in turn. Clients are raw asyncio streams speaking HTTP/1.1 through
  h11 (installed with uvicorn); no client library is added.
- **The audience**: N clients arrive over the first `LLEGADA_S` seconds (a room scanning a QR code does not tap in
  the same millisecond) and each loads the page once. Page time: from its first request sent to its last byte
  received; request time: each file's. Error: a status other than 200, a dropped connection, or a page not whole
  within `LIMITE_S`.
- **The slide change**, meanwhile: a protocol client (bench.audiencia, in a process of its own so the load's event
  loop does not delay it) moves the `panorama-nacional` deck one slide every `PASO_DIAPOSITIVA_S` and times each
  rerun of the presentation page on the server (sent → `script_finished`), as seen from the venue's network (its
  st.context.url is a LAN address, so each slide also draws the QR code of the copy). Before the load, the same
  client times one warm pass without load.
- **Where the phones go**: the copy's own process (pizarras.web.copia_aparte), on the port the server gives it
  (`PIZARRAS_PUERTO_COPIA`), as the QR codes send them; its CPU and memory are sampled.
- **The static app alone** (`python -m pizarras.web.copia_aparte`, the same published folder, no Streamlit) gets the
  same audiences: what the site costs with nothing beside it, at 100 and 1,000 clients.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import random
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import h11
import psutil

from bench.estadistica import resumen_latencias
from bench.servidor import Muestreo, lanzar, puerto_libre
from pizarras.config import RAIZ, carpeta_publica
from pizarras.web.copia_aparte import VARIABLE_PUERTO
from pizarras.web.publico import PREFIJO

PAGINA = "/pizarra_nacional/?region=norte&ods=16"
AUDIENCIAS = (100, 1000)
LLEGADA_S = 5.0
LIMITE_S = 30.0
DECK = "panorama-nacional"
PASO_DIAPOSITIVA_S = 0.5
LIMITE_PUBLICACION_S = 600.0
IP_DEL_LUGAR = "192.0.2.10"  # the presenter's address on the venue's network, as the slide client reports it
# What a phone's browser sends to http://<LAN address>: Chromium, Firefox and Safari offer br only over https (to
# http://127.0.0.1, a "potentially trustworthy" origin, Chromium offers it too: recorded in the plan, not replayed).
ACEPTA_EN_LA_RED = "gzip, deflate"
OBJETIVO_PAGINA_P95_MS = 1000.0
OBJETIVO_DIAPOSITIVA_MS = 300.0


# ------------------------------------------------------------------------------------------------ what a phone asks

def plan_de_visita(origen: str, ruta: str) -> dict:
    """Every request Chromium makes to `origen` when it opens `ruta` as a phone (390×844, fresh context), in order,
    with its Accept-Encoding, and what came back (status, encoding, bytes)."""
    from playwright.sync_api import sync_playwright

    from bench.arranque import lanzar_navegador

    pedidos: list[dict] = []
    with sync_playwright() as p:
        navegador = lanzar_navegador(p)
        try:
            contexto = navegador.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                             locale="es-MX")
            pagina = contexto.new_page()

            def al_terminar(peticion) -> None:
                if not peticion.url.startswith(origen):
                    return
                respuesta = peticion.response()
                encabezados = respuesta.all_headers() if respuesta else {}
                pedidos.append({"ruta": peticion.url.removeprefix(origen), "tipo": peticion.resource_type,
                                "estado": respuesta.status if respuesta else None,
                                "acepta": peticion.all_headers().get("accept-encoding", ""),
                                "codificacion": encabezados.get("content-encoding"),
                                "bytes": peticion.sizes()["responseBodySize"]})

            pagina.on("requestfinished", al_terminar)
            pagina.goto(origen + ruta, wait_until="load", timeout=120_000)
            pagina.wait_for_load_state("networkidle", timeout=120_000)
            final = pagina.url.removeprefix(origen)
            contexto.close()
        finally:
            navegador.close()
    local = next((p["acepta"] for p in pedidos if p["acepta"]), "")
    return {"pagina": ruta, "final": final, "acepta": ACEPTA_EN_LA_RED, "acepta_en_localhost": local,
            "pedidos": pedidos,
            "rutas": [p["ruta"] for p in pedidos if p["estado"] not in (301, 302, 303, 307, 308)]}


# ------------------------------------------------------------------------------------------------ the clients

@dataclass
class Carga:
    paginas_ms: list[float] = field(default_factory=list)
    peticiones_ms: list[float] = field(default_factory=list)
    bytes_por_pagina: list[int] = field(default_factory=list)
    codificadas: int = 0  # responses sent with a Content-Encoding (a precompressed sibling)
    respuestas: int = 0
    errores: list[str] = field(default_factory=list)


async def _un_pedido(lector, escritor, conexion: h11.Connection, anfitrion: bytes, ruta: str, acepta: bytes,
                     carga: Carga) -> int:
    """One GET on an open keep-alive connection; the bytes read from the socket (headers included)."""
    escritor.write(conexion.send(h11.Request(method="GET", target=ruta.encode(), headers=[
        (b"host", anfitrion), (b"user-agent", b"bench-publico"), (b"accept", b"*/*"),
        (b"accept-encoding", acepta)])))
    escritor.write(conexion.send(h11.EndOfMessage()))
    await escritor.drain()
    leidos, estado, codificada = 0, None, False
    while True:
        evento = conexion.next_event()
        if evento is h11.NEED_DATA:
            datos = await lector.read(65536)
            if not datos:
                raise ConnectionError("el servidor cerró la conexión")
            leidos += len(datos)
            conexion.receive_data(datos)
        elif isinstance(evento, h11.Response):
            estado = evento.status_code
            codificada = any(k == b"content-encoding" for k, _ in evento.headers)
        elif isinstance(evento, h11.EndOfMessage):
            break
        elif isinstance(evento, h11.ConnectionClosed):
            raise ConnectionError("conexión cerrada a media respuesta")
    carga.respuestas += 1
    carga.codificadas += codificada
    if estado != 200:
        raise RuntimeError(f"{ruta}: estado {estado}")
    conexion.start_next_cycle()
    return leidos


async def _visita(anfitrion: str, puerto: int, rutas: list[str], acepta: str, demora_s: float, carga: Carga) -> None:
    await asyncio.sleep(demora_s)
    escritor = None
    try:
        async with asyncio.timeout(LIMITE_S):
            inicio = time.perf_counter()
            lector, escritor = await asyncio.open_connection(anfitrion, puerto)
            conexion = h11.Connection(h11.CLIENT)
            total = 0
            for ruta in rutas:
                t0 = time.perf_counter()
                total += await _un_pedido(lector, escritor, conexion, f"{anfitrion}:{puerto}".encode(), ruta,
                                          acepta.encode(), carga)
                carga.peticiones_ms.append((time.perf_counter() - t0) * 1000)
            carga.paginas_ms.append((time.perf_counter() - inicio) * 1000)
            carga.bytes_por_pagina.append(total)
    except TimeoutError:
        carga.errores.append(f"página sin terminar en {LIMITE_S:.0f} s")
    except Exception as error:  # noqa: BLE001 — a dropped connection or a wrong status is counted, not raised
        carga.errores.append(f"{type(error).__name__}: {str(error)[:160]}")
    finally:
        if escritor is not None:
            escritor.close()


async def audiencia_estatica(anfitrion: str, puerto: int, plan: dict, clientes: int, llegada_s: float = LLEGADA_S,
                             semilla: int = 2026) -> Carga:
    """`clientes` first visits of the page in `plan`, arriving uniformly over `llegada_s` seconds."""
    rng = random.Random(semilla)
    carga = Carga()
    await asyncio.gather(*(_visita(anfitrion, puerto, plan["rutas"], plan["acepta"], rng.uniform(0, llegada_s),
                                   carga) for _ in range(clientes)))
    return carga


def resumir_carga(carga: Carga, clientes: int, duracion_s: float) -> dict:
    bytes_ = sorted(carga.bytes_por_pagina)
    return {"clientes": clientes, "llegada_s": LLEGADA_S, "duracion_s": round(duracion_s, 2),
            "paginas": len(carga.paginas_ms), "pagina_ms": resumen_latencias(carga.paginas_ms),
            "peticion_ms": resumen_latencias(carga.peticiones_ms),
            "peticiones_por_s": round(len(carga.peticiones_ms) / duracion_s, 1) if duracion_s else None,
            "bytes_por_pagina": bytes_[len(bytes_) // 2] if bytes_ else None,
            "respuestas_codificadas": carga.codificadas, "respuestas": carga.respuestas,
            "errores": len(carga.errores), "ejemplos_de_error": sorted(set(carga.errores))[:5]}


# ------------------------------------------------------------------------------------------------ the slide

def _diapositivas_hijo(url_ws: str, origen: str, url_contexto: str, total: int, paso_s: float, vueltas_sin_carga: int,
                       listo, alto, cola) -> None:
    """In a process of its own: open the deck, one warm pass without load (after `listo`), then one slide every
    `paso_s` until `alto`; the times go back on `cola`."""
    cola.put(asyncio.run(_diapositivas(url_ws, origen, url_contexto, total, paso_s, vueltas_sin_carga, listo, alto)))


async def _diapositivas(url_ws, origen, url_contexto, total, paso_s, vueltas_sin_carga, listo, alto) -> dict:
    from bench.audiencia import ClienteStreamlit

    cliente = ClienteStreamlit(url_ws, origen, pagina="presentacion", url_contexto=url_contexto)
    consulta = lambda n: f"presentacion={DECK}&diapositiva={n}&avance=0"  # noqa: E731
    errores: list[str] = []
    sin_carga, con_carga, titulos = [], [], set()
    await cliente.conectar()
    try:
        for vuelta in range(1 + vueltas_sin_carga):  # the first pass fills the caches, as a rehearsal does
            for n in range(1, total + 1):
                t, e = await cliente.rerun(consulta(n))
                errores += e
                titulos.update(cliente.titulos)
                if vuelta:
                    sin_carga.append(t * 1000)
        listo.set()
        n = 0
        while not alto.is_set():
            n = n % total + 1
            t, e = await cliente.rerun(consulta(n))
            con_carga.append(t * 1000)
            errores += e
            await asyncio.sleep(paso_s)
    except Exception as error:  # noqa: BLE001
        errores.append(f"{type(error).__name__}: {str(error)[:160]}")
        listo.set()
    finally:
        await cliente.cerrar()
    return {"sin_carga_ms": resumen_latencias(sin_carga), "con_carga_ms": resumen_latencias(con_carga),
            "titulos": sorted(titulos), "errores": errores[:5]}


class Diapositivas:
    """The slide client in its own process: `with Diapositivas(...) as d:` is ready (warm pass done) inside."""

    def __init__(self, servidor, total: int, vueltas_sin_carga: int = 0) -> None:
        contexto = multiprocessing.get_context("spawn")
        self.listo, self.alto, self.cola = contexto.Event(), contexto.Event(), contexto.Queue()
        url_contexto = f"http://{IP_DEL_LUGAR}:{servidor.puerto}/presentacion"
        self.proceso = contexto.Process(target=_diapositivas_hijo, daemon=True, args=(
            servidor.url_ws, servidor.url, url_contexto, total, PASO_DIAPOSITIVA_S, vueltas_sin_carga, self.listo,
            self.alto, self.cola))
        self.resultado: dict | None = None

    def __enter__(self) -> Diapositivas:
        self.proceso.start()
        if not self.listo.wait(300):
            raise TimeoutError("El cliente de diapositivas no quedó listo en 300 s")
        return self

    def __exit__(self, *_) -> None:
        self.alto.set()
        try:
            self.resultado = self.cola.get(timeout=120)
        finally:
            self.proceso.join(30)
            if self.proceso.is_alive():
                self.proceso.terminate()


# ------------------------------------------------------------------------------------------------ the section

def _esperar(url: str, limite_s: float) -> float:
    """Seconds until `url` answers 200 (the copy published), polling."""
    inicio = time.perf_counter()
    while time.perf_counter() - inicio < limite_s:
        try:
            with urllib.request.urlopen(url, timeout=10) as respuesta:
                if respuesta.status == 200:
                    return time.perf_counter() - inicio
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} no respondió 200 en {limite_s:.0f} s")


def _una_audiencia(anfitrion: str, puerto: int, plan: dict, clientes: int, pid: int,
                   pid_app: int | None = None) -> dict:
    """One audience against the static server `pid`; `pid_app`, the live app beside it, is sampled too."""
    yo = psutil.Process()
    yo.cpu_percent(None)
    with Muestreo(pid) as muestreo, Muestreo(pid_app or pid) as muestreo_app:
        inicio = time.perf_counter()
        carga = asyncio.run(audiencia_estatica(anfitrion, puerto, plan, clientes))
        duracion = time.perf_counter() - inicio
    resultado = {**resumir_carga(carga, clientes, duracion), "servidor": muestreo.resumen(),
                 "cliente_cpu_pct": yo.cpu_percent(None)}
    if pid_app:
        resultado["app"] = muestreo_app.resumen()
    return resultado


def _hijo_en(pid: int, puerto: int) -> int:
    """The pid of the server's child listening on `puerto` (the copy's own process), sampled for CPU and RSS."""
    for hijo in psutil.Process(pid).children(recursive=True):
        try:
            if any(c.laddr and c.laddr.port == puerto and c.status == psutil.CONN_LISTEN for c in hijo.net_connections()):
                return hijo.pid
        except psutil.Error:
            continue
    raise RuntimeError(f"Ningún proceso hijo del servidor escucha en el puerto {puerto}")


def _linea(etiqueta: str, r: dict) -> str:
    p = r["pagina_ms"]
    return (f"  {etiqueta}, {r['clientes']} clientes: página p50 {p['p50'] or 0:,.0f} ms, p95 {p['p95'] or 0:,.0f} ms, "
            f"máx {p['max'] or 0:,.0f} ms; {r['errores']} errores; {r['peticiones_por_s'] or 0:,.0f} peticiones/s")


def medir(db: Path, carpeta_logs: Path, audiencias=AUDIENCIAS, aviso=print) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        total = con.execute("select count(*) from diapositivas where presentacion = ?", [DECK]).fetchone()[0]
    finally:
        con.close()
    if not total:
        raise RuntimeError(f"La base {db} no tiene la presentación {DECK}: la semilla la trae (seed/presentaciones.json)")
    resultado: dict = {"pagina": PREFIJO + PAGINA, "llegada_s": LLEGADA_S, "limite_s": LIMITE_S, "deck": DECK,
                       "diapositivas": total, "paso_diapositiva_s": PASO_DIAPOSITIVA_S, "servidor": [], "solo": []}
    shutil.rmtree(carpeta_publica(db), ignore_errors=True)  # this run's server publishes its own first copy
    puerto_copia = puerto_libre()  # the copy's own process, where the QR codes send the phones
    servidor = lanzar(db, carpeta_logs, entorno={VARIABLE_PUERTO: str(puerto_copia)})
    resultado["puerto_copia_aparte"] = True
    try:
        servidor.esperar_salud()
        resultado["primera_publicacion_s"] = round(_esperar(f"{servidor.url}{PREFIJO}/", LIMITE_PUBLICACION_S), 2)
        _esperar(f"http://127.0.0.1:{puerto_copia}{PREFIJO}/", 60)
        estado = json.loads((carpeta_publica(db) / "publicada.json").read_text(encoding="utf-8"))
        resultado["publicar_s"] = round(estado["segundos"], 2)
        aviso(f"  primera publicación de la copia: {resultado['primera_publicacion_s']:.1f} s desde el primer "
              f"pedido ({resultado['publicar_s']:.1f} s publicando)")
        plan = plan_de_visita(f"http://127.0.0.1:{puerto_copia}", PREFIJO + PAGINA)
        resultado["plan"] = plan
        aviso(f"  Chromium pidió {len(plan['rutas'])} archivos ({', '.join(plan['rutas'])}), Accept-Encoding "
              f"«{plan['acepta']}»")
        for i, clientes in enumerate(audiencias):
            with Diapositivas(servidor, total, vueltas_sin_carga=1 if i == 0 else 0) as diapositivas:
                r = _una_audiencia("127.0.0.1", puerto_copia, plan, clientes,
                                   _hijo_en(servidor.proceso.pid, puerto_copia), servidor.proceso.pid)
            r["diapositiva"] = diapositivas.resultado
            resultado["servidor"].append(r)
            d = diapositivas.resultado or {}
            aviso(_linea("servidor.py", r) + (f"; diapositiva con carga p50 {d['con_carga_ms']['p50'] or 0:,.0f} ms, "
                                               f"p95 {d['con_carga_ms']['p95'] or 0:,.0f} ms" if d else ""))
        copia = (carpeta_publica(db) / "sitio").resolve()
        resultado["bytes_del_sitio"] = sum(p.stat().st_size for p in copia.rglob("*") if p.is_file())
    finally:
        servidor.detener()

    # The same folder from the static app alone. (The server is stopped: its republisher deletes only copies
    # older than the previous one, and this one is the current copy.)
    puerto = puerto_libre()
    registro = carpeta_logs / f"publico-solo-{puerto}.log"
    with open(registro, "w") as salida:
        solo = subprocess.Popen([sys.executable, "-m", "pizarras.web.copia_aparte", "--carpeta", str(copia),
                                 "--puerto", str(puerto)], cwd=RAIZ, stdout=salida, stderr=subprocess.STDOUT)
    try:
        _esperar(f"http://127.0.0.1:{puerto}{PREFIJO}/", 60)
        for clientes in audiencias:
            r = _una_audiencia("127.0.0.1", puerto, plan, clientes, solo.pid)
            resultado["solo"].append(r)
            aviso(_linea("app estática sola", r))
    finally:
        solo.terminate()
        try:
            solo.wait(15)
        except subprocess.TimeoutExpired:
            solo.kill()
    return resultado
