"""Targets and the results files: bench/results.json (every figure, plus `targets`) and bench/results.md (the
same, as tables a person reads, targets first)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.arranque import PAGINA_MINIMA
from bench.visita_sitio import META_BYTES, PRESUPUESTO_BYTES, PRESUPUESTO_S

OBJETIVO_CONSULTA_MS = 50.0
OBJETIVO_RAZON_PANDAS = 5.0
OBJETIVO_RAZON_PISO = 2.0
OBJETIVO_PAGINA_1M_MS = 300.0
OBJETIVO_ARRANQUE_S = 3.0
OBJETIVO_P95_100_MS = 1000.0
OBJETIVO_TOTAL_MIN = 15.0
# A room of phones on a venue's wifi: 40 first visits of 3 MB are 120 MB, where 9 MB each were 370 MB.
OBJETIVO_VISITA_MB = 3.0
OBJETIVO_CARGA_S = 10.0  # 100,000 activity rows checked and imported (issue: spreadsheet uploads)
GRANDE = 1_000_000
ANTES_Y_DESPUES = Path(__file__).resolve().parent / "antes_y_despues.md"


def _target(nombre: str, objetivo: str, medido, cumple: bool | None) -> dict:
    return {"name": nombre, "target": objetivo, "measured": medido, "met": bool(cumple)}


def _ms(valor: float | None) -> str:
    return "—" if valor is None else (f"{valor:,.0f} ms" if valor >= 100 else f"{valor:.1f} ms")


def construir_targets(datos: dict) -> list[dict]:
    """Every target of the issue, each met or not; a target that could not be measured is not met."""
    targets: list[dict] = []
    consultas = [c for c in datos.get("consultas", []) if c["actividades"] == GRANDE]
    for nombre in sorted({c["consulta"] for c in consultas}):
        propias = [c for c in consultas if c["consulta"] == nombre]
        sql = [c["sql_ms"]["mediana"] for c in propias if c["sql_ms"]]
        peor = max(sql) if sql else None
        targets.append(_target(f"consulta {nombre}: mediana a 1M", f"≤ {OBJETIVO_CONSULTA_MS:.0f} ms en cada escenario",
                               None if peor is None else round(peor, 1),
                               peor is not None and len(sql) == len(propias) and peor <= OBJETIVO_CONSULTA_MS))
        exige = OBJETIVO_RAZON_PANDAS if any(c["une_catalogos_y_filtra"] for c in propias) else 1.0
        razones = [c["razon_pandas_sql"] for c in propias]
        medidas = [r for r in razones if r is not None]
        minima = min(medidas) if medidas else None
        objetivo = (f"≥ {exige:.0f}× más rápida que pandas (une catálogos y filtra varias dimensiones)"
                    if exige > 1 else "más rápida que pandas")
        cumple = (minima is not None and len(medidas) == len(razones)
                  and (minima >= exige if exige > 1 else minima > 1))
        targets.append(_target(f"consulta {nombre}: contra pandas a 1M", objetivo,
                               None if minima is None else round(minima, 1), cumple))
    for pagina in datos.get("paginas", []):
        nombre = pagina["pagina"]
        if pagina["base"] == "semilla":
            razones = [pagina.get("razon_rerun"), pagina.get("razon_cambio_filtro")]
            peor = max(razones) if None not in razones else None
            targets.append(_target(f"página {nombre}: rerun contra su piso (semilla)",
                                   f"≤ {OBJETIVO_RAZON_PISO:.0f}× el piso (rerun y cambio de filtro)",
                                   None if peor is None else round(peor, 2),
                                   peor is not None and peor <= OBJETIVO_RAZON_PISO))
        elif pagina["actividades"] == GRANDE:
            tiempos = [(pagina.get(m) or {}).get("mediana") for m in ("rerun_ms", "cambio_filtro_ms")]
            peor = max(tiempos) if None not in tiempos else None
            targets.append(_target(f"página {nombre}: rerun a 1M", f"≤ {OBJETIVO_PAGINA_1M_MS:.0f} ms (mediana, rerun "
                                   "y cambio de filtro)", None if peor is None else round(peor),
                                   peor is not None and peor <= OBJETIVO_PAGINA_1M_MS))
    for arranque in datos.get("arranque", []):
        render = (arranque.get("render_s") or {}).get("mediana")
        targets.append(_target(f"arranque en frío ({arranque['base']})", f"≤ {OBJETIVO_ARRANQUE_S:.0f} s hasta el "
                               "primer render completo", None if render is None else round(render, 2),
                               render is not None and not arranque["errores"] and render <= OBJETIVO_ARRANQUE_S))
    visita = visita_de(datos.get("primera_visita", []), "servidor.py")
    cable = (visita or {}).get("bytes_en_cable") or {}
    mb = None if not cable else round(cable["mediana"] / 2**20, 2)
    targets.append(_target("primera visita desde un teléfono (pizarra nacional, 390×844)",
                           f"≤ {OBJETIVO_VISITA_MB:.0f} MB en el cable, navegador sin caché", mb,
                           mb is not None and not visita["errores"] and mb <= OBJETIVO_VISITA_MB))
    repetidas = None if visita is None or "repetidas" not in visita else len(visita["repetidas"])
    targets.append(_target("primera visita desde un teléfono: ningún recurso pedido dos veces", "0 recursos repetidos",
                           repetidas, repetidas == 0))
    targets += _targets_sitio(datos)
    carga = next((c for c in datos.get("carga", []) if c["filas"] == 100_000), None)
    targets.append(_target("carga de 100,000 actividades (revisar e importar)", f"≤ {OBJETIVO_CARGA_S:.0f} s",
                           None if carga is None else carga["total_s"],
                           carga is not None and carga["valido"] and carga["total_s"] <= OBJETIVO_CARGA_S))
    cien = next((a for a in datos.get("audiencia", []) if a["sesiones"] == 100 and not a.get("variante")), None)
    p95 = cien["latencia_ms"]["p95"] if cien else None
    targets.append(_target("audiencia de 100 sesiones", f"p95 ≤ {OBJETIVO_P95_100_MS:.0f} ms y cero errores",
                           None if cien is None else {"p95_ms": None if p95 is None else round(p95),
                                                      "errores": cien["errores"]},
                           cien is not None and p95 is not None and p95 <= OBJETIVO_P95_100_MS
                           and cien["errores"] == 0))
    targets += _targets_linea_base(datos.get("audiencia_linea_base"))
    targets += _targets_publico(datos.get("publico"))
    total = datos.get("duracion_total_s")
    if total is not None:
        targets.append(_target("make bench completo", f"≤ {OBJETIVO_TOTAL_MIN:.0f} min en esta máquina",
                               round(total / 60, 1), total / 60 <= OBJETIVO_TOTAL_MIN))
    return targets


def _targets_sitio(datos: dict) -> list[dict]:
    """Publishing completes at 1M; a phone's first visit of the filtered national board fits the issue's budget."""
    grande = next((m for m in datos.get("publicacion", []) if m.get("actividades") == GRANDE), None)
    hecha = grande is not None and not grande.get("error") and bool(grande.get("publicar_ms"))
    targets = [_target("publicar el sitio a 1M", "termina sin error (tiempo y tamaño en «Publicación estática»)",
                       None if not hecha else {"s": round(grande["publicar_ms"]["mediana"] / 1000, 1),
                                               "MB": round(grande["sitio_bytes"] / 2**20, 1)}, hecha)]
    sitio = datos.get("visita_sitio") or {}
    telefono = sitio.get("telefono")
    limpio = telefono is not None and not sitio.get("errores") and not telefono["externas"] and not telefono["fallidas"]
    mb = None if telefono is None else round(telefono["bytes"]["mediana"] / 2**20, 2)
    segundos = None if telefono is None else round(telefono["segundos"]["mediana"], 2)
    ruta = sitio.get("ruta", "pizarra_nacional/?region=norte&ods=16")
    targets.append(_target(f"sitio: primera visita desde un teléfono (`{ruta}`, 390×844, 4 Mbit/s, 100 ms)",
                           f"≤ {PRESUPUESTO_BYTES / 2**20:.0f} MB en el cable (meta ≤ {META_BYTES / 2**10:.0f} KB), "
                           "sin caché", mb, limpio and telefono["bytes"]["mediana"] <= PRESUPUESTO_BYTES))
    targets.append(_target("sitio: esa visita, hasta las gráficas dibujadas", f"≤ {PRESUPUESTO_S} s", segundos,
                           limpio and telefono["segundos"]["mediana"] <= PRESUPUESTO_S))
    return targets
def _targets_linea_base(comparacion: dict | None) -> list[dict]:
    """Each audience compared with the same-run baseline: p95 ≤ 1 s with no error, and not slower than the
    baseline (ratios of p50 and p95 ≤ 1)."""
    if not comparacion:
        return []
    targets = []
    for m in comparacion["medidas"]:
        a, r = m["actual"], m["razones"]
        quien = f"audiencia de {m['sesiones']} sesiones, un cambio cada {m['pausa_s'][0]:.0f}–{m['pausa_s'][1]:.0f} s"
        p95 = a["latencia_ms"]["p95"]
        targets.append(_target(quien, f"p95 ≤ {OBJETIVO_P95_100_MS:.0f} ms y cero errores",
                               {"p95_ms": None if p95 is None else round(p95), "errores": a["errores"]},
                               p95 is not None and p95 <= OBJETIVO_P95_100_MS and a["errores"] == 0))
        targets.append(_target(f"{quien}, frente a {comparacion['commit']} en la misma corrida",
                               "p50 y p95 a lo más los de la línea base (razón ≤ 1)", {"p50": r["p50"], "p95": r["p95"]},
                               r["p50"] is not None and r["p95"] is not None and r["p50"] <= 1 and r["p95"] <= 1))
    return targets


def _seccion_linea_base(comparacion: dict | None) -> list[str]:
    if not comparacion:
        return []
    l = ["### Frente a la línea base, en la misma corrida", "",
         f"La misma audiencia contra `{comparacion['commit']}` (`{comparacion['completo'][:12]}`, servido con "
         f"`streamlit run {comparacion['entrada']}` desde un worktree temporal, con su propia base construida por su "
         "semilla), medidas una tras otra con los dos servidores arriba. Razón = hoy / línea base: más de 1 en "
         "latencia es más lento hoy; menos de 1 en cambios por segundo es menos servido hoy.", ""]
    filas = []
    for m in comparacion["medidas"]:
        for quien, a in (("hoy", m["actual"]), (comparacion["commit"], m["linea_base"])):
            lat = a["latencia_ms"]
            filas.append([m["sesiones"], f"{m['pausa_s'][0]:.0f}–{m['pausa_s'][1]:.0f} s", quien, a["interacciones"],
                          f"{a['interacciones_por_s']:.1f}", _ms(lat["p50"]), _ms(lat["p95"]), a["errores"]])
        r = m["razones"]
        filas.append([m["sesiones"], f"{m['pausa_s'][0]:.0f}–{m['pausa_s'][1]:.0f} s", "**razón**", "",
                      f"×{r['cambios_por_s']}", f"×{r['p50']}", f"×{r['p95']}", ""])
    return l + _tabla(["sesiones", "pausa", "servidor", "cambios de filtro", "por s", "p50", "p95", "errores"], filas)


def _targets_publico(publico: dict | None) -> list[dict]:
    """The static copy from the presenter's server at the largest audience measured: the page, and the slide."""
    if not publico:
        return []
    from bench.publico import OBJETIVO_DIAPOSITIVA_MS, OBJETIVO_PAGINA_P95_MS

    medidas = publico.get("servidor") or []
    mayor = max(medidas, key=lambda r: r["clientes"]) if medidas else None
    n = f"{mayor['clientes']:,}" if mayor else "?"
    p95 = mayor["pagina_ms"]["p95"] if mayor else None
    diapositiva = ((mayor or {}).get("diapositiva") or {}).get("con_carga_ms") or {}
    d95 = diapositiva.get("p95")
    return [
        _target(f"copia pública: {n} teléfonos abren {publico['pagina']} en el servidor del presentador",
                f"p95 de la página ≤ {OBJETIVO_PAGINA_P95_MS:,.0f} ms y cero errores",
                None if mayor is None else {"p95_ms": None if p95 is None else round(p95),
                                            "errores": mayor["errores"]},
                mayor is not None and p95 is not None and p95 <= OBJETIVO_PAGINA_P95_MS and not mayor["errores"]),
        _target(f"cambio de diapositiva mientras {n} teléfonos abren la copia", f"p95 ≤ {OBJETIVO_DIAPOSITIVA_MS:.0f} "
                "ms en el servidor", None if d95 is None else round(d95),
                d95 is not None and d95 <= OBJETIVO_DIAPOSITIVA_MS
                and not ((mayor or {}).get("diapositiva") or {}).get("errores")),
    ]


