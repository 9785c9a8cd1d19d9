"""Cold start: from `streamlit run` to the first complete render of the national board in headless Chromium,
and the server's RSS right after it."""

from __future__ import annotations

import time
from pathlib import Path

from bench.estadistica import resumen
from bench.servidor import ARGUMENTOS_CHROMIUM, CHROMIUM, lanzar

# Complete render: connected, script idle, metrics drawn, every plotly chart drawn (an SVG inside), and the table.
RENDER_COMPLETO = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.dataset.testConnectionState !== 'CONNECTED' || app.dataset.testScriptState !== 'notRunning') return false;
  if (document.querySelector('[data-testid=stStatusWidget]')) return false;
  if (document.querySelectorAll('[data-testid=stMetric]').length === 0) return false;
  const graficas = document.querySelectorAll('[data-testid=stPlotlyChart]');
  if (graficas.length === 0) return false;
  for (const g of graficas) { if (!g.querySelector('.main-svg')) return false; }
  return document.querySelectorAll('[data-testid=stDataFrame]').length > 0
      || document.querySelectorAll('[data-testid=stAlert]').length > 0;
}"""

# The first script run has finished and its metrics are on screen (charts may still be loading in the browser).
# An error on screen (an exception, or st.error such as "the database is open in another process") also ends the wait.
GUION_TERMINADO = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  return !!app && app.dataset.testScriptState === 'notRunning'
      && (document.querySelectorAll('[data-testid=stMetric]').length > 0
          || !!document.querySelector('[data-testid=stException], [data-testid=stAlertContentError]'));
}"""
ERROR_EN_PANTALLA = "[data-testid=stException], [data-testid=stAlertContentError]"

# The browser's floor: a page of this app with no chart, metric or table (the organismo board before one is chosen:
# the sidebar and a selector) has finished drawing. What a fresh browser needs for Streamlit's own frontend.
PAGINA_MINIMA = "pizarra_organismo"
MINIMA_DIBUJADA = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  return !!app && app.dataset.testConnectionState === 'CONNECTED' && app.dataset.testScriptState === 'notRunning'
      && document.querySelectorAll('[data-testid=stMultiSelect]').length > 0
      && !!document.querySelector('[data-testid=stSelectbox]');
}"""


def lanzar_navegador(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGUMENTOS_CHROMIUM)


def contexto_nuevo(navegador):
    """A fresh browser context (no cache, no cookies) with the window every bench measurement uses."""
    return navegador.new_context(viewport={"width": 1400, "height": 1000}, locale="es-MX")


def _segundos_hasta_listo(navegador, url: str, listo: str, limite_s: float) -> float:
    """Seconds from opening `url` in a fresh browser context (no cache) until `listo` holds."""
    contexto = contexto_nuevo(navegador)
    try:
        pagina = contexto.new_page()
        inicio = time.perf_counter()
        pagina.goto(url, wait_until="commit")
        pagina.wait_for_function(listo, timeout=limite_s * 1000, polling=50)
        return time.perf_counter() - inicio
    finally:
        contexto.close()


def arranque_en_frio(db: Path, carpeta: Path, repeticiones: int, limite_s: float = 180, aviso=print) -> dict:
    """Median/min/max seconds to the first complete render and server RSS (MB) after it, over fresh servers."""
    from playwright.sync_api import sync_playwright

    tiempos, salud, guion, rss, errores, caliente, minima = [], [], [], [], [], [], []
    with sync_playwright() as p:
        navegador = lanzar_navegador(p)
        try:
            for _ in range(repeticiones):
                contexto = contexto_nuevo(navegador)
                pagina = contexto.new_page()
                inicio = time.perf_counter()
                servidor = lanzar(db, carpeta)
                try:
                    servidor.esperar_salud()
                    salud.append(time.perf_counter() - inicio)
                    pagina.goto(servidor.url, wait_until="commit")
                    pagina.wait_for_function(GUION_TERMINADO, timeout=limite_s * 1000, polling=50)
                    guion.append(time.perf_counter() - inicio)
                    error = pagina.query_selector(ERROR_EN_PANTALLA)
                    if error:
                        raise RuntimeError(f"la página mostró un error: {error.inner_text()[:200]}")
                    pagina.wait_for_function(RENDER_COMPLETO, timeout=limite_s * 1000, polling=50)
                    tiempos.append(time.perf_counter() - inicio)
                    rss.append(servidor.rss_mb())
                    # The same server, now warm: what is left is the browser's part.
                    caliente.append(_segundos_hasta_listo(navegador, servidor.url, RENDER_COMPLETO, limite_s))
                    minima.append(_segundos_hasta_listo(navegador, f"{servidor.url}/{PAGINA_MINIMA}", MINIMA_DIBUJADA,
                                                     limite_s))
                except Exception as error:  # a timeout at 1M is a result, not a crash of the bench
                    errores.append(f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")
                finally:
                    servidor.detener()
                    contexto.close()
                ultimo = (f"{tiempos[-1]:.2f} s, RSS {rss[-1]:.0f} MB" if len(tiempos) + len(errores) == len(salud)
                          and not (errores and errores[-1].startswith(("Timeout", "Error", "Runtime"))) and tiempos
                          else f"sin render ({errores[-1] if errores else '?'})")
                aviso(f"  arranque en frío {db.name}: {ultimo}")
                if errores and not tiempos:
                    break  # no point repeating a start that never renders
        finally:
            navegador.close()
    return {
        "render_s": resumen(tiempos) if tiempos else None,
        "salud_s": resumen(salud) if salud else None,
        "guion_terminado_s": resumen(guion) if guion else None,
        "rss_mb": resumen(rss) if rss else None,
        "servidor_caliente_s": resumen(caliente) if caliente else None,
        "pagina_minima_s": resumen(minima) if minima else None,
        "errores": errores,
    }
