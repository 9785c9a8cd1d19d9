"""Live audience: N concurrent sessions against the real server, each changing filters every few seconds.

The sessions speak Streamlit's own websocket protocol (tech-notes §8): a websocket to /_stcore/stream with the
subprotocol `streamlit`, a BackMsg `rerun_script` whose ClientState carries a new query string (our filters live in
the URL, so that is a filter change), then ForwardMsgs until `script_finished`. Like the browser, a session tells the
server which cacheable messages it already holds. A few real Chromium sessions validate the client's numbers.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.estadistica import resumen_latencias

# What an audience asks for: region, programme, year, status and ODS choices, alone and combined. Never empty (an
# empty query string on a rerun keeps the previous filters, see pizarras.ui.filtros).
FILTROS_AUDIENCIA: list[dict[str, list[str]]] = [
    {"region": ["norte"]},
    {"region": ["centro"]},
    {"region": ["sureste"], "estatus": ["en_proceso"]},
    {"programa": ["PROTAI"]},
    {"programa": ["PRONADATOS"], "periodo": ["2024"]},
    {"periodo": ["2025"]},
    {"periodo": ["2022", "2023", "2024", "2025"]},
    {"estatus": ["concluida"]},
    {"ods": ["16"]},
    {"ods": ["5"], "region": ["centro-occidente"]},
    {"region": ["norte", "centro"], "programa": ["PROTAI"], "periodo": ["2024", "2025"]},
    {"organismo": ["ITEI"]},
]
PAUSA_S = (2.0, 4.0)  # seconds a session waits between filter changes (uniform): "every few seconds"
LIMITE_INTERACCION_S = 30.0  # a filter change that takes longer counts as an error (the audience gave up)
LIMITE_CARGA_S = 120.0  # opening the page while the whole audience arrives may take longer


def cadena_consulta(filtros: dict[str, list[str]]) -> str:
    return urlencode([(k, v) for k, valores in filtros.items() for v in valores])


class ErrorDeSesion(RuntimeError):
    pass


@dataclass
class ClienteStreamlit:
    """One browser-less session: connect, rerun with a query string, wait for the run to finish."""

    url_ws: str
    origen: str
    hashes: set[str] = field(default_factory=set)
    metricas: dict[str, str] = field(default_factory=dict)
    pagina: str = ""  # the page's URL path (st.navigation); "" is the app's default page
    url_contexto: str = ""  # the address a browser reports as st.context.url; "" none
    titulos: list[str] = field(default_factory=list)  # the headings the last run drew

    async def conectar(self) -> None:
        self.ws = await websockets.connect(self.url_ws, subprotocols=["streamlit"], origin=self.origen,
                                           max_size=None, ping_interval=None, open_timeout=60)

    async def cerrar(self) -> None:
        await self.ws.close()

    async def rerun(self, consulta: str, limite_s: float = LIMITE_INTERACCION_S) -> tuple[float, list[str]]:
        """Seconds from sending the rerun to `script_finished`, and the errors the run showed."""
        mensaje = BackMsg()
        estado = mensaje.rerun_script
        estado.query_string = consulta
        estado.cached_message_hashes.extend(sorted(self.hashes))
        if self.pagina:
            estado.page_name = self.pagina
        if self.url_contexto:
            estado.context_info.url = self.url_contexto
        self.titulos = []
        inicio = time.perf_counter()
        await self.ws.send(mensaje.SerializeToString())
        errores: list[str] = []
        while True:
            datos = await asyncio.wait_for(self.ws.recv(), max(0.001, limite_s - (time.perf_counter() - inicio)))
            fmsg = ForwardMsg.FromString(datos)
            tipo = fmsg.WhichOneof("type")
            if fmsg.metadata.cacheable and fmsg.hash:
                self.hashes.add(fmsg.hash)
            if tipo == "delta" and fmsg.delta.WhichOneof("type") == "new_element":
                elemento = fmsg.delta.new_element
                clase = elemento.WhichOneof("type")
                if clase == "exception":
                    errores.append(f"excepción: {elemento.exception.message[:200]}")
                elif clase == "alert" and elemento.alert.format == elemento.alert.ERROR:
                    errores.append(f"error: {elemento.alert.body[:200]}")
                elif clase == "metric":
                    self.metricas[elemento.metric.label] = elemento.metric.body
                elif clase == "heading":
                    self.titulos.append(elemento.heading.body)
            elif tipo == "script_finished":
                if fmsg.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    errores.append(f"script_finished con estado {fmsg.script_finished}")
                return time.perf_counter() - inicio, errores
            elif tipo == "session_event" and fmsg.session_event.WhichOneof("type") == "script_compilation_exception":
                errores.append("error de compilación")


@dataclass
class Registro:
    latencias_s: list[float] = field(default_factory=list)
    cargas_iniciales_s: list[float] = field(default_factory=list)
    errores: list[str] = field(default_factory=list)
    interacciones: int = 0
    union_s: float | None = None  # from the first session starting to the last one having loaded the page


class Ventana:
    """The measurement window: it opens when every session has loaded the page (or failed to), and lasts
    `duracion_s`; filter changes are counted only inside it."""

    def __init__(self, sesiones: int, duracion_s: float) -> None:
        self.pendientes, self.duracion_s = sesiones, duracion_s
        self.abierta = asyncio.Event()
        self.inicio = time.monotonic()
        self.fin = float("inf")

    def una_menos(self) -> None:
        self.pendientes -= 1
        if self.pendientes == 0:
            self.fin = time.monotonic() + self.duracion_s
            self.abierta.set()


async def _sesion(url_ws: str, origen: str, ventana: Ventana, semilla: int, pausa: tuple[float, float],
                  registro: Registro, arranque_s: float) -> None:
    rng = random.Random(semilla)
    await asyncio.sleep(rng.uniform(0, arranque_s))  # sessions join over the first seconds, as an audience does
    cliente = ClienteStreamlit(url_ws, origen)
    fase = "carga inicial"
    try:
        try:
            await cliente.conectar()
            t, errores = await cliente.rerun(cadena_consulta(rng.choice(FILTROS_AUDIENCIA)), LIMITE_CARGA_S)
            registro.cargas_iniciales_s.append(t)
            registro.errores += [f"{fase}: {e}" for e in errores]
        finally:
            ventana.una_menos()
        await ventana.abierta.wait()
        fase = "cambio de filtro"
        while True:
            await asyncio.sleep(rng.uniform(*pausa))
            if time.monotonic() >= ventana.fin:
                break
            t, errores = await cliente.rerun(cadena_consulta(rng.choice(FILTROS_AUDIENCIA)))
            registro.latencias_s.append(t)
            registro.interacciones += 1
            registro.errores += [f"{fase}: {e}" for e in errores]
    except Exception as error:  # a dropped or refused connection, or a run that never finished
        limite = LIMITE_CARGA_S if fase == "carga inicial" else LIMITE_INTERACCION_S
        detalle = str(error)[:200] or f"más de {limite:.0f} s sin terminar la corrida"
        registro.errores.append(f"{fase}: {type(error).__name__}: {detalle}")
    finally:
        if hasattr(cliente, "ws"):
            await cliente.cerrar()


async def audiencia(url_ws: str, origen: str, sesiones: int, duracion_s: float, pausa=PAUSA_S,
                    semilla: int = 2026, arranque_s: float = 5.0) -> Registro:
    """`sesiones` concurrent sessions: they join, load the page, then change filters for `duracion_s` seconds."""
    registro = Registro()
    ventana = Ventana(sesiones, duracion_s)
    await asyncio.gather(*(_sesion(url_ws, origen, ventana, semilla * 1000 + i, pausa, registro, arranque_s)
                           for i in range(sesiones)))
    registro.union_s = (ventana.fin - duracion_s - ventana.inicio) if ventana.abierta.is_set() else None
    return registro


async def precalentar(url_ws: str, origen: str) -> dict[str, dict[str, str]]:
    """One session runs every audience filter set once (fills the server's cache); returns the metrics it saw."""
    cliente = ClienteStreamlit(url_ws, origen)
    await cliente.conectar()
    vistas = {}
    try:
        for filtros in FILTROS_AUDIENCIA:
            consulta = cadena_consulta(filtros)
            _, errores = await cliente.rerun(consulta)
            if errores:
                raise ErrorDeSesion(f"La corrida con ?{consulta} mostró errores: {errores}")
            vistas[consulta] = dict(cliente.metricas)
    finally:
        await cliente.cerrar()
    return vistas


def resumir(registro: Registro, sesiones: int, duracion_s: float) -> dict:
    """Latency percentiles and counts of the filter changes inside the window, and of the initial loads."""
    lat_ms = [t * 1000 for t in registro.latencias_s]
    return {
        "sesiones": sesiones,
        "duracion_s": duracion_s,
        "union_s": registro.union_s,
        "interacciones": registro.interacciones,
        "interacciones_por_s": registro.interacciones / duracion_s if duracion_s else None,
        "latencia_ms": resumen_latencias(lat_ms),
        "carga_inicial_ms": resumen_latencias([t * 1000 for t in registro.cargas_iniciales_s]),
        "errores": len(registro.errores),
        "errores_carga_inicial": sum(e.startswith("carga inicial") for e in registro.errores),
        "ejemplos_de_error": sorted(set(registro.errores))[:5],
    }


# ------------------------------------------------------------------------------------------- browser validation

# Records when the script goes from running back to idle, so a click's latency is measured inside the page.
OBSERVADOR = """() => {
  window.__fin = 0; window.__corriendo = false; window.__t0 = 0;
  // The moment the user's press reaches the page (Playwright's own overhead before it is not counted).
  document.addEventListener('pointerdown', () => { window.__t0 = performance.now(); }, true);
  const app = document.querySelector('[data-testid=stApp]');
  new MutationObserver(() => {
    const estado = app.dataset.testScriptState;
    if (estado === 'running') window.__corriendo = true;
    else if (estado === 'notRunning' && window.__corriendo) { window.__corriendo = false; window.__fin = performance.now(); }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def _listo(antes: float) -> str:
    """JS condition: a press after `antes` was followed by a run that went back to idle."""
    return f"() => window.__t0 > {antes} && window.__fin > window.__t0"


def validar_con_navegador(url: str, url_ws: str, cambios: int = 8, sesiones_navegador: int = 3) -> dict:
    """The same kind of filter change timed in real Chromium sessions (click a region, then reset) and with the
    protocol client (region, then every year), one session at a time on an otherwise idle server."""
    from playwright.sync_api import sync_playwright

    from bench.arranque import GUION_TERMINADO, contexto_nuevo, lanzar_navegador

    navegador_ms: list[float] = []
    errores: list[str] = []
    reintentos = 0
    with sync_playwright() as p:
        navegador = lanzar_navegador(p)
        try:
            for s in range(sesiones_navegador):
                contexto = contexto_nuevo(navegador)
                pagina = contexto.new_page()
                try:
                    pagina.goto(url)
                    pagina.wait_for_function(GUION_TERMINADO, timeout=120_000, polling=50)
                    pagina.evaluate(OBSERVADOR)
                    regiones = ["Región Norte", "Región Centro", "Región Sureste", "Región Centro-Occidente"]
                    for i in range(cambios):
                        if i % 2 == 0:  # open the list first: only the choice itself is timed
                            pagina.get_by_role("combobox", name="Región").click()
                            objetivo = pagina.get_by_role("option", name=regiones[(s + i // 2) % len(regiones)],
                                                          exact=True)
                        else:
                            objetivo = pagina.get_by_role("button", name="Restablecer filtros")
                        objetivo.wait_for(state="visible")
                        antes = pagina.evaluate("() => performance.now()")
                        objetivo.click()
                        try:
                            pagina.wait_for_function(_listo(antes), timeout=5_000, polling=10)
                        except Exception:
                            # Seen on this machine: a press on «Restablecer filtros» right after choosing a region
                            # sometimes starts no run. Press again; the time counts from the second press.
                            reintentos += 1
                            antes = pagina.evaluate("() => performance.now()")
                            objetivo.click()
                            pagina.wait_for_function(_listo(antes), timeout=20_000, polling=10)
                        navegador_ms.append(pagina.evaluate("() => window.__fin - window.__t0"))
                        if i % 2 == 0:  # close the option list, or it swallows the next click
                            pagina.keyboard.press("Escape")
                            pagina.get_by_role("listbox").wait_for(state="hidden", timeout=5_000)
                        pagina.wait_for_timeout(300)
                except Exception as error:
                    errores.append(f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")
                finally:
                    contexto.close()
        finally:
            navegador.close()

    async def protocolo() -> list[float]:
        tiempos = []
        for s in range(sesiones_navegador):
            cliente = ClienteStreamlit(url_ws, url)
            await cliente.conectar()
            try:
                await cliente.rerun("")
                for i in range(cambios):
                    consulta = (cadena_consulta({"region": [["norte", "centro", "sureste", "centro-occidente"]
                                                            [(s + i // 2) % 4]]}) if i % 2 == 0
                                else cadena_consulta({"periodo": ["2022", "2023", "2024", "2025"]}))
                    t, _ = await cliente.rerun(consulta)
                    tiempos.append(t * 1000)
                    await asyncio.sleep(0.3)
            finally:
                await cliente.cerrar()
        return tiempos

    protocolo_ms = asyncio.run(protocolo())
    return {
        "navegador_ms": resumen_latencias(navegador_ms),
        "protocolo_ms": resumen_latencias(protocolo_ms),
        "sesiones_navegador": sesiones_navegador,
        "cambios_por_sesion": cambios,
        "errores_navegador": errores,
        "clics_repetidos": reintentos,
    }
