"""Server-side cost of a page rerun (AppTest, in the real frame) against its floor: the same elements redrawn from
constant data in memory by a bare script (bench/piso.py).

Pages are discovered from the `st.Page("pages/...")` calls in app.py (the PAGINAS registration), so a new board
is measured without touching this file.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import plotly.io as pio

from bench.estadistica import medir
from pizarras.config import RAIZ

ARNES = RAIZ / "tests" / "paginas" / "arnes.py"  # the page-test harness: the real frame with one page
PISO = Path(__file__).resolve().parent / "piso.py"
MEMORIA: dict[str, list[dict]] = {}  # captured element trees the floor script redraws, by key
PERFILES: list = []  # cProfile.Profile objects left by bench/arnes_perfilado.py
ARNES_PERFILADO = Path(__file__).resolve().parent / "arnes_perfilado.py"

# Filter sets for page reruns, as URL query parameters. Both are non-empty on purpose: an empty query string on a
# rerun means "page switch, keep the filters" in pizarras.ui.filtros. "amplio" selects every activity year.
URL_AMPLIO = {"periodo": ["2022", "2023", "2024", "2025"]}
URL_ESTRECHO = {"region": ["norte", "centro"], "programa": ["PROTAI"], "eje": ["PROTAI-T1", "PROTAI-T3", "PROTAI-X1"],
                "ods": ["16"], "periodo": ["2024", "2025"], "estatus": ["en_proceso", "concluida"]}


# Pages behind a login: what the bench would measure there is the login form, not a board.
CON_SESION = {"pages/autorreporte.py", "pages/revision.py", "pages/cargar.py"}


def paginas_de_tablero(app: Path = RAIZ / "app.py") -> list[dict]:
    """The registered pages the public reads: every board."""
    return [p for p in paginas_registradas(app) if p["ruta"] not in CON_SESION]


def paginas_registradas(app: Path = RAIZ / "app.py") -> list[dict]:
    """Every `st.Page("pages/x.py", title=...)` in app.py, in order: [{"ruta", "titulo"}]."""
    arbol = ast.parse(app.read_text(encoding="utf-8"))
    paginas = []
    for nodo in ast.walk(arbol):
        if (isinstance(nodo, ast.Call) and isinstance(nodo.func, ast.Attribute) and nodo.func.attr == "Page"
                and nodo.args and isinstance(nodo.args[0], ast.Constant) and isinstance(nodo.args[0].value, str)):
            titulo = next((k.value.value for k in nodo.keywords
                           if k.arg == "title" and isinstance(k.value, ast.Constant)), Path(nodo.args[0].value).stem)
            paginas.append({"ruta": nodo.args[0].value, "titulo": titulo, "linea": nodo.lineno})
    return [{"ruta": p["ruta"], "titulo": p["titulo"]} for p in sorted(paginas, key=lambda p: p["linea"])]


# ------------------------------------------------------------------------------------------------ capture

class _Almacen:
    """Records the media storage AppTest creates for a run, to read the bytes behind download buttons."""

    ultimo = None


@contextmanager
def registrar_medios() -> Iterator[type[_Almacen]]:
    from streamlit.testing.v1 import app_test

    original = app_test.MemoryMediaFileStorage

    def crear(*args, **kwargs):
        _Almacen.ultimo = original(*args, **kwargs)
        return _Almacen.ultimo

    with mock.patch.object(app_test, "MemoryMediaFileStorage", crear):
        yield _Almacen


def _bytes_de_descarga(url: str) -> bytes:
    if not url or _Almacen.ultimo is None:
        return b""
    try:
        return bytes(_Almacen.ultimo.get_file(url.rsplit("/", 1)[-1]).content)
    except Exception:
        return b""


def _hijos(nodo) -> list:
    hijos = getattr(nodo, "children", None) or {}
    return [hijos[k] for k in sorted(hijos)]


def capturar(nodo, omitidos: list[str], contador: list[int] | None = None) -> list[dict]:
    """The element tree under `nodo` as plain data the floor script can redraw; unknown kinds go to `omitidos`."""
    contador = contador if contador is not None else [0]
    elementos: list[dict] = []
    for hijo in _hijos(nodo):
        tipo = getattr(hijo, "type", "")
        contador[0] += 1
        clave = f"piso_{contador[0]}"
        proto = getattr(hijo, "proto", None)
        if tipo in ("title", "header", "subheader", "caption", "markdown", "text", "code",
                    "info", "warning", "error", "success"):
            elementos.append({"tipo": tipo, "valor": hijo.value})
        elif tipo == "metric":
            elementos.append({"tipo": "metric", "etiqueta": proto.label, "valor": proto.body,
                              "delta": proto.delta, "ayuda": proto.help})
        elif tipo == "plotly_chart":
            elementos.append({"tipo": "plotly_chart", "figura": pio.from_json(proto.spec, skip_invalid=True),
                              "clave": clave})
        elif tipo == "dataframe":
            elementos.append({"tipo": "dataframe", "tabla": hijo.value})
        elif tipo == "download_button":
            elementos.append({"tipo": "download_button", "etiqueta": proto.label,
                              "datos": _bytes_de_descarga(proto.url), "archivo": "descarga", "clave": clave})
        elif tipo == "multiselect":
            opciones = list(proto.options)
            elegidas = [opciones[i] for i in hijo.indices if i < len(opciones)]
            elementos.append({"tipo": "multiselect", "etiqueta": proto.label, "opciones": opciones,
                              "elegidas": elegidas, "clave": clave})
        elif tipo == "button":
            elementos.append({"tipo": "button", "etiqueta": proto.label, "clave": clave})
        elif tipo == "date_input":
            elementos.append({"tipo": "date_input", "etiqueta": proto.label, "valor": hijo.value, "clave": clave})
        elif tipo == "page_link":
            # The floor has no pages to link to: the same element, pointing outside (a page link is drawn alike).
            elementos.append({"tipo": "page_link", "etiqueta": proto.label, "icono": proto.icon or None,
                              "destino": f"http://127.0.0.1/{proto.page}"})
        elif tipo == "flex_container" and _hijos(hijo) and all(getattr(h, "type", "") == "column"
                                                               for h in _hijos(hijo)):
            columnas = _hijos(hijo)
            elementos.append({"tipo": "columnas", "pesos": [getattr(c, "weight", None) or 1 for c in columnas],
                              "hijos": [capturar(c, omitidos, contador) for c in columnas]})
        elif tipo == "expander":
            elementos.append({"tipo": "expander", "etiqueta": getattr(hijo, "label", ""),
                              "hijos": capturar(hijo, omitidos, contador)})
        elif _hijos(hijo) and all(getattr(h, "type", "") == "tab" for h in _hijos(hijo)):
            pestanas = _hijos(hijo)
            elementos.append({"tipo": "tabs", "etiquetas": [getattr(p, "label", "") for p in pestanas],
                              "hijos": [capturar(p, omitidos, contador) for p in pestanas]})
        elif tipo == "divider":
            elementos.append({"tipo": "divider"})
        elif tipo == "html":
            elementos.append({"tipo": "html", "valor": proto.body})
        elif tipo == "table":
            elementos.append({"tipo": "table", "tabla": hijo.value})
        elif tipo in ("flex_container", "vertical", "container"):
            elementos.append({"tipo": "contenedor", "hijos": capturar(hijo, omitidos, contador)})
        elif tipo == "sidebar":
            elementos.append({"tipo": "sidebar", "hijos": capturar(hijo, omitidos, contador)})
        elif tipo in ("main",):
            elementos.extend(capturar(hijo, omitidos, contador))
        elif tipo == "event":
            continue
        else:
            omitidos.append(tipo or type(hijo).__name__)
    return elementos


def contar(elementos: list[dict]) -> dict[str, int]:
    """How many elements of each kind a captured tree holds (layout blocks not counted)."""
    cuentas: dict[str, int] = {}
    for e in elementos:
        if "hijos" in e:
            listas = e["hijos"] if e["tipo"] in ("columnas", "tabs") else [e["hijos"]]
            for lista in listas:
                for k, v in contar(lista).items():
                    cuentas[k] = cuentas.get(k, 0) + v
        else:
            cuentas[e["tipo"]] = cuentas.get(e["tipo"], 0) + 1
    return cuentas


def categoria(archivo: str, funcion: str) -> str:
    """Where a profiled function lives: a third-party package, the app's own code, the GC, or Python itself."""
    if "gc.collect" in funcion:
        return "gc.collect"
    if "site-packages/" in archivo:
        return archivo.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if archivo.startswith(str(RAIZ)):
        return "app: " + Path(archivo).relative_to(RAIZ).parts[0]
    if funcion.startswith("<built-in method") or funcion.startswith("<method"):
        return "funciones de C (" + funcion.split(" ")[-1].rstrip(">").split(".")[0] + ")"
    return "Python (biblioteca estándar)"