def _seccion_publico(publico: dict | None) -> list[str]:
    if not publico:
        return []
    plan = publico.get("plan") or {}
    l = ["## Copia pública (/publico/) para una sala de teléfonos", "",
         "`streamlit run servidor.py` en la base semilla sirve la última publicación bajo `/publico/` "
         + ("desde un proceso aparte, en su propio puerto, que cede la CPU a la app (`pizarras/web/copia_aparte.py`: "
            "ahí llevan los QR; " if publico.get("puerto_copia_aparte") else "(")
         + f"`pizarras/web/publico.py`; la publica `pizarras/publicacion/republicar.py`: la primera, "
         f"{publico.get('primera_publicacion_s', 0):.1f} s después del primer pedido, {publico.get('publicar_s', 0):.1f} s "
         f"publicando; el sitio ocupa {_kb(publico.get('bytes_del_sitio'))}). Cada cliente repite como primera "
         f"visita (sin caché, una conexión keep-alive, un archivo tras otro) lo que Chromium pidió al abrir "
         f"`{publico['pagina']}` como teléfono: " + ", ".join(
             f"`{p['ruta']}` ({p['estado']}, {_kb(p['bytes']) if p['bytes'] >= 1024 else str(p['bytes']) + ' B'}{', ' + p['codificacion'] if p.get('codificacion') else ''})"
             for p in plan.get("pedidos", [])) + f", con `Accept-Encoding: {plan.get('acepta', '?')}` (lo que manda "
         "un teléfono a una dirección http de la red del lugar; los navegadores ofrecen `br` solo por https). "
         f"Los clientes llegan en los primeros {publico['llegada_s']:.0f} s y abren la página una vez; *página*: del "
         f"primer pedido al último byte; error: estado distinto de 200, conexión caída o página sin terminar en "
         f"{publico['limite_s']:.0f} s. Mientras tanto, un cliente de protocolo en otro proceso pasa una diapositiva "
         f"de `{publico['deck']}` cada {publico['paso_diapositiva_s']:.1f} s (rerun de la página en el servidor, "
         "desde una dirección de la red del lugar: cada diapositiva dibuja el QR de la copia). *App estática sola*: la "
         "misma carpeta servida por `python -m pizarras.web.copia_aparte`, sin Streamlit al lado."
         + (" *CPU app*: la del proceso de Streamlit mientras tanto." if publico.get("puerto_copia_aparte") else ""),
         ""]
    filas = []
    for puerta, medidas in (("servidor.py", publico.get("servidor", [])), ("app estática sola", publico.get("solo", []))):
        for r in medidas:
            p, q = r["pagina_ms"], r["peticion_ms"]
            d = r.get("diapositiva") or {}
            c = d.get("con_carga_ms") or {}
            filas.append([puerta, f"{r['clientes']:,}", r["paginas"], _ms(p["p50"]), _ms(p["p95"]), _ms(p["max"]),
                          _ms(q["p95"]), f"{r['peticiones_por_s'] or 0:,.0f}", _kb(r["bytes_por_pagina"]),
                          f"{r['respuestas_codificadas']:,} de {r['respuestas']:,}",
                          f"{r['errores']}" + (f" ({'; '.join(r['ejemplos_de_error'][:2])})" if r["errores"] else ""),
                          f"{r['servidor']['cpu_promedio_pct']:.0f} % / {r['servidor']['cpu_max_pct']:.0f} %"
                          if r["servidor"].get("cpu_promedio_pct") is not None else "—",
                          f"{r['app']['cpu_promedio_pct']:.0f} % / {r['app']['cpu_max_pct']:.0f} %"
                          if (r.get("app") or {}).get("cpu_promedio_pct") is not None else "—",
                          f"{r['cliente_cpu_pct']:.0f} %",
                          f"{_ms(c.get('p50'))} / {_ms(c.get('p95'))} / {_ms(c.get('max'))} (n={c.get('n', 0)})"
                          if c else "—"])
    l += _tabla(["puerta", "clientes", "páginas", "página p50", "página p95", "página máx", "petición p95",
                 "peticiones/s", "bytes por página", "respuestas comprimidas", "errores", "CPU servidor media / máx",
                 "CPU app media / máx", "CPU del cliente", "diapositiva p50 / p95 / máx"], filas)
    primera = next((r.get("diapositiva") for r in publico.get("servidor", []) if r.get("diapositiva")), None)
    if primera and primera.get("sin_carga_ms", {}).get("n"):
        s = primera["sin_carga_ms"]
        l += [f"La misma vuelta de diapositivas sin carga (caché caliente): p50 {_ms(s['p50'])}, p95 {_ms(s['p95'])}, "
              f"máx {_ms(s['max'])} (n={s['n']})." + (f" Errores: {'; '.join(primera['errores'])}."
                                                      if primera.get("errores") else ""), ""]
    return l


