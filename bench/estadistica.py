"""Small statistics for timings: percentiles, median/min/max summaries, and a timed repeat with a time budget."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence


def percentil(valores: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) with linear interpolation between closest ranks (numpy's default)."""
    if not valores:
        raise ValueError("No hay valores para calcular un percentil.")
    if not 0 <= p <= 100:
        raise ValueError(f"El percentil debe estar entre 0 y 100 (se recibió {p}).")
    ordenados = sorted(valores)
    posicion = (len(ordenados) - 1) * p / 100
    abajo, arriba = math.floor(posicion), math.ceil(posicion)
    if abajo == arriba:
        return float(ordenados[abajo])
    return ordenados[abajo] + (ordenados[arriba] - ordenados[abajo]) * (posicion - abajo)


def mediana(valores: Sequence[float]) -> float:
    return percentil(valores, 50)


def resumen(valores: Sequence[float]) -> dict:
    """Median, min, max and number of runs of a list of measurements (same unit in, same unit out)."""
    return {"mediana": mediana(valores), "min": float(min(valores)), "max": float(max(valores)), "n": len(valores)}


def resumen_latencias(valores: Sequence[float]) -> dict:
    """p50/p95/p99, min and max of per-interaction latencies."""
    if not valores:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "min": None, "max": None}
    return {"n": len(valores), "p50": percentil(valores, 50), "p95": percentil(valores, 95),
            "p99": percentil(valores, 99), "min": float(min(valores)), "max": float(max(valores))}


def medir(funcion: Callable[[], object], repeticiones: int = 7, presupuesto_s: float = 5.0, minimo: int = 3,
          calentar: bool = True) -> dict:
    """Time `funcion` in milliseconds: one warm-up, then up to `repeticiones` runs; stops early once
    `presupuesto_s` is spent and `minimo` runs are done. When the warm-up (or, without one, the first run) alone shows
    that `minimo` runs would not fit in the budget, that run is the only measurement (n = 1; a warm-up is flagged
    `solo_calentamiento`)."""
    if calentar:
        t0 = time.perf_counter()
        funcion()
        calentamiento = time.perf_counter() - t0
        if calentamiento * minimo > presupuesto_s:
            return {**resumen([calentamiento * 1000]), "solo_calentamiento": True}
    tiempos: list[float] = []
    inicio = time.perf_counter()
    while len(tiempos) < repeticiones:
        t0 = time.perf_counter()
        funcion()
        tiempos.append((time.perf_counter() - t0) * 1000)
        if len(tiempos) >= minimo and time.perf_counter() - inicio > presupuesto_s:
            break
        if len(tiempos) == 1 and tiempos[0] / 1000 * minimo > presupuesto_s:
            break  # one run already shows the minimum would not fit: keep it as the only measurement
    return resumen(tiempos)