def perfil_por_categoria(perfil, limite: int = 8) -> list[dict]:
    """Own time (tottime) of one profiled run grouped by `categoria`, largest first, in ms and % of the total."""
    import pstats

    estadisticas = pstats.Stats(perfil).stats
    suma: dict[str, float] = {}
    for (archivo, _linea, funcion), (_cc, _nc, propio, _acum, _llamadores) in estadisticas.items():
        clave = categoria(archivo, funcion)
        suma[clave] = suma.get(clave, 0.0) + propio
    total = sum(suma.values()) or 1.0
    orden = sorted(suma.items(), key=lambda kv: kv[1], reverse=True)
    filas = [{"categoria": k, "ms": v * 1000, "pct": 100 * v / total} for k, v in orden[:limite]]
    resto = sum(v for _, v in orden[limite:])
    if resto:
        filas.append({"categoria": "resto", "ms": resto * 1000, "pct": 100 * resto / total})
    return filas


def funciones_de_la_app(perfil, limite: int = 8) -> list[dict]:
    """The app's own functions (pizarras/) with the most cumulative time in one profiled run."""
    import pstats

    filas = []
    for (archivo, linea, funcion), (_cc, llamadas, _propio, acumulado, _ll) in pstats.Stats(perfil).stats.items():
        if (archivo.startswith(str(RAIZ / "pizarras")) and funcion != "<module>"
                and not archivo.endswith("marco.py")):  # the frame wraps the whole run
            filas.append({"funcion": f"{Path(archivo).relative_to(RAIZ)}:{funcion}", "llamadas": llamadas,
                          "ms_acumulado": acumulado * 1000})
    return sorted(filas, key=lambda f: f["ms_acumulado"], reverse=True)[:limite]


