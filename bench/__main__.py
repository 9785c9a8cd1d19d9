"""`python -m bench`: build the databases, measure everything, write bench/results.md and bench/results.json."""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import json
import os
import platform
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import duckdb
import psutil

from bench import audiencia, consultas, linea_base, paginas, publico, resultados, visita_sitio
from bench.arranque import arranque_en_frio
from bench.carga import TAMANOS as TAMANOS_CARGA
from bench.carga import medir_carga
from bench.primera_visita import primera_visita
from bench.resultados import escribir
from bench.servidor import CHROMIUM, Muestreo, lanzar
from pizarras.base.esquema import CARPETA_MIGRACIONES, VISTAS
from pizarras.config import CARPETA_SEED, RAIZ
from seed.build import construir
from seed.synth import SEMILLA, construir_sintetica

TAMANOS_CONSULTAS = [10_000, 100_000, 1_000_000]
GRANDE = 1_000_000
SESIONES = [25, 50, 100, 200]
# The audiences measured against the same-run baseline (issue #22): a room changing filters every few seconds,
# and a larger one at a calmer pace.
COMPARADAS = ((100, (2.0, 4.0)), (200, (8.0, 12.0)))
COMPARADAS_RAPIDO = ((10, (2.0, 4.0)),)
# (entry, extra config): the app as `make run` serves it, Streamlit alone (what it was before), and the same with the
# websocket compressed too.
VARIANTES_VISITA = [("servidor.py", None), ("app.py", None),
                    ("servidor.py", {"server.enableWebsocketCompression": "true"})]
PAQUETES = ["streamlit", "duckdb", "pandas", "pyarrow", "plotly", "numpy", "psutil", "playwright", "websockets", "uvicorn",
            "protobuf"]


def aviso(texto: str) -> None:
    print(texto, flush=True)


# ------------------------------------------------------------------------------------------------ databases

def _huella(extra: str) -> str:
    """Fingerprint of everything a database is built from, to reuse one built by an earlier run."""
    h = hashlib.sha256(extra.encode())
    archivos = [VISTAS] + [CARPETA_SEED / n for n in ("build.py", "synth.py")]
    archivos += sorted(CARPETA_MIGRACIONES.glob("*.sql"))
    archivos += sorted((CARPETA_SEED / "catalogos").glob("*.csv")) + sorted((CARPETA_SEED / "datos").glob("*.csv"))
    for ruta in archivos:
        h.update(ruta.name.encode())
        h.update(ruta.read_bytes())
    h.update(duckdb.__version__.encode())
    return h.hexdigest()


def _filas(ruta: Path) -> dict[str, int]:
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("actividades", "actividad_ejes_transversales", "actividad_ods", "compromisos",
                          "capacitaciones")}
    finally:
        con.close()


def preparar_base(carpeta: Path, nombre: str, actividades: int | None, reconstruir: bool) -> dict:
    """The seed database (actividades None) or a synthetic one, reused when its inputs have not changed."""
    ruta = carpeta / f"{nombre}.duckdb"
    huella = _huella(f"{nombre}:{actividades}:{SEMILLA}")
    marca = carpeta / f"{nombre}.huella"
    reutilizada = (not reconstruir and ruta.exists() and marca.exists() and marca.read_text() == huella)
    inicio = time.perf_counter()
    if not reutilizada:
        marca.unlink(missing_ok=True)
        if actividades is None:
            construir(ruta)
        else:
            construir_sintetica(ruta, actividades, SEMILLA)
        marca.write_text(huella)
    base = {"nombre": nombre, "ruta": str(ruta), "construccion_s": time.perf_counter() - inicio,
            "reutilizada": reutilizada, "filas": _filas(ruta)}
    base["actividades"] = base["filas"]["actividades"]
    aviso(f"Base {nombre}: {base['actividades']:,} actividades "
          + ("(reutilizada)" if reutilizada else f"(construida en {base['construccion_s']:.1f} s)"))
    return base


# ------------------------------------------------------------------------------------------------ machine

def _version_chromium() -> str:
    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        return "no instalado"


def maquina() -> dict:
    cpu = platform.processor() or "?"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                   if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"nucleos": os.cpu_count(), "cpu": cpu, "memoria_gb": psutil.virtual_memory().total / 2**30,
            "python": platform.python_version(), "sistema": platform.platform(),
            "carga_inicio": " / ".join(f"{x:.2f}" for x in os.getloadavg())}


def versiones() -> dict:
    v = {}
    for paquete in PAQUETES:
        try:
            v[paquete] = metadata.version(paquete)
        except metadata.PackageNotFoundError:
            v[paquete] = "no instalado"
    v["chromium"] = _version_chromium()
    return v


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=RAIZ, capture_output=True, text=True,
                              timeout=10).stdout.strip() or "?"
    except OSError:
        return "?"


