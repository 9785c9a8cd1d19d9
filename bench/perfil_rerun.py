"""Where a filter change's time goes on the server: the national board under AppTest, from the checkout in the
current directory (this one, or a baseline's worktree: bench/linea_base.py), warm caches, several filter choices in
turn; the median script time and, unless `--sin-perfil`, cProfile's functions by cumulative time.

    python -m bench.perfil_rerun --vueltas 8 --sin-perfil          # the time alone
    cd WORKTREE && PIZARRAS_DB=… python /ruta/a/bench/perfil_rerun.py  # the same for another commit

cProfile sees only the thread it runs in and AppTest runs the script in one of its own, so the profiler is switched
on inside the script runner's `_run_script`. The figures for bench/antes_y_despues.md come from here.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time

from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

# Filter choices a room moves among (the audience's kind of change: one or two filters at a time).
FILTROS = [{}, {"region": ["norte"]}, {"periodo": ["2024"]}, {"region": ["centro"], "ods": ["16"]},
           {"programa": ["protai"]}, {"estatus": ["concluida"]}]


def medir(vueltas: int, perfilar: bool) -> tuple[dict, pstats.Stats | None]:
    sys.path.insert(0, os.getcwd())  # the checkout being measured, not necessarily this file's
    perfil = cProfile.Profile()
    midiendo = [False]
    original = script_runner.ScriptRunner._run_script

    def perfilado(self, *argumentos, **opciones):
        if not (midiendo[0] and perfilar):
            return original(self, *argumentos, **opciones)
        perfil.enable()
        try:
            return original(self, *argumentos, **opciones)
        finally:
            perfil.disable()

    script_runner.ScriptRunner._run_script = perfilado
    app = AppTest.from_file(os.path.join(os.getcwd(), "app.py"), default_timeout=60)

    def poner(filtros: dict) -> None:
        for clave in list(app.query_params.keys()):
            del app.query_params[clave]
        for clave, valor in filtros.items():
            app.query_params[clave] = valor

    app.run()
    for filtros in FILTROS:  # every view warm, as the bench's audience warms them
        poner(filtros)
        app.run()
    tiempos = []
    for _ in range(vueltas):
        for filtros in FILTROS:
            poner(filtros)
            midiendo[0] = True
            inicio = time.perf_counter()
            app.run()
            tiempos.append((time.perf_counter() - inicio) * 1000)
            midiendo[0] = False
            if app.exception:
                raise RuntimeError(f"La pizarra falló con {filtros}: {app.exception}")
    tiempos.sort()
    resumen = {"reruns": len(tiempos), "mediana_ms": round(statistics.median(tiempos), 1),
               "p90_ms": round(tiempos[int(len(tiempos) * 0.9)], 1)}
    return resumen, (pstats.Stats(perfil) if perfilar else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Perfil de un cambio de filtro en la pizarra nacional (AppTest).")
    parser.add_argument("--vueltas", type=int, default=5, help="vueltas por las combinaciones de filtros")
    parser.add_argument("--sin-perfil", action="store_true", help="solo el tiempo, sin cProfile")
    parser.add_argument("--lineas", type=int, default=40, help="funciones del perfil que se muestran")
    args = parser.parse_args(argv)
    resumen, estadisticas = medir(args.vueltas, not args.sin_perfil)
    print(json.dumps(resumen), flush=True)
    if estadisticas is not None:
        salida = io.StringIO()
        estadisticas.stream = salida
        estadisticas.sort_stats("cumulative").print_stats(args.lineas)
        print(salida.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
