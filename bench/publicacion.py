"""Publishing and presenting, measured: how long `python -m pizarras publicar` takes on a database and what it writes
(files and bytes on disk, the precompressed copies apart, the publishing process's peak memory), and what a slide
change costs the server (a rerun of the presentation page with the next `?diapositiva=N`, through AppTest).

Run by `python -m bench` in a child process per database (`python -m bench.publicacion --db RUTA --salida JSON`):
the app's cached connection must not hold the database file after the measurement.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench.estadistica import medir, resumen
from pizarras.publicacion.sitio import publicar

RAIZ = Path(__file__).resolve().parents[1]
ARNES = RAIZ / "tests" / "paginas" / "arnes.py"
DECK = "panorama-nacional"


PRECOMPRIMIDAS = (".gz", ".br")


def precomprimidas(carpeta: Path) -> dict:
    """The precompressed copies of a published site (X.gz, X.br beside X): how many and their bytes, by kind. A
    file ending in .gz with no X beside it is a file of the site, not a copy."""
    cuenta = {"archivos": 0, "bytes": 0, **{extension.lstrip("."): 0 for extension in PRECOMPRIMIDAS}}
    for ruta in carpeta.rglob("*"):
        if ruta.suffix in PRECOMPRIMIDAS and ruta.is_file() and ruta.with_suffix("").is_file():
            tamano = ruta.stat().st_size
            cuenta["archivos"] += 1
            cuenta["bytes"] += tamano
            cuenta[ruta.suffix.lstrip(".")] += tamano
    return cuenta


def pico_de_memoria_mb() -> float | None:
    """The peak RSS of this process so far (VmHWM). Not getrusage's ru_maxrss: Linux carries that over an exec from
    the parent, so a child of the bench would report the bench's own peak."""
    try:
        linea = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None
    return int(linea.split()[1]) / 1024  # kB


def tiempo_de_publicar(db: Path, repeticiones: int, presupuesto: float) -> dict:
    """Milliseconds to write the whole static site (pages, charts, open data) from `db`, and what it wrote: pages,
    data files, files and bytes on disk (`Publicacion`), its precompressed copies, and the peak RSS of this process
    (the publishing one: run it in a process of its own)."""
    carpeta = Path(tempfile.mkdtemp(prefix="bench-publicar-"))
    con = duckdb.connect(str(db), read_only=True)
    hechas = []
    try:
        tiempos = medir(lambda: hechas.append(publicar(con, carpeta / "sitio")), repeticiones, presupuesto, minimo=1,
                        calentar=False)
        ultima = hechas[-1]
        sitio = {"paginas": len(ultima.paginas), "archivos_datos": ultima.archivos_datos, "archivos": ultima.archivos,
                 "bytes": ultima.bytes, "precomprimidas": precomprimidas(ultima.carpeta)}
    finally:
        con.close()
        shutil.rmtree(carpeta, ignore_errors=True)
    # The peak so far: read before the slide changes load Streamlit.
    return {"publicar_ms": tiempos, "sitio_bytes": ultima.bytes, "sitio": sitio, "rss_max_mb": pico_de_memoria_mb()}


def cambio_de_diapositiva(db: Path, vueltas: int) -> dict | None:
    """A default deck shown slide after slide: the first pass (nothing cached) and later passes (cached)."""
    from streamlit.testing.v1 import AppTest

    con = duckdb.connect(str(db), read_only=True)
    try:
        hay = con.execute("select count(*) from diapositivas where presentacion = ?", [DECK]).fetchone()[0]
    finally:
        con.close()
    if not hay:
        return None
    at = AppTest.from_file(str(ARNES), default_timeout=120)
    at.session_state["pagina_bajo_prueba"] = "pages/presentacion.py"
    at.query_params["presentacion"] = DECK
    at.query_params["avance"] = "0"
    primera, caliente = [], []
    for vuelta in range(vueltas + 1):
        for n in range(1, hay + 1):
            at.query_params["diapositiva"] = str(n)
            t0 = time.perf_counter()
            at.run()
            (primera if vuelta == 0 else caliente).append((time.perf_counter() - t0) * 1000)
            if at.exception:
                raise RuntimeError(f"La diapositiva {n} falló: {at.exception[0].message}")
    return {"diapositivas": hay, "primera_vuelta_ms": resumen(primera), "caliente_ms": resumen(caliente)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mide publicar y el cambio de diapositiva en una base.")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--salida", type=Path, required=True)
    parser.add_argument("--repeticiones", type=int, default=3)
    parser.add_argument("--presupuesto", type=float, default=60.0)
    args = parser.parse_args(argv)
    import os

    os.environ["PIZARRAS_DB"] = str(args.db)
    resultado = tiempo_de_publicar(args.db, args.repeticiones, args.presupuesto)
    resultado["diapositiva"] = cambio_de_diapositiva(args.db, vueltas=max(1, args.repeticiones))
    args.salida.write_text(json.dumps(resultado, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
