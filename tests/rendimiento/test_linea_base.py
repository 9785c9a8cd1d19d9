"""The audience section's same-run baseline (bench/linea_base.py): an earlier commit in a worktree of its own with
its own database, the ratios it reports, the targets and the section written from them (issue #22)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pytest

from bench import linea_base, resultados
from bench.perfil_rerun import FILTROS
from pizarras.config import RAIZ
from tests.rendimiento.test_bench import _datos_minimos


def _audiencia(p50: float, p95: float, por_s: float, errores: int = 0) -> dict:
    return {"sesiones": 100, "interacciones": int(por_s * 60), "interacciones_por_s": por_s, "errores": errores,
            "latencia_ms": {"n": 100, "p50": p50, "p95": p95, "p99": p95, "min": 1.0, "max": p95}}


def test_the_ratios_are_today_over_the_baseline():
    assert linea_base.razones(_audiencia(300, 1800, 27.7), _audiencia(100, 900, 29.8)) == {
        "p50": 3.0, "p95": 2.0, "cambios_por_s": 0.93}
    sin_datos = _audiencia(100, 900, 0)
    sin_datos["latencia_ms"]["p50"] = None
    assert linea_base.razones(sin_datos, _audiencia(100, 900, 0)) == {"p50": None, "p95": 1.0, "cambios_por_s": None}


def _comparacion(p95_hoy: float, p95_base: float, errores: int = 0) -> dict:
    medidas = []
    for sesiones, pausa in ((100, [2.0, 4.0]), (200, [8.0, 12.0])):
        hoy, base = _audiencia(120, p95_hoy, 28.0, errores), _audiencia(100, p95_base, 29.0)
        medidas.append({"sesiones": sesiones, "pausa_s": pausa, "actual": hoy, "linea_base": base,
                        "razones": linea_base.razones(hoy, base)})
    return {"commit": "ec8a9dc", "completo": "ec8a9dcabf9749e8", "entrada": "app.py", "medidas": medidas}


def test_each_compared_audience_has_its_absolute_target_and_its_ratio_target():
    datos = {**_datos_minimos(40.0, 6.0, 800.0), "audiencia_linea_base": _comparacion(800.0, 1000.0)}
    por_nombre = {t["name"]: t for t in resultados.construir_targets(datos)}
    absoluto = por_nombre["audiencia de 200 sesiones, un cambio cada 8–12 s"]
    relativo = por_nombre["audiencia de 200 sesiones, un cambio cada 8–12 s, frente a ec8a9dc en la misma corrida"]
    assert absoluto["met"] and absoluto["measured"] == {"p95_ms": 800, "errores": 0}
    assert not relativo["met"] and relativo["measured"] == {"p50": 1.2, "p95": 0.8}  # p50 slower than the baseline
    datos["audiencia_linea_base"] = _comparacion(1200.0, 1000.0, errores=1)
    por_nombre = {t["name"]: t for t in resultados.construir_targets(datos)}
    assert not por_nombre["audiencia de 100 sesiones, un cambio cada 2–4 s"]["met"]


def test_the_section_shows_both_servers_and_the_ratios(tmp_path):
    datos = {**_datos_minimos(40.0, 6.0, 800.0), "audiencia_linea_base": _comparacion(800.0, 1000.0)}
    _, ruta_md = resultados.escribir(datos, tmp_path)
    seccion = ruta_md.read_text(encoding="utf-8").split("### Frente a la línea base, en la misma corrida", 1)[1]
    assert "`streamlit run app.py` desde un worktree temporal" in seccion
    assert "| 200 | 8–12 s | hoy | 1680 | 28.0 | 120 ms | 800 ms | 0 |" in seccion
    assert "| 200 | 8–12 s | **razón** |  | ×0.97 | ×1.2 | ×0.8 |  |" in seccion


def test_the_default_baseline_runs_in_this_environment_and_checks_out_with_its_own_database(tmp_path):
    if linea_base.commit_completo(linea_base.COMMIT_PREDETERMINADO) is None:
        pytest.skip("este clon no trae la historia hasta la línea base (clon superficial)")
    assert linea_base.requisitos_que_faltan(linea_base.COMMIT_PREDETERMINADO) == []
    base = linea_base.preparar(linea_base.COMMIT_PREDETERMINADO, tmp_path, aviso=lambda _: None)
    try:
        assert base.completo.startswith("ec8a9dc") and base.entrada == "app.py"  # before servidor.py existed
        assert not (base.raiz / "servidor.py").exists() and (base.raiz / "app.py").is_file()
        con = duckdb.connect(str(base.db), read_only=True)
        try:
            assert con.execute("select count(*) from actividades").fetchone()[0] > 0
        finally:
            con.close()
    finally:
        base.retirar()
    assert not base.raiz.exists()


def test_a_commit_that_is_not_there_is_refused_in_spanish(tmp_path):
    with pytest.raises(RuntimeError, match="No existe el commit «0000000000» en este repositorio"):
        linea_base.preparar("0000000000", tmp_path, aviso=lambda _: None)
    assert list(tmp_path.iterdir()) == []


def test_the_rerun_profile_times_every_filter_choice_and_lists_where_the_time_goes(ruta_pequena):
    """bench/perfil_rerun.py, as bench/antes_y_despues.md runs it (a process of its own: it patches the runner)."""
    salida = subprocess.run([sys.executable, "-m", "bench.perfil_rerun", "--vueltas", "1", "--lineas", "8"],
                            cwd=RAIZ, env={**os.environ, "PIZARRAS_DB": str(ruta_pequena)}, capture_output=True,
                            text=True, timeout=300, check=True).stdout
    resumen = json.loads(salida.splitlines()[0])
    assert resumen["reruns"] == len(FILTROS) and 0 < resumen["mediana_ms"] <= resumen["p90_ms"]
    assert "Ordered by: cumulative time" in salida and "exigir_marco" in salida