def _de_tipo(elementos: list[dict], tipo: str) -> list[dict]:
    encontrados = []
    for e in elementos:
        if e["tipo"] == tipo:
            encontrados.append(e)
        elif "hijos" in e:
            for lista in (e["hijos"] if e["tipo"] in ("columnas", "tabs") else [e["hijos"]]):
                encontrados += _de_tipo(lista, tipo)
    return encontrados


# ------------------------------------------------------------------------------------------------ timing

def _poner_url(at, url: dict[str, list[str]]) -> None:
    at.query_params.clear()
    for clave, valores in url.items():
        at.query_params[clave] = list(valores)


def _rerun(at):
    at._finished_page_script_hash = ""  # AppTest 1.67 quirk, see tests/apoyo/paginas.py
    return at.run()


def medir_pagina(ruta_pagina: str, db: Path, repeticiones: int, presupuesto_s: float, aviso=print) -> dict:
    """Open a page on `db`, then time warm reruns and warm filter changes, and the same for its floor."""
    from streamlit.testing.v1 import AppTest

    os.environ["PIZARRAS_DB"] = str(db)
    resultado: dict = {"pagina": ruta_pagina}
    with registrar_medios():
        at = AppTest.from_file(str(ARNES), default_timeout=900)
        at.session_state["pagina_bajo_prueba"] = ruta_pagina
        _poner_url(at, URL_AMPLIO)
        import time

        t0 = time.perf_counter()
        at.run()
        resultado["primera_carga_ms"] = (time.perf_counter() - t0) * 1000
        if at.exception:
            resultado["error"] = "; ".join(str(e.value)[:300] for e in at.exception)
            return resultado
        errores = [e.value for e in at.error]
        if errores:  # e.g. the database is held by another process: nothing to measure
            resultado["error"] = "la página mostró: " + "; ".join(errores)[:300]
            return resultado

        omitidos: list[str] = []
        elementos_amplio = capturar(at._tree, omitidos)
        resultado["rerun_ms"] = medir(lambda: _rerun(at), repeticiones, presupuesto_s, calentar=False)
        _poner_url(at, URL_ESTRECHO)
        _rerun(at)  # fills the cache for the narrow set
        elementos_estrecho = capturar(at._tree, omitidos)

        def ida_y_vuelta():  # one change each way, both cached; measured per change
            for url in (URL_AMPLIO, URL_ESTRECHO):
                _poner_url(at, url)
                _rerun(at)

        ida_y_vuelta_ms = medir(ida_y_vuelta, repeticiones, presupuesto_s * 2, calentar=False)
        resultado["cambio_filtro_ms"] = {**ida_y_vuelta_ms, **{k: ida_y_vuelta_ms[k] / 2 for k in ("mediana", "min", "max")}}
    if resultado["rerun_ms"]["mediana"] < 10_000:  # where one more profiled run is cheap
        PERFILES.clear()
        perfilada = AppTest.from_file(str(ARNES_PERFILADO), default_timeout=900)
        perfilada.session_state["pagina_bajo_prueba"] = ruta_pagina
        _poner_url(perfilada, URL_AMPLIO)
        perfilada.run()
        _rerun(perfilada)
        if PERFILES and not perfilada.exception:
            resultado["perfil_rerun"] = perfil_por_categoria(PERFILES[-1])
            resultado["perfil_funciones_app"] = funciones_de_la_app(PERFILES[-1])
    resultado["elementos"] = contar(elementos_amplio)
    figuras = _de_tipo(elementos_amplio, "plotly_chart")
    tablas = _de_tipo(elementos_amplio, "dataframe")
    if figuras:  # what st.plotly_chart does with each figure on every rerun
        resultado["figuras_json_ms"] = medir(lambda: [pio.to_json(e["figura"], validate=False) for e in figuras],
                                             repeticiones, presupuesto_s)
    if tablas:  # what st.dataframe does with each table on every rerun
        from streamlit.dataframe_util import convert_pandas_df_to_arrow_bytes

        resultado["filas_tabla"] = sum(len(e["tabla"]) for e in tablas)
        resultado["tabla_arrow_ms"] = medir(lambda: [convert_pandas_df_to_arrow_bytes(e["tabla"]) for e in tablas],
                                            repeticiones, presupuesto_s)
        # st.cache_data hands each caller an unpickled copy of a cached result, on every rerun.
        import pickle

        guardadas = [pickle.dumps(e["tabla"]) for e in tablas]
        resultado["tabla_copia_cache_ms"] = medir(lambda: [pickle.loads(g) for g in guardadas], repeticiones,
                                                  presupuesto_s)
    resultado["omitidos_en_piso"] = sorted(set(omitidos))

    clave = f"{ruta_pagina}@{db}"
    MEMORIA[clave + "#amplio"], MEMORIA[clave + "#estrecho"] = elementos_amplio, elementos_estrecho
    piso = AppTest.from_file(str(PISO), default_timeout=900)
    piso.session_state["piso_clave"] = clave + "#amplio"
    piso.run()
    if piso.exception:
        resultado["error_piso"] = "; ".join(str(e.value)[:300] for e in piso.exception)
        return resultado
    resultado["piso_rerun_ms"] = medir(piso.run, repeticiones, presupuesto_s)

    def ida_y_vuelta_piso():
        for sufijo in ("#estrecho", "#amplio"):
            piso.session_state["piso_clave"] = clave + sufijo
            piso.run()

    ida_y_vuelta_piso_ms = medir(ida_y_vuelta_piso, repeticiones, presupuesto_s * 2)
    resultado["piso_cambio_ms"] = {**ida_y_vuelta_piso_ms,
                                   **{k: ida_y_vuelta_piso_ms[k] / 2 for k in ("mediana", "min", "max")}}
    for modo, piso_modo in (("rerun_ms", "piso_rerun_ms"), ("cambio_filtro_ms", "piso_cambio_ms")):
        resultado[f"razon_{modo.removesuffix('_ms')}"] = resultado[modo]["mediana"] / resultado[piso_modo]["mediana"]
    aviso(f"  {ruta_pagina} @ {db.name}: rerun {resultado['rerun_ms']['mediana']:.0f} ms "
          f"(piso {resultado['piso_rerun_ms']['mediana']:.0f}), cambio de filtro "
          f"{resultado['cambio_filtro_ms']['mediana']:.0f} ms (piso {resultado['piso_cambio_ms']['mediana']:.0f})")
    for k in [k for k in MEMORIA if k.startswith(clave)]:
        del MEMORIA[k]
    return resultado


def main(argv: list[str] | None = None) -> int:
    """Measure one page on one database in this process and write the result as JSON (the bench runs this in a
    child process, so the app's DuckDB connections and cached data are gone before the real server starts)."""
    import argparse
    import gc
    import json

    parser = argparse.ArgumentParser(description="Mide el rerun de una página contra su piso (uso interno de bench).")
    parser.add_argument("--pagina", required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeticiones", type=int, default=7)
    parser.add_argument("--presupuesto", type=float, default=1.5)
    parser.add_argument("--salida", type=Path, required=True)
    args = parser.parse_args(argv)
    # Run as `python -m bench.paginas` this module is __main__; the floor script imports bench.paginas, so measure
    # through that module for both to share MEMORIA.
    from bench import paginas as modulo

    resultado = modulo.medir_pagina(args.pagina, args.db, args.repeticiones, args.presupuesto)
    # What runner.postScriptGC pays after every script run, with this heap (the app and its data loaded).
    resultado["gc_collect_ms"] = medir(gc.collect, 5, 5.0)
    args.salida.write_text(json.dumps(resultado, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