# ------------------------------------------------------------------------------------------------ sections

def _fin_de_seccion(datos: dict, seccion: str, inicio: float) -> None:
    datos.setdefault("duracion_secciones_s", {})[seccion] = round(time.perf_counter() - inicio, 1)
    aviso(f"  ({seccion}: {datos['duracion_secciones_s'][seccion]:.0f} s)")


def _pagina_en_proceso_aparte(ruta: str, db: Path, repeticiones: int, presupuesto: float, carpeta: Path) -> dict:
    """bench.paginas in a child process: the app's connections and caches must not outlive the measurement
    (the real server needs the database file, and DuckDB lets one process hold it)."""
    salida = carpeta / "pagina.json"
    salida.unlink(missing_ok=True)
    proceso = subprocess.run(
        [sys.executable, "-m", "bench.paginas", "--pagina", ruta, "--db", str(db), "--repeticiones",
         str(repeticiones), "--presupuesto", str(presupuesto), "--salida", str(salida)],
        cwd=RAIZ, capture_output=True, text=True)
    for linea in proceso.stdout.splitlines():
        aviso(linea)
    if proceso.returncode != 0 or not salida.exists():
        ultimo = (proceso.stderr.strip().splitlines() or ["sin detalle"])[-1]
        aviso(f"  {ruta} @ {db.name}: falló ({ultimo})")
        return {"pagina": ruta, "error": ultimo}
    return json.loads(salida.read_text(encoding="utf-8"))


def _publicacion_en_proceso_aparte(db: Path, repeticiones: int, carpeta: Path) -> dict:
    """bench.publicacion in a child process (its AppTest keeps a connection to the database file)."""
    salida = carpeta / "publicacion.json"
    salida.unlink(missing_ok=True)
    proceso = subprocess.run(
        [sys.executable, "-m", "bench.publicacion", "--db", str(db), "--salida", str(salida), "--repeticiones",
         str(repeticiones)], cwd=RAIZ, capture_output=True, text=True)
    if proceso.returncode != 0 or not salida.exists():
        ultimo = (proceso.stderr.strip().splitlines() or ["sin detalle"])[-1]
        aviso(f"  publicación @ {db.name}: falló ({ultimo})")
        return {"error": ultimo}
    r = json.loads(salida.read_text(encoding="utf-8"))
    aviso(f"  {db.name}: publicar {r['publicar_ms']['mediana'] / 1000:.1f} s"
          + (f", cambio de diapositiva {r['diapositiva']['caliente_ms']['mediana']:.0f} ms" if r.get("diapositiva")
             else ""))
    return r


# ------------------------------------------------------------------------------------------------ live audience

def _correr_audiencia(base: dict, sesiones: int, duracion_s: float, carpeta_logs: Path, variante: str | None,
                      opciones: dict | None, servidor=None, pausa=audiencia.PAUSA_S) -> tuple[dict, object]:
    propio = servidor is None
    if propio:
        servidor = lanzar(Path(base["ruta"]), carpeta_logs, opciones)
        servidor.esperar_salud()
        asyncio.run(audiencia.precalentar(servidor.url_ws, servidor.url))
    yo = psutil.Process()
    yo.cpu_percent(None)
    with Muestreo(servidor.proceso.pid) as muestreo:
        registro = asyncio.run(audiencia.audiencia(servidor.url_ws, servidor.url, sesiones, duracion_s, pausa))
    resultado = {**audiencia.resumir(registro, sesiones, duracion_s), "base": base["nombre"], "variante": variante,
                 "servidor": muestreo.resumen(), "cliente_cpu_pct": yo.cpu_percent(None), "pausa_s": list(pausa)}
    lat = resultado["latencia_ms"]
    aviso(f"  {sesiones} sesiones{' (' + variante + ')' if variante else ''}: {resultado['interacciones']} "
          f"interacciones, p50 {lat['p50'] or 0:.0f} ms, p95 {lat['p95'] or 0:.0f} ms, p99 {lat['p99'] or 0:.0f} ms, "
          f"{resultado['errores']} errores, CPU servidor {resultado['servidor'].get('cpu_promedio_pct') or 0:.0f} %")
    if propio:
        servidor.detener()
    return resultado, servidor