def _tabla(encabezados: list[str], filas: list[list]) -> list[str]:
    lineas = ["| " + " | ".join(encabezados) + " |", "|" + "|".join("---" for _ in encabezados) + "|"]
    lineas += ["| " + " | ".join(str(c) for c in fila) + " |" for fila in filas]
    return lineas + [""]


def _rango(r: dict | None, escala: float = 1.0, unidad: str = "ms") -> str:
    if not r:
        return "—"
    m, a, b = r["mediana"] * escala, r["min"] * escala, r["max"] * escala
    if unidad == "ms":
        return f"{_ms(m)} ({a:,.1f}–{b:,.1f}, n={r['n']})"
    return f"{m:,.2f} {unidad} ({a:,.2f}–{b:,.2f}, n={r['n']})"


def _medido(valor) -> str:
    if isinstance(valor, dict):
        return ", ".join(f"{k} {v}" for k, v in valor.items())
    return "no medido" if valor is None else str(valor)


def a_markdown(datos: dict) -> str:
    m, v = datos["maquina"], datos["versiones"]
    l = ["# Rendimiento de Pizarras de Avance", ""]
    l += [f"Generado {datos['generado']} con `make bench` (`python -m bench{' ' + datos['argumentos'] if datos.get('argumentos') else ''}`)"
          f" en {datos['duracion_total_s'] / 60:.1f} min. Commit `{datos.get('commit', '?')}`.", ""]
    l += [f"**Máquina:** {m['nucleos']} núcleos ({m['cpu']}), {m['memoria_gb']:.0f} GB de RAM, Python {m['python']}; "
          f"carga media al empezar {m['carga_inicio']}, al terminar {m.get('carga_fin', '?')}.", ""]
    l += ["**Versiones:** " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".", ""]
    if len(datos.get("partes", [])) > 1:
        l += ["**Corrida en partes** (la suma de sus tiempos es el total): " + "; ".join(
            f"{', '.join(p['secciones'])} a las {p['generado']} (commit `{p['commit']}`, carga {p['carga'][0]} → "
            f"{p['carga'][1]})" for p in datos["partes"]) + ".", ""]
    if datos.get("nota"):
        l += [f"> {datos['nota']}", ""]
    l += ["Cada cifra es la mediana de varias corridas, con mínimo y máximo entre paréntesis y el número de corridas "
          "(n). Bases: la semilla (`make data`) y bases sintéticas de `python -m seed.synth`.", ""]
    l += ["## Objetivos", ""]
    l += _tabla(["", "objetivo", "meta", "medido"],
                [["✅" if t["met"] else "❌", t["name"], t["target"], _medido(t["measured"])] for t in datos["targets"]])
    if ANTES_Y_DESPUES.is_file():  # kept by hand: each change guided by a run, with its before and after
        l += [ANTES_Y_DESPUES.read_text(encoding="utf-8").rstrip(), ""]
    if datos.get("hallazgos"):
        l += ["## Hallazgos", ""] + [f"- {h}" for h in datos["hallazgos"]] + [""]

    l += ["## Bases", ""]
    l += _tabla(["base", "actividades", "compromisos", "capacitaciones", "ejes transversales", "ODS", "construcción"],
                [[b["nombre"], f"{b['filas']['actividades']:,}", f"{b['filas']['compromisos']:,}",
                  f"{b['filas']['capacitaciones']:,}", f"{b['filas']['actividad_ejes_transversales']:,}",
                  f"{b['filas']['actividad_ods']:,}",
                  "reutilizada" if b.get("reutilizada") else f"{b['construccion_s']:.1f} s"] for b in datos["bases"]])

    if datos.get("consultas"):
        l += ["## Consultas de las pizarras: DuckDB contra pandas", ""]
        l += ["Cada consulta de `queries/tableros/` tal como la corre la app (`pizarras.base.consultas.ejecutar`, "
              "con el paso a DataFrame), en dos escenarios de filtros: ninguno, y seis dimensiones a la vez (región, "
              "programa, eje, ODS, periodo, estatus). pandas: la misma agregación con merge/filtro/groupby sobre las "
              "tablas ya cargadas en DataFrames (`bench/pandas_equivalentes.py`; sus resultados coinciden con los de "
              "SQL, lo verifica `tests/rendimiento/test_bench.py`). Razón = pandas / DuckDB.", ""]
        cargas = datos.get("carga_pandas", {})
        if cargas:
            l += ["Carga de las tablas en pandas (una vez por base, fuera de las medidas): " + ", ".join(
                f"{int(n):,} actividades {c['carga_s']:.1f} s" for n, c in sorted(cargas.items(), key=lambda x: int(x[0]))) + ".", ""]
        filas = []
        for c in datos["consultas"]:
            filas.append([c["consulta"], c["escenario"], f"{c['actividades']:,}", "—" if c["filas"] is None else f"{c['filas']:,}",
                          _rango(c["sql_ms"]), _rango(c["pandas_ms"]),
                          "—" if c["razon_pandas_sql"] is None else f"{c['razon_pandas_sql']:.1f}×", c["nota"]])
        l += _tabla(["consulta", "filtros", "actividades", "filas", "DuckDB", "pandas", "razón", "nota"], filas)

    if datos.get("paginas"):
        l += ["## Páginas: rerun en el servidor contra su piso", ""]
        l += ["AppTest con el arnés de `tests/paginas/arnes.py` (la página dentro del marco real: filtros, "
              "navegación). *Rerun*: misma URL, caché caliente. *Cambio de filtro*: alterna entre dos juegos de "
              "filtros ya en caché (todos los periodos ↔ seis filtros). *Piso*: un guion mínimo (`bench/piso.py`) que "
              "redibuja los mismos elementos (métricas, figuras plotly, tablas, textos, barra lateral) desde datos "
              "constantes en memoria. Razón = página / piso.", ""]
        filas = []
        for p in datos["paginas"]:
            if p.get("error") or p.get("error_piso"):
                filas.append([p["pagina"], p["base"], "error", p.get("error") or p.get("error_piso"), "", "", "", ""])
                continue
            filas.append([p["pagina"], p["base"], _ms(p["primera_carga_ms"]), _rango(p["rerun_ms"]),
                          _rango(p["piso_rerun_ms"]), f"{p['razon_rerun']:.1f}×", _rango(p["cambio_filtro_ms"]),
                          _rango(p["piso_cambio_ms"]) + f" → {p['razon_cambio_filtro']:.1f}×"])
        l += _tabla(["página", "base", "primera carga", "rerun", "piso", "razón", "cambio de filtro",
                     "piso del cambio → razón"], filas)
        for p in datos["paginas"]:
            if p.get("perfil_rerun"):
                l += [f"**Dónde se va un rerun de `{p['pagina']}` ({p['base']})** — un rerun perfilado con cProfile "
                      "(el perfilador infla el código Python; las proporciones orientan):", ""]
                l += _tabla(["paquete (tiempo propio)", "ms", "%"],
                            [[f["categoria"], f"{f['ms']:,.0f}", f"{f['pct']:.0f} %"] for f in p["perfil_rerun"]])
                if p.get("perfil_funciones_app"):
                    l += _tabla(["función de la app (tiempo acumulado)", "llamadas", "ms"],
                                [[f"`{f['funcion']}`", f["llamadas"], f"{f['ms_acumulado']:,.0f}"]
                                 for f in p["perfil_funciones_app"]])
        omitidos = sorted({o for p in datos["paginas"] for o in p.get("omitidos_en_piso", [])})
        if omitidos:
            l += [f"Elementos que el piso no sabe redibujar (no cuentan en el piso): {', '.join(omitidos)}.", ""]

    if datos.get("arranque"):
        l += ["## Arranque en frío", ""]
        l += ["Desde `streamlit run` hasta el primer render completo de la pizarra nacional en Chromium sin interfaz "
              "(conectado, guion terminado, métricas, todas las gráficas dibujadas y la tabla), con un contexto de "
              "navegador nuevo (sin caché). RSS del servidor justo después. Después, en el mismo servidor ya caliente y "
              "con otro contexto nuevo: la pizarra nacional otra vez (lo que queda es el navegador) y una página de la "
              f"app sin gráficas, métricas ni tablas (`/{PAGINA_MINIMA}` sin organismo elegido: la barra de filtros y "
              "un selector), el piso del navegador para el frontend de Streamlit.", ""]
        l += _tabla(["base", "servidor sano", "guion terminado", "render completo", "RSS del servidor",
                     "servidor caliente", "página mínima", "errores"],
                    [[a["base"], _rango(a.get("salud_s"), unidad="s"), _rango(a.get("guion_terminado_s"), unidad="s"),
                      _rango(a.get("render_s"), unidad="s"), _rango(a.get("rss_mb"), unidad="MB"),
                      _rango(a.get("servidor_caliente_s"), unidad="s"), _rango(a.get("pagina_minima_s"), unidad="s"),
                      "; ".join(a["errores"]) or "0"] for a in datos["arranque"]])

    if datos.get("primera_visita"):
        l += _seccion_visita(datos["primera_visita"])
    if datos.get("visita_sitio"):
        l += _seccion_sitio(datos["visita_sitio"])
    if datos.get("carga"):
        l += ["## Cargas de hojas de cálculo", "",
              "Un XLSX como una plantilla llena (actividades nuevas de un organismo), revisado e importado por "
              "administración en una copia de la base semilla (`bench/carga.py`).", ""]
        l += _tabla(["Filas", "Archivo (MB)", "Revisar (s)", "Importar (s)", "Total (s)", "Subida del pico de RSS (MB)",
                     "RSS al terminar (+MB)"],
                    [[f"{c['filas']:,}", c["mb_archivo"], c["revisar_s"], c["importar_s"], c["total_s"],
                      c.get("pico_rss_mb", "—"), c["rss_crecimiento_mb"]] for c in datos["carga"]])

    if datos.get("audiencia"):
        l += ["## Audiencia en vivo", ""]
        l += [datos.get("cliente_audiencia", ""), ""]
        filas = []
        for a in datos["audiencia"]:
            lat = a["latencia_ms"]
            filas.append([a["sesiones"], a.get("variante") or "configuración de la app", a["base"],
                          "—" if a.get("union_s") is None else f"{a['union_s']:.0f} s",
                          _ms(a["carga_inicial_ms"]["p50"]), f"{a['duracion_s']:.0f} s", a["interacciones"], f"{a['interacciones_por_s']:.1f}",
                          _ms(lat["p50"]), _ms(lat["p95"]), _ms(lat["p99"]),
                          f"{a['errores']} ({a.get('errores_carga_inicial', 0)} al cargar)" if a["errores"] else "0",
                          f"{a['servidor']['cpu_promedio_pct']:.0f} % / {a['servidor']['cpu_max_pct']:.0f} %"
                          if a["servidor"].get("cpu_promedio_pct") is not None else "—",
                          f"{a['servidor']['rss_max_mb']:.0f} MB" if a["servidor"].get("rss_max_mb") else "—",
                          f"{a['cliente_cpu_pct']:.0f} %"])
        l += _tabla(["sesiones", "variante", "base", "todas cargadas a los", "carga inicial p50", "ventana",
                     "cambios de filtro", "por s", "p50", "p95", "p99",
                     "errores", "CPU servidor media / máx", "RSS máx", "CPU del cliente"], filas)
        l += _seccion_linea_base(datos.get("audiencia_linea_base"))
        errores = sorted({e for a in datos["audiencia"] for e in a.get("ejemplos_de_error", [])})
        if errores:
            l += ["Ejemplos de errores: " + "; ".join(errores[:5]), ""]
        val = datos.get("validacion_navegador")
        if val:
            l += ["**Validación con navegador real** (mismo servidor, sin carga, una sesión a la vez): "
                  f"{val['sesiones_navegador']} sesiones de Chromium × {val['cambios_por_sesion']} cambios de filtro "
                  "(elegir una región en la barra lateral / «Restablecer filtros»), medidos dentro de la página desde "
                  "el clic hasta que el guion vuelve a reposo; y el cliente de protocolo con cambios equivalentes "
                  "(una región / todos los periodos).", ""]
            l += _tabla(["cliente", "n", "p50", "p95", "máx"],
                        [["Chromium (Playwright)", val["navegador_ms"]["n"], _ms(val["navegador_ms"]["p50"]),
                          _ms(val["navegador_ms"]["p95"]), _ms(val["navegador_ms"]["max"])],
                         ["protocolo (websocket)", val["protocolo_ms"]["n"], _ms(val["protocolo_ms"]["p50"]),
                          _ms(val["protocolo_ms"]["p95"]), _ms(val["protocolo_ms"]["max"])]])
            if val.get("clics_repetidos"):
                l += [f"En {val['clics_repetidos']} cambios el primer clic en «Restablecer filtros», justo después de "
                      "elegir una región, no inició ninguna corrida y hubo que repetirlo (se mide desde el segundo clic).",
                      ""]
            if val.get("errores_navegador"):
                l += ["Errores del navegador: " + "; ".join(val["errores_navegador"]), ""]
    l += _seccion_publicacion(datos.get("publicacion", []))
    l += _seccion_publico(datos.get("publico"))
    return "\n".join(l).rstrip() + "\n"


