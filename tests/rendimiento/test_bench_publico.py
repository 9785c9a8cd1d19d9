"""The bench's «publico» section (bench/publico.py): its HTTP clients against the real static app under uvicorn count
pages, bytes and errors as they are; its targets follow the numbers; its section is written."""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import uvicorn

from bench import publico, resultados
from bench.servidor import puerto_libre
from pizarras.web.publico import PREFIJO, ConSitioPublico, SitioPublico, pagina_de_error
from tests.rendimiento.test_bench import _datos_minimos

DATOS = b'{"region": "norte"}\n' * 300


@pytest.fixture(scope="module")
def servidor(tmp_path_factory):
    """A small publication under /publico/ on uvicorn, in a thread, as `python -m bench.publico --servir` runs it."""
    sitio = tmp_path_factory.mktemp("publico") / "sitio"
    (sitio / "pizarra_nacional").mkdir(parents=True)
    (sitio / "pizarra_nacional" / "index.html").write_text("<!DOCTYPE html><html lang='es'>" + "x" * 500)
    (sitio / "datos.json").write_bytes(DATOS)
    (sitio / "datos.json.gz").write_bytes(gzip.compress(DATOS))

    async def nada_mas(scope, receive, send):
        await pagina_de_error(404, scope)(scope, receive, send)

    puerto = puerto_libre()
    config = uvicorn.Config(ConSitioPublico(nada_mas, SitioPublico(sitio), PREFIJO), host="127.0.0.1", port=puerto,
                            log_level="warning")
    servidor = uvicorn.Server(config)
    hilo = threading.Thread(target=servidor.run, daemon=True)
    hilo.start()
    while not servidor.started:
        time.sleep(0.02)
    yield puerto
    servidor.should_exit = True
    hilo.join(10)


def carga(puerto, rutas, clientes, llegada_s=0.2):
    plan = {"rutas": rutas, "acepta": publico.ACEPTA_EN_LA_RED}
    with ThreadPoolExecutor(1) as hilo:  # a loop of its own (Playwright may hold the main thread's)
        return hilo.submit(asyncio.run, publico.audiencia_estatica("127.0.0.1", puerto, plan, clientes,
                                                                   llegada_s)).result()


def test_each_client_loads_the_page_and_its_files_on_one_connection(servidor):
    r = publico.resumir_carga(carga(servidor, ["/publico/pizarra_nacional/?region=norte", "/publico/datos.json"], 20),
                              20, 1.0)
    assert (r["paginas"], r["errores"], r["respuestas"]) == (20, 0, 40)
    assert r["respuestas_codificadas"] == 20  # the data file went out as its .gz sibling, the small page as it is
    assert len(gzip.compress(DATOS)) + 500 < r["bytes_por_pagina"] < len(DATOS)  # headers included, gzip sent
    assert r["pagina_ms"]["n"] == 20 and r["peticion_ms"]["n"] == 40 and r["pagina_ms"]["p95"] > 0


def test_a_missing_file_or_a_closed_server_is_an_error(servidor):
    r = publico.resumir_carga(carga(servidor, ["/publico/pizarra_nacional/", "/publico/no-existe.js"], 5), 5, 1.0)
    assert r["paginas"] == 0 and r["errores"] == 5
    assert r["ejemplos_de_error"] == ["RuntimeError: /publico/no-existe.js: estado 404"]
    r = publico.resumir_carga(carga(puerto_libre(), ["/publico/"], 3), 3, 1.0)
    assert r["errores"] == 3 and "ConnectionRefusedError" in r["ejemplos_de_error"][0]