def _comparar_con_linea_base(commit: str, semilla: dict, servidor, carpeta: Path, logs: Path, duracion_s: float,
                             comparadas) -> dict:
    """Each audience of `comparadas` against this server and the baseline's, alternately, in this run."""
    aviso(f"  contra la línea base {commit} (en un worktree temporal)…")
    base = linea_base.preparar(commit, carpeta, aviso)
    otro = lanzar(base.db, logs, entrada=base.entrada, raiz=base.raiz)
    try:
        otro.esperar_salud()
        asyncio.run(audiencia.precalentar(otro.url_ws, otro.url))
        medidas = []
        for sesiones, pausa in comparadas:
            actual, _ = _correr_audiencia(semilla, sesiones, duracion_s, logs, None, None, servidor, pausa)
            previa, _ = _correr_audiencia({"nombre": f"semilla de {commit}"}, sesiones, duracion_s, logs,
                                          f"línea base {commit}", None, otro, pausa)
            razones = linea_base.razones(actual, previa)
            aviso(f"  {sesiones} sesiones cada {pausa[0]:.0f}–{pausa[1]:.0f} s, hoy / {commit}: p50 ×{razones['p50']}, "
                  f"p95 ×{razones['p95']}, cambios/s ×{razones['cambios_por_s']}")
            medidas.append({"sesiones": sesiones, "pausa_s": list(pausa), "actual": actual, "linea_base": previa,
                            "razones": razones})
        return {"commit": commit, "completo": base.completo, "entrada": base.entrada, "medidas": medidas}
    finally:
        otro.detener()
        base.retirar()


# ------------------------------------------------------------------------------------------------ findings

def _ms_texto(valor: float | None) -> str:
    return "—" if valor is None else f"{valor:,.0f} ms"