def _kb(valor: float | None) -> str:
    if valor is None:
        return "—"
    return f"{valor / 2**20:,.2f} MB" if valor >= 2**20 else f"{valor / 2**10:,.0f} KB"


def visita_de(visitas: list[dict], entrada: str) -> dict | None:
    """The first visit measured with `streamlit run <entrada>` and no extra config (results before the entry was
    recorded were all Streamlit alone)."""
    return next((v for v in visitas if not v.get("opciones") and v.get("entrada", "app.py") == entrada), None)


def _configuracion(visita: dict) -> str:
    return ", ".join([f"`streamlit run {visita.get('entrada', 'app.py')}`"]
                     + [f"`{k}={x}`" for k, x in (visita.get("opciones") or {}).items()])


def _seccion_visita(visitas: list[dict]) -> list[str]:
    l = ["## Primera visita desde un teléfono", ""]
    l += ["La pizarra nacional sin filtros en un contexto nuevo de Chromium (sin caché) de 390×844 con pantalla táctil, "
          "contra el servidor ya caliente (base semilla), hasta el render completo y la red en reposo. *En el cable*: "
          "los bytes que el servidor manda al navegador, contados en un relevo TCP (HTTP y websocket, comprimido o "
          "no). *HTTP*: lo que Chromium recibe por petición (encabezados incluidos). *Websocket*: los mensajes de la "
          "app (métricas, figuras, tablas) ya descomprimidos. *Segunda visita*: el mismo navegador recarga la página "
          "(los estáticos de Streamlit llevan `Cache-Control: immutable`).", ""]
    filas = []
    for v in visitas:
        if not v.get("peticiones"):
            filas.append([_configuracion(v), "error", "; ".join(v.get("errores", [])), "", "", "", ""])
            continue
        segunda = v["segunda_visita"]
        filas.append([_configuracion(v), f"{v['peticiones']['mediana']:.0f}", _kb(v["bytes_http"]["mediana"]),
                      f"{_kb(v['bytes_ws']['mediana'])} ({v['mensajes_ws']} mensajes)",
                      f"{_kb(v['bytes_en_cable']['mediana'])} (n={v['bytes_en_cable']['n']})",
                      f"{segunda['peticiones']['mediana']:.0f} peticiones a la red, "
                      f"{_kb(segunda['bytes_http']['mediana'])} HTTP + {_kb(segunda['bytes_ws']['mediana'])} websocket",
                      len(v["repetidas"])])
    l += _tabla(["configuración del servidor", "peticiones", "HTTP", "websocket", "en el cable", "segunda visita",
                 "recursos repetidos"], filas)
    base = visita_de(visitas, "servidor.py")
    if base and base.get("por_tipo"):
        l += _tabla(["tipo", "peticiones", "bytes"],
                    [[t, c["peticiones"], _kb(c["bytes"])] for t, c in sorted(base["por_tipo"].items(),
                                                                              key=lambda x: -x[1]["bytes"])])
        l += ["Los mayores: " + ", ".join(f"`{m['url']}` {_kb(m['bytes'])}" for m in base["mayores"]) + ".", ""]
        if base.get("estaticos_servidos_bytes"):
            l += [f"Los estáticos del frontend de Streamlit ({_kb(base['estaticos_bytes'])}) van comprimidos con gzip "
                  f"a un navegador que lo acepta: {_kb(base['estaticos_servidos_bytes'])}. Streamlit 1.67 los excluye "
                  "de su propio gzip (lo pagaría en cada petición); `servidor.py` los comprime una vez por proceso "
                  "(`pizarras/web/compresion.py`). «Bytes» cuenta lo que llega por la red, comprimido.", ""]
    return l


