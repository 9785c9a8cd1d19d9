"""Spreadsheet imports at scale: checking and importing 10,000 and 100,000 activity rows, time and memory.

Each size: an XLSX built like a filled template (one organismo's new activities), checked (`revision.revisar`) and
imported (`importar.importar`) by an admin into a fresh copy of the seed database. Memory: how much the run raised
the process's peak resident size (tracemalloc would slow the run several times over, so it is not used)."""

from __future__ import annotations

import io
import resource
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
import psutil
from openpyxl import Workbook

from pizarras.arranque import migrar
from pizarras.cargas.formatos import COLUMNAS_ACTIVIDADES
from pizarras.cargas.importar import importar
from pizarras.cargas.revision import revisar
from pizarras.escritura.cuentas import Usuario

TAMANOS = (10_000, 100_000)
OPERADOR = Usuario("bench", "Banco de pruebas", "", "admin", None)


def archivo_de(filas: int) -> bytes:
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet("Datos")
    hoja.append([c.encabezado for c in COLUMNAS_ACTIVIDADES])
    for i in range(filas):
        hoja.append(["", "ITEI", "PROTAI", "PROTAI-T3", "PROTAI-X1", "16", f"Actividad de carga {i}", "",
                     "Capacitación", "10/03/2025", "2025-03-31", 2025, "En proceso", 45, "", ""])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def medir_carga(semilla: Path, tamanos: tuple[int, ...] = TAMANOS, aviso=print) -> list[dict]:
    resultados = []
    proceso = psutil.Process()
    for filas in tamanos:
        contenido = archivo_de(filas)
        with tempfile.TemporaryDirectory() as carpeta:
            ruta = Path(shutil.copy(semilla, Path(carpeta) / "carga.duckdb"))
            migrar(ruta)
            con = duckdb.connect(str(ruta))
            try:
                pico_antes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
                rss_antes = proceso.memory_info().rss
                inicio = time.perf_counter()
                revision = revisar(con, OPERADOR, "carga.xlsx", contenido)
                revisado = time.perf_counter()
                resultado = importar(con, OPERADOR, revision)
                fin = time.perf_counter()
                pico = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - pico_antes
                rss_despues = proceso.memory_info().rss
            finally:
                con.close()
        r = {"filas": filas, "mb_archivo": round(len(contenido) / 2**20, 2), "valido": revision.valida,
             "insertadas": resultado.insertadas, "revisar_s": round(revisado - inicio, 2),
             "importar_s": round(fin - revisado, 2), "total_s": round(fin - inicio, 2),
             "pico_rss_mb": round(pico / 1024, 1), "rss_crecimiento_mb": round((rss_despues - rss_antes) / 2**20, 1)}
        aviso(f"  {filas:,} filas: revisar {r['revisar_s']} s, importar {r['importar_s']} s")
        resultados.append(r)
    return resultados