def hallazgos(datos: dict) -> list[str]:
    """Plain statements drawn from the numbers: what dominates, and what is worth changing."""
    h = []
    grandes = [c for c in datos.get("consultas", []) if c["actividades"] == GRANDE and c["sql_ms"]]
    if grandes:
        peor = max(grandes, key=lambda c: c["sql_ms"]["mediana"])
        h.append(f"La consulta más lenta a 1M es `{peor['consulta']}` ({peor['escenario']}): "
                 f"{peor['sql_ms']['mediana']:,.0f} ms de mediana para {peor['filas']:,} filas. Las consultas que "
                 "devuelven una fila por actividad crecen con la base; las agregadas dependen sobre todo del filtrado.")
    for p in datos.get("paginas", []):
        if p.get("figuras_json_ms"):
            h.append(f"En `{p['pagina']}` ({p['base']}), solo serializar sus {p['elementos'].get('plotly_chart', 0)} "
                     f"figuras plotly a JSON cuesta {p['figuras_json_ms']['mediana']:.0f} ms por rerun "
                     f"(de {p['rerun_ms']['mediana']:.0f} ms del rerun completo).")
        if p.get("tabla_arrow_ms"):
            partes = [f"convertirlas a Arrow para st.dataframe {p['tabla_arrow_ms']['mediana']:,.0f} ms"]
            if p.get("tabla_copia_cache_ms"):
                partes.append(f"la copia que entrega st.cache_data (unpickle) {p['tabla_copia_cache_ms']['mediana']:,.0f} ms")
            if p.get("tabla_csv_ms"):
                partes.append(f"armar el CSV de «Descargar CSV» {p['tabla_csv_ms']['mediana']:,.0f} ms")
            h.append(f"En `{p['pagina']}` ({p['base']}) sus tablas suman {p.get('filas_tabla', 0):,} filas; en cada "
                     f"rerun: {', '.join(partes)} (rerun completo: {p['rerun_ms']['mediana']:,.0f} ms).")
    for p in datos.get("paginas", []):
        if p.get("perfil_funciones_app"):
            total = p["perfil_rerun"] and sum(f["ms"] for f in p["perfil_rerun"])
            primeras = ", ".join(f"`{f['funcion'].split(':', 1)[1]}` {f['ms_acumulado']:,.0f} ms"
                                 for f in p["perfil_funciones_app"][:4])
            h.append(f"Perfil de un rerun de `{p['pagina']}` ({p['base']}, {total:,.0f} ms con cProfile): las "
                     f"funciones de la app que más acumulan son {primeras}.")
    gc_ms = datos.get("gc_collect_ms")
    if gc_ms:
        h.append(f"`runner.postScriptGC` (activo por omisión en Streamlit, apagado en `.streamlit/config.toml`) haría "
                 f"un `gc.collect()` completo tras cada corrida; con el montón de este proceso (app cargada) cuesta "
                 f"{gc_ms['mediana']:.0f} ms (mediana).")
    audiencias = datos.get("audiencia", [])
    dentro = [a for a in audiencias if not a.get("variante") and a["errores"] == 0
              and (a["latencia_ms"]["p95"] or float("inf")) <= resultados.OBJETIVO_P95_100_MS]
    if dentro:
        mejor = max(dentro, key=lambda a: a["sesiones"])
        h.append(f"La audiencia más grande medida que queda en p95 ≤ {resultados.OBJETIVO_P95_100_MS:,.0f} ms sin "
                 f"errores: {mejor['sesiones']} sesiones (p50 {_ms_texto(mejor['latencia_ms']['p50'])}, p95 "
                 f"{_ms_texto(mejor['latencia_ms']['p95'])}, {mejor['interacciones_por_s']:.1f} cambios por segundo).")
    saturadas = [a for a in audiencias if not a.get("variante") and a["servidor"].get("cpu_promedio_pct")]
    if saturadas:
        mayor = max(saturadas, key=lambda a: a["sesiones"])
        servidas = max(saturadas, key=lambda a: a["interacciones_por_s"] or 0)
        h.append(f"El servidor es un solo proceso de Python: su CPU media no pasa de ~{max(a['servidor']['cpu_promedio_pct'] for a in saturadas):.0f} % "
                 f"(un núcleo) aunque la máquina tenga {datos['maquina']['nucleos']}; sirvió a lo más "
                 f"{servidas['interacciones_por_s']:.1f} cambios de filtro por segundo ({servidas['sesiones']} "
                 f"sesiones). Con {mayor['sesiones']} sesiones: p95 {_ms_texto(mayor['latencia_ms']['p95'])}, "
                 f"{mayor['errores']} errores.")
        pausa_media = sum(audiencia.PAUSA_S) / 2
        pedido = {a["sesiones"]: a["sesiones"] / pausa_media for a in saturadas}
        h.append("Capacidad: cada sesión pide un cambio de filtro cada " + f"{audiencia.PAUSA_S[0]:.0f}–"
                 f"{audiencia.PAUSA_S[1]:.0f} s, así que N sesiones piden hasta N / {pausa_media:.0f} cambios por "
                 "segundo (" + ", ".join(f"{n} sesiones: {v:.0f}/s" for n, v in sorted(pedido.items())) + "). "
                 f"Con el servidor sirviendo a lo más {servidas['interacciones_por_s']:.1f}/s, una audiencia que pide "
                 "más forma cola y la latencia crece con ella; p95 ≤ 1 s pide que el pedido quede bajo lo que un "
                 "proceso sirve: más procesos (núcleos) detrás de un proxy con sesión fija, o reruns más baratos.")
    val = datos.get("validacion_navegador")
    if val and val["navegador_ms"]["p50"] and val["protocolo_ms"]["p50"]:
        h.append(f"Un cambio de filtro visto desde Chromium tarda {val['navegador_ms']['p50']:,.0f} ms (p50) y desde el "
                 f"cliente de protocolo {val['protocolo_ms']['p50']:,.0f} ms: la diferencia es el trabajo del navegador "
                 "(enviar el cambio, dibujar las figuras y la tabla que llegan). Las latencias de la audiencia son las "
                 "del servidor; lo que ve una persona es eso más el dibujo en su equipo.")
    for a in datos.get("arranque", []):
        if a.get("render_s") and a.get("guion_terminado_s"):
            h.append(f"Arranque en frío ({a['base']}): el servidor responde a los {a['salud_s']['mediana']:.1f} s, la "
                     f"primera corrida del guion termina a los {a['guion_terminado_s']['mediana']:.1f} s y las "
                     f"gráficas quedan dibujadas a los {a['render_s']['mediana']:.1f} s (el navegador carga plotly.js "
                     "la primera vez).")
        if a.get("servidor_caliente_s") and a.get("pagina_minima_s"):
            h.append(f"Parte del navegador en el arranque ({a['base']}): con el servidor ya caliente, un contexto "
                     f"nuevo de Chromium tarda {a['servidor_caliente_s']['mediana']:.1f} s en "
                     f"dibujar la pizarra nacional, y {a['pagina_minima_s']['mediana']:.1f} s en una página de la app "
                     "sin gráficas ni tablas (solo el frontend de Streamlit y la barra de filtros), el piso del "
                     "navegador en esta máquina"
                     + (f": ese piso ya pasa de la meta de {resultados.OBJETIVO_ARRANQUE_S:.0f} s."
                        if a["pagina_minima_s"]["mediana"] > resultados.OBJETIVO_ARRANQUE_S else "."))
    h += _hallazgos_visita(datos.get("primera_visita", []))
    h += _hallazgos_sitio(datos)
    return h