def _seccion_sitio(sitio: dict) -> list[str]:
    """A first visit to the published site: a throttled phone and an unthrottled desk (bench/visita_sitio.py)."""
    red = sitio.get("red_telefono") or {}
    l = ["## Sitio publicado: primera visita", ""]
    l += [f"El sitio de la base semilla (`python -m pizarras publicar`: {sitio.get('archivos', '?')} archivos, "
          f"{_kb(sitio.get('bytes_sitio'))} sin las copias precomprimidas) servido por {sitio.get('servidor', '?')}, "
          f"que manda las copias precomprimidas como un servidor estático que comprime texto. Se abre "
          f"`{sitio.get('ruta', '?')}` (lo que lleva el QR de una diapositiva) en un contexto nuevo de Chromium sin "
          "caché: un teléfono de 390×844 con pantalla táctil y red emulada por CDP "
          f"({red.get('downloadThroughput', 0) * 8 / 1e6:.1f} Mbit/s de bajada, "
          f"{red.get('uploadThroughput', 0) * 8 / 1e6:.1f} de subida, {red.get('latency', 0):.0f} ms de latencia) y "
          "un escritorio de 1280×720 sin límite de red. *En el cable*: la suma de `encodedDataLength` de cada "
          "respuesta (encabezados y cuerpo tal como se mandó). *Dibujada*: cuando `<body data-listo=\"1\">` (lo pone "
          "el dibujo de la pizarra); si la página no lo lleva, su evento `load` (tras seguir un `meta refresh`).", ""]
    filas = []
    for nombre, titulo in (("telefono", "teléfono, 4 Mbit/s"), ("escritorio", "escritorio, sin límite")):
        v = sitio.get(nombre)
        if not v:
            continue
        filas.append([titulo, f"{v['peticiones']['mediana']:.0f}", f"{_kb(v['bytes']['mediana'])} (n={v['bytes']['n']})",
                      _rango(v["segundos"], unidad="s") + f" ({'/'.join(v['listo_por'])})",
                      f"{v['ancho_documento']} px en {v['ventana']} px",
                      len(v["externas"]) + len(v["fallidas"]) + len(v["errores_js"])])
    if filas:
        l += _tabla(["visita", "peticiones", "en el cable", "hasta dibujada", "ancho del documento",
                     "externas, fallidas o errores JS"], filas)
    telefono = sitio.get("telefono")
    if telefono:
        l += ["Lo mayor en el teléfono: " + ", ".join(
            f"`{m['url']}` {_kb(m['bytes'])}{' (' + m['codificacion'] + ')' if m['codificacion'] else ''}"
            for m in telefono["mayores"] if m["bytes"]) + ".", ""]
    if sitio.get("errores"):
        l += ["Errores: " + "; ".join(sitio["errores"]), ""]
    return l