def _publico(p95_pagina: float, p95_diapositiva: float, errores: int = 0) -> dict:
    def medida(clientes, p95):
        return {"clientes": clientes, "paginas": clientes - errores, "errores": errores,
                "ejemplos_de_error": ["RuntimeError: x: estado 503"] if errores else [],
                "pagina_ms": {"n": clientes, "p50": p95 / 2, "p95": p95, "p99": p95, "min": 1.0, "max": p95 * 1.1},
                "peticion_ms": {"n": 3 * clientes, "p50": 5.0, "p95": 40.0, "p99": 50.0, "min": 1.0, "max": 60.0},
                "peticiones_por_s": 600.0, "bytes_por_pagina": 310_000, "respuestas_codificadas": 2 * clientes,
                "respuestas": 3 * clientes, "servidor": {"cpu_promedio_pct": 80.0, "cpu_max_pct": 99.0},
                "cliente_cpu_pct": 70.0}

    servidor = [medida(100, 120.0), medida(1000, p95_pagina)]
    for r, d95 in zip(servidor, (60.0, p95_diapositiva), strict=True):
        r["diapositiva"] = {"sin_carga_ms": {"n": 6, "p50": 40.0, "p95": 55.0, "max": 56.0},
                            "con_carga_ms": {"n": 20, "p50": 50.0, "p95": d95, "max": d95 + 10}, "errores": []}
    return {"pagina": "/publico/pizarra_nacional/?region=norte&ods=16", "llegada_s": 5.0, "limite_s": 30.0,
            "deck": "panorama-nacional", "paso_diapositiva_s": 0.5, "primera_publicacion_s": 2.1, "publicar_s": 1.8,
            "bytes_del_sitio": 6_000_000,
            "plan": {"acepta": "gzip, deflate", "pedidos": [
                {"ruta": "/publico/pizarra_nacional/?region=norte&ods=16", "estado": 200, "bytes": 900,
                 "codificacion": None},
                {"ruta": "/publico/datos/nacional.json", "estado": 200, "bytes": 52_000, "codificacion": "gzip"}]},
            "servidor": servidor, "solo": [medida(100, 90.0), medida(1000, 150.0)]}


def test_the_targets_are_the_largest_audience_on_the_presenters_server():
    nombres = ("copia pública: 1,000 teléfonos abren /publico/pizarra_nacional/?region=norte&ods=16 en el servidor "
               "del presentador", "cambio de diapositiva mientras 1,000 teléfonos abren la copia")
    datos = {**_datos_minimos(40.0, 6.0, 800.0), "publico": _publico(700.0, 250.0)}
    por_nombre = {t["name"]: t for t in resultados.construir_targets(datos)}
    assert por_nombre[nombres[0]]["met"] and por_nombre[nombres[0]]["measured"] == {"p95_ms": 700, "errores": 0}
    assert por_nombre[nombres[1]]["met"] and por_nombre[nombres[1]]["measured"] == 250
    datos["publico"] = _publico(1400.0, 450.0)
    por_nombre = {t["name"]: t for t in resultados.construir_targets(datos)}
    assert not por_nombre[nombres[0]]["met"] and not por_nombre[nombres[1]]["met"]
    datos["publico"] = _publico(700.0, 250.0, errores=1)
    assert not {t["name"]: t for t in resultados.construir_targets(datos)}[nombres[0]]["met"]
    datos.pop("publico")
    assert not any(t["name"] in nombres for t in resultados.construir_targets(datos))


def test_the_section_names_what_was_fetched_and_both_doors(tmp_path):
    datos = {**_datos_minimos(40.0, 6.0, 800.0), "publico": _publico(700.0, 250.0)}
    _, ruta_md = resultados.escribir(datos, tmp_path)
    md = ruta_md.read_text(encoding="utf-8")
    seccion = md.split("## Copia pública (/publico/) para una sala de teléfonos", 1)[1]
    assert "`/publico/datos/nacional.json` (200, 51 KB, gzip)" in seccion
    assert "(200, 900 B)" in seccion and "`Accept-Encoding: gzip, deflate`" in seccion
    assert "| servidor.py | 1,000 | 1000 | 350 ms | 700 ms | 770 ms |" in seccion
    assert "| app estática sola | 1,000 | 1000 | 75.0 ms | 150 ms | 165 ms |" in seccion
    assert "50.0 ms / 250 ms / 260 ms (n=20)" in seccion
    assert "sin carga (caché caliente): p50 40.0 ms, p95 55.0 ms" in seccion