def _hallazgos_visita(visitas: list[dict]) -> list[str]:
    base = resultados.visita_de(visitas, "servidor.py")
    if base is None or not base.get("bytes_en_cable"):
        return []
    mb = lambda b: b / 2**20  # noqa: E731
    js = base["por_tipo"].get("JavaScript", {}).get("bytes", 0) + base["por_tipo"].get("fuentes", {}).get("bytes", 0)
    h = [f"Primera visita desde un teléfono: {mb(base['bytes_en_cable']['mediana']):.1f} MB en "
         f"{base['peticiones']['mediana']:.0f} peticiones; {mb(js):.1f} MB son el JavaScript y las fuentes del "
         f"frontend de Streamlit ({base['mayores'][0]['url']}: {mb(base['mayores'][0]['bytes']):.1f} MB), "
         f"lo que manda la app por el websocket son {base['bytes_ws']['mediana'] / 2**10:.0f} KB."]
    if base.get("estaticos_servidos_bytes"):
        h.append(f"Los estáticos de Streamlit van comprimidos (`servidor.py`, `pizarras/web/compresion.py`): "
                 f"{mb(base['estaticos_servidos_bytes']):.1f} MB de {mb(base['estaticos_bytes']):.1f} MB; una "
                 f"segunda visita ya los tiene en caché y baja "
                 f"{base['segunda_visita']['bytes_http']['mediana'] / 2**10:.0f} KB por HTTP.")
    solo_streamlit = resultados.visita_de(visitas, "app.py")
    if solo_streamlit and solo_streamlit.get("bytes_en_cable"):
        h.append(f"Con Streamlit solo (`streamlit run app.py`, estáticos sin comprimir) la misma visita mueve "
                 f"{mb(solo_streamlit['bytes_en_cable']['mediana']):.1f} MB.")
    comprimida = next((v for v in visitas if v.get("opciones") and v.get("bytes_en_cable")), None)
    if comprimida:
        ahorro = base["bytes_en_cable"]["mediana"] - comprimida["bytes_en_cable"]["mediana"]
        h.append(f"Con `server.enableWebsocketCompression` el cable de la primera visita baja {ahorro / 2**10:.0f} KB "
                 f"({mb(comprimida['bytes_en_cable']['mediana']):.2f} MB): casi todo lo que la app manda por el "
                 "websocket, que también se manda en cada cambio de filtro.")
    return h


def _hallazgos_sitio(datos: dict) -> list[str]:
    """The published site: what publishing costs at the largest base measured, and a phone's first visit."""
    h = []
    grande = max((m for m in datos.get("publicacion", []) if m.get("sitio")), key=lambda m: m["actividades"],
                 default=None)
    if grande:
        copias = grande["sitio"]["precomprimidas"]
        h.append(f"Publicar el sitio con {grande['actividades']:,} actividades toma "
                 f"{grande['publicar_ms']['mediana'] / 1000:,.1f} s y escribe {grande['sitio']['archivos']:,} archivos, "
                 f"{grande['sitio_bytes'] / 2**20:,.1f} MB en disco "
                 + (f"más {copias['bytes'] / 2**20:,.1f} MB de copias precomprimidas" if copias["archivos"]
                    else "(sin copias precomprimidas)")
                 + f"; el proceso que publica llega a {grande['rss_max_mb']:,.0f} MB de RSS.")
    sitio = datos.get("visita_sitio") or {}
    telefono, escritorio = sitio.get("telefono"), sitio.get("escritorio")
    if telefono:
        red = sitio["red_telefono"]
        texto = (f"Primera visita al sitio desde un teléfono (`{sitio['ruta']}`, "
                 f"{red['downloadThroughput'] * 8 / 1e6:.0f} Mbit/s, {red['latency']:.0f} ms): "
                 f"{telefono['bytes']['mediana'] / 2**10:,.0f} KB en {telefono['peticiones']['mediana']:.0f} "
                 f"peticiones, dibujada en {telefono['segundos']['mediana']:.1f} s (presupuesto "
                 f"{visita_sitio.PRESUPUESTO_BYTES / 2**20:.0f} MB, meta {visita_sitio.META_BYTES / 2**10:.0f} KB, "
                 f"{visita_sitio.PRESUPUESTO_S} s)")
        mayor = next((m for m in telefono["mayores"] if m["bytes"]), None)
        if mayor:
            texto += (f"; lo mayor es `{mayor['url']}`, {mayor['bytes'] / 2**10:,.0f} KB "
                      f"({mayor['codificacion'] or 'sin comprimir'})")
        h.append(texto + ".")
        sin_comprimir = telefono["por_codificacion"].get("identity", 0)
        if sin_comprimir > 0.1 * telefono["bytes"]["mediana"]:
            crudos = [f"`{m['url']}`" for m in telefono["mayores"] if not m["codificacion"] and m["bytes"] > 2**10]
            h.append(f"{sin_comprimir / 2**10:,.0f} KB de esa visita van sin comprimir ({', '.join(crudos)}): "
                     "`pizarras.web.publico` manda la copia precomprimida de un archivo (`X.br`, `X.gz`) cuando "
                     "existe y nunca comprime al vuelo, y el sitio no la trae para esos archivos.")
        if "load" in telefono["listo_por"]:
            h.append("El sitio aún no marca `<body data-listo=\"1\">` al terminar de dibujar: el tiempo de su visita es "
                     "hasta el evento `load` de la página.")
        if telefono["ancho_documento"] > telefono["ventana"]:
            h.append(f"En el teléfono el documento mide {telefono['ancho_documento']} px de ancho en una ventana de "
                     f"{telefono['ventana']} px: hay desplazamiento lateral.")
    if escritorio:
        h.append(f"La misma visita en escritorio (1280×720, sin límite de red): "
                 f"{escritorio['bytes']['mediana'] / 2**10:,.0f} KB, {escritorio['segundos']['mediana']:.1f} s.")
    return h