def escribir(datos: dict, carpeta: Path) -> tuple[Path, Path]:
    """Write results.json and results.md into `carpeta` (targets computed here, so both files agree)."""
    datos = {**datos, "targets": construir_targets(datos)}
    carpeta.mkdir(parents=True, exist_ok=True)
    ruta_json, ruta_md = carpeta / "results.json", carpeta / "results.md"
    ruta_json.write_text(json.dumps(datos, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    ruta_md.write_text(a_markdown(datos), encoding="utf-8")
    return ruta_json, ruta_md


def _seccion_publicacion(mediciones: list[dict]) -> list[str]:
    """Publishing the static site, and a slide change of a default deck on the server (AppTest rerun)."""
    if not mediciones:
        return []
    l = ["## Publicación estática y presentación", "",
         "`python -m pizarras publicar` (sitio completo: páginas, gráficas, datos abiertos en cuatro formatos) y el "
         "costo en el servidor de pasar a la siguiente diapositiva de `panorama-nacional` (rerun de la página con "
         "`?diapositiva=N`): la primera vuelta sin caché y las siguientes con caché.", ""]
    l += ["*Archivos* y *en disco*: lo que escribe `publicar` sin las copias precomprimidas (`X.gz`, `X.br` junto a "
          "`X`), que van aparte. *RSS máx.*: el pico de memoria del proceso que publica.", ""]
    filas = []
    for m in mediciones:
        if m.get("error"):
            filas.append([m.get("base", "?"), m.get("actividades", "?"), f"falló: {m['error']}"] + ["—"] * 6)
            continue
        d = m.get("diapositiva") or {}
        sitio = m.get("sitio") or {}  # results from before the site's size was broken down have only its bytes
        copias = sitio.get("precomprimidas")
        filas.append([m["base"], f"{m['actividades']:,}", _rango(m["publicar_ms"], 0.001, "s"),
                      f"{sitio['archivos']:,} ({sitio['paginas']} páginas, {sitio['archivos_datos']} de datos)"
                      if sitio else "—", _kb(m["sitio_bytes"]),
                      f"{copias['archivos']:,}: {_kb(copias['bytes'])}" if copias else "—",
                      "—" if m.get("rss_max_mb") is None else f"{m['rss_max_mb']:,.0f} MB",
                      _rango(d.get("primera_vuelta_ms")), _rango(d.get("caliente_ms"))])
    return l + _tabla(["base", "actividades", "publicar", "archivos", "en disco", "copias precomprimidas", "RSS máx.",
                       "cambio de diapositiva (1.ª vuelta)", "cambio de diapositiva (con caché)"], filas)