# ------------------------------------------------------------------------------------------------ main

CLAVES_POR_SECCION = {
    "consultas": ["consultas", "carga_pandas"],
    "paginas": ["paginas", "gc_collect_ms"],
    "arranque": ["arranque"],
    "visita": ["primera_visita"],
    "carga": ["carga"],
    "audiencia": ["audiencia", "cliente_audiencia", "metricas_por_filtro", "validacion_navegador", "audiencia_linea_base"],
    "publicacion": ["publicacion"],
    "sitio": ["visita_sitio"],
    "publico": ["publico"],
}


def _conservar(datos: dict, anterior: Path, medidas: set[str]) -> None:
    """Carry over the sections this run did not measure from an earlier results.json (a run done in parts);
    the total time adds their durations, and `partes` records which run measured what."""
    if not anterior.exists():
        aviso(f"No hay {anterior}: nada que conservar.")
        return
    previo = json.loads(anterior.read_text(encoding="utf-8"))
    partes = previo.get("partes") or [{"secciones": sorted(previo.get("duracion_secciones_s", {})),
                                        "generado": previo.get("generado"), "commit": previo.get("commit"),
                                        "carga": [previo["maquina"].get("carga_inicio"), previo["maquina"].get("carga_fin")]}]
    conservadas = []
    tengo = {b["nombre"] for b in datos.get("bases", [])}
    datos["bases"] = datos.get("bases", []) + [b for b in previo.get("bases", []) if b["nombre"] not in tengo]
    for seccion, claves in CLAVES_POR_SECCION.items():
        if seccion in medidas or seccion not in previo.get("duracion_secciones_s", {}):
            continue
        for clave in claves:
            if clave in previo:
                datos[clave] = previo[clave]
        segundos = previo["duracion_secciones_s"][seccion]
        datos.setdefault("duracion_secciones_s", {})[seccion] = segundos
        datos["duracion_total_s"] += segundos
        conservadas.append(seccion)
    partes = [p for p in partes if set(p["secciones"]) & set(conservadas)]
    datos["partes"] = partes + [{"secciones": sorted(medidas), "generado": datos["generado"],
                                 "commit": datos["commit"],
                                 "carga": [datos["maquina"]["carga_inicio"], datos["maquina"]["carga_fin"]]}]
    aviso(f"Secciones conservadas de {anterior.name}: {', '.join(conservadas) or 'ninguna'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mide el rendimiento de Pizarras de Avance y escribe bench/results.*")
    parser.add_argument("--salida", type=Path, default=RAIZ / "bench", help="carpeta de results.md y results.json")
    parser.add_argument("--datos", type=Path, default=RAIZ / "data" / "bench", help="carpeta de las bases")
    parser.add_argument("--reconstruir", action="store_true", help="reconstruir las bases aunque no hayan cambiado")
    parser.add_argument("--rapido", action="store_true",
                        help="menos repeticiones y audiencias cortas (para desarrollo; no para resultados)")
    parser.add_argument("--secciones",
                        default="consultas,paginas,arranque,visita,carga,audiencia,publicacion,sitio,publico",
                        help="secciones a medir, separadas por comas")
    parser.add_argument("--publicar-en", type=int, default=GRANDE, choices=TAMANOS_CONSULTAS, metavar="ACTIVIDADES",
                        help="base sintética en la que «publicacion» mide publicar, además de la semilla "
                        f"(predeterminada: {GRANDE}; otras: {', '.join(str(n) for n in TAMANOS_CONSULTAS)})")
    parser.add_argument("--linea-base", default=linea_base.COMMIT_PREDETERMINADO, metavar="COMMIT",
                        help="commit contra el que la sección «audiencia» se compara en la misma corrida "
                             f"(predeterminado {linea_base.COMMIT_PREDETERMINADO}; «no» para no compararla)")
    parser.add_argument("--conservar", action="store_true",
                        help="tomar de results.json en --salida las secciones que esta corrida no mide")
    args = parser.parse_args(argv)
    # A terminated bench still stops the servers it started (their `finally` blocks run on SystemExit).
    def terminar(*_):
        print("bench: terminado por SIGTERM; se detienen los servidores que inició.", file=sys.stderr, flush=True)
        sys.exit(143)

    signal.signal(signal.SIGTERM, terminar)
    secciones = {s.strip() for s in args.secciones.split(",") if s.strip()}
    desconocidas = secciones - set(CLAVES_POR_SECCION)
    if desconocidas:
        parser.error(f"secciones desconocidas: {', '.join(sorted(desconocidas))}")

    rapido = args.rapido
    repeticiones, presupuesto = (3, 1.0) if rapido else (7, 1.5)
    duracion_audiencia = 20.0 if rapido else 60.0
    sesiones = [10, 25] if rapido else SESIONES
    inicio = time.perf_counter()
    datos: dict = {"generado": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                   "argumentos": " ".join(argv if argv is not None else sys.argv[1:]), "commit": _commit(),
                   "maquina": maquina(), "versiones": versiones(), "rapido": rapido,
                   "nota": ("Máquina compartida con otros procesos durante esta corrida: las cifras llevan ruido."
                            if os.getloadavg()[0] > 1.0 else "")}
    carpeta = args.datos
    carpeta.mkdir(parents=True, exist_ok=True)
    logs = carpeta / "registros"

    semilla = preparar_base(carpeta, "semilla", None, args.reconstruir)
    # The synthetic databases take minutes to build: only the sections that read them build them.
    sinteticas = secciones & {"consultas", "paginas", "arranque", "publicacion"}
    bases = ({n: preparar_base(carpeta, f"sintetica-{n}", n, args.reconstruir) for n in TAMANOS_CONSULTAS}
             if sinteticas else {})
    datos["bases"] = [semilla, *bases.values()]

    if "consultas" in secciones:
        aviso("Consultas de las pizarras (DuckDB y pandas)…")
        inicio_seccion = time.perf_counter()
        datos["consultas"], datos["carga_pandas"] = [], {}
        for n, base in bases.items():
            mediciones, carga = consultas.medir_base(Path(base["ruta"]), n, repeticiones, presupuesto, aviso=aviso)
            datos["consultas"] += [m.a_dict() for m in mediciones]
            datos["carga_pandas"][str(n)] = carga
            gc.collect()
        _fin_de_seccion(datos, "consultas", inicio_seccion)

    if "paginas" in secciones:
        aviso("Páginas (AppTest) contra su piso…")
        inicio_seccion = time.perf_counter()
        datos["paginas"] = []
        for pagina in paginas.paginas_de_tablero():
            for base in (semilla, bases[GRANDE]):
                r = _pagina_en_proceso_aparte(pagina["ruta"], Path(base["ruta"]), repeticiones, presupuesto, carpeta)
                datos["paginas"].append({**r, "titulo": pagina["titulo"], "base": base["nombre"],
                                         "actividades": base["actividades"]})
        gcs = [p["gc_collect_ms"] for p in datos["paginas"] if p.get("gc_collect_ms")]
        if gcs:
            datos["gc_collect_ms"] = gcs[0]  # measured in the child that ran the page on the seed database
        _fin_de_seccion(datos, "paginas", inicio_seccion)

    if "arranque" in secciones:
        aviso("Arranque en frío…")
        inicio_seccion = time.perf_counter()
        datos["arranque"] = []
        for base, veces in ((semilla, 1 if rapido else 3), (bases[GRANDE], 1)):
            r = arranque_en_frio(Path(base["ruta"]), logs, veces, aviso=aviso)
            datos["arranque"].append({**r, "base": base["nombre"], "actividades": base["actividades"]})
        _fin_de_seccion(datos, "arranque", inicio_seccion)

    if "visita" in secciones:
        aviso("Primera visita desde un teléfono (bytes y peticiones)…")
        inicio_seccion = time.perf_counter()
        datos["primera_visita"] = []
        for entrada, opciones in VARIANTES_VISITA:
            r = primera_visita(Path(semilla["ruta"]), logs, 1 if rapido else 3, opciones, entrada, aviso=aviso)
            datos["primera_visita"].append({**r, "base": semilla["nombre"]})
        _fin_de_seccion(datos, "visita", inicio_seccion)

    if "carga" in secciones:
        aviso("Cargas de hojas de cálculo (revisar e importar)…")
        inicio_seccion = time.perf_counter()
        datos["carga"] = medir_carga(Path(semilla["ruta"]), (1_000,) if rapido else TAMANOS_CARGA, aviso=aviso)
        _fin_de_seccion(datos, "carga", inicio_seccion)

    if "audiencia" in secciones:
        aviso("Audiencia en vivo (cliente de protocolo) sobre la base semilla…")
        inicio_seccion = time.perf_counter()
        datos["audiencia"] = []
        datos["cliente_audiencia"] = (
            "Cliente usado: **protocolo de Streamlit sobre websocket** (`bench/audiencia.py`: BackMsg `rerun_script` "
            "con una nueva cadena de consulta = un cambio de filtro, hasta `script_finished`; como el navegador, "
            "declara los mensajes que ya tiene en caché). Las sesiones entran en los primeros 5 s y cargan la página "
            f"(límite {audiencia.LIMITE_CARGA_S:.0f} s); cuando todas la cargaron, durante {duracion_audiencia:.0f} s "
            "cada una cambia de filtros (12 combinaciones) tras una pausa de 2 a 4 s; latencia = desde enviar el "
            "cambio hasta `script_finished`. Base: la semilla. Servidor: `streamlit run "
            "app.py` con la configuración del repositorio, caché precalentada con las 12 combinaciones. Error = "
            f"conexión caída, cambio de filtro sin terminar en {audiencia.LIMITE_INTERACCION_S:.0f} s (la sesión se "
            "rinde y sale), excepción o `st.error` en la página.")
        servidor = lanzar(Path(semilla["ruta"]), logs)
        try:
            servidor.esperar_salud()
            vistas = asyncio.run(audiencia.precalentar(servidor.url_ws, servidor.url))
            datos["metricas_por_filtro"] = {q: m.get("Actividades") for q, m in vistas.items()}
            aviso("  validación con Chromium…")
            datos["validacion_navegador"] = audiencia.validar_con_navegador(
                servidor.url, servidor.url_ws, cambios=4 if rapido else 6, sesiones_navegador=1 if rapido else 2)
            for n in sesiones:
                r, _ = _correr_audiencia(semilla, n, duracion_audiencia, logs, None, None, servidor)
                datos["audiencia"].append(r)
            if args.linea_base != "no":
                datos["audiencia_linea_base"] = _comparar_con_linea_base(
                    args.linea_base, semilla, servidor, carpeta, logs, duracion_audiencia,
                    COMPARADAS_RAPIDO if rapido else COMPARADAS)
        finally:
            servidor.detener()
        _fin_de_seccion(datos, "audiencia", inicio_seccion)

    if "publicacion" in secciones:
        aviso("Publicación estática y cambio de diapositiva…")
        inicio_seccion = time.perf_counter()
        datos["publicacion"] = []
        for base in (semilla, bases[args.publicar_en]):
            r = _publicacion_en_proceso_aparte(Path(base["ruta"]), 1 if rapido else 3, carpeta)
            datos["publicacion"].append({**r, "base": base["nombre"], "actividades": base["actividades"]})
        _fin_de_seccion(datos, "publicacion", inicio_seccion)

    if "sitio" in secciones:
        aviso("Sitio publicado: primera visita de la pizarra nacional filtrada (teléfono con red emulada y "
              "escritorio)…")
        inicio_seccion = time.perf_counter()
        try:
            datos["visita_sitio"] = visita_sitio.medir(Path(semilla["ruta"]), carpeta / "sitio_publicado", logs,
                                                       1 if rapido else 3, aviso=aviso)
        except Exception as error:  # the site or its server did not come up: a result, said in results.md
            aviso(f"  sitio: falló ({type(error).__name__}: {error})")
            datos["visita_sitio"] = {"errores": [f"{type(error).__name__}: {str(error).splitlines()[0][:300]}"]}
        _fin_de_seccion(datos, "sitio", inicio_seccion)
    if "publico" in secciones:
        aviso("Copia pública (/publico/) para una sala de teléfonos, con un cambio de diapositiva a la vez…")
        inicio_seccion = time.perf_counter()
        datos["publico"] = publico.medir(Path(semilla["ruta"]), logs, (50, 200) if rapido else publico.AUDIENCIAS,
                                         aviso=aviso)
        _fin_de_seccion(datos, "publico", inicio_seccion)

    datos["maquina"]["carga_fin"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    datos["duracion_total_s"] = time.perf_counter() - inicio
    if args.conservar:
        _conservar(datos, args.salida / "results.json", secciones)
    datos["hallazgos"] = hallazgos(datos)
    ruta_json, ruta_md = escribir(datos, args.salida)
    aviso(f"Listo en {datos['duracion_total_s'] / 60:.1f} min: {ruta_md} y {ruta_json}")
    for t in json.loads(ruta_json.read_text(encoding="utf-8"))["targets"]:
        aviso(f"  {'✅' if t['met'] else '❌'} {t['name']}: {t['measured']} (meta {t['target']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
