"""A static publication of the boards: a self-contained folder any static host or CDN can serve without Streamlit.

`python -m pizarras publicar CARPETA` writes one folder per board, named as the app's page path
(`pizarra_nacional/`, `pizarra_region/`, `pizarra_organismo/`, `compromisos/`, `capacitaciones/`, `mapa/`) so that
an app link (`/pizarra_region?region=norte`) opens the same view on the site; each board reads the app's query
string and applies its filters in the browser (`recursos/sitio.js`) over the data files in `tableros/`
(`sitio.datos`). Before any script runs each page already shows its unfiltered figures and tables
(`sitio.tableros`, from the app's own board functions). Beside them: the open data (`datos/`), its page, and
precompressed `.gz`/`.br` copies of every text file for servers that send them. Only validated records, like every
public view. The folder is written beside its destination and swapped in at the end; a folder that was not written
by this function is never replaced.
"""

from __future__ import annotations

import gzip
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import brotli
import duckdb
import pandas as pd

from pizarras.base.consultas import ejecutar
from pizarras.lectura.cifras import ETIQUETAS
from pizarras.lectura.filtros import Filtros
from pizarras.publicacion import datos_abiertos
from pizarras.publicacion.presentaciones import opciones_de
from pizarras.publicacion.sitio import datos as datos_sitio
from pizarras.publicacion.sitio import paginas
from pizarras.publicacion.sitio.tableros import PAGINAS, vista

MARCA = ".pizarras-publicacion"  # marks a folder this function wrote (and may replace)
RECURSOS = Path(__file__).with_name("recursos")
COMPRIMIBLES = frozenset({".html", ".js", ".css", ".json", ".csv", ".txt", ".svg"})
TAMANO_MINIMO = 1024  # below this, a compressed copy saves less than its headers
ARCHIVO_GRANDE = 2_000_000  # bytes: compressed at faster levels (see _comprimir_uno)
# The site's file names before the boards had folders: kept as redirects, so old links still open a board.
ANTERIORES = {"pizarra_nacional.html": "pizarra_nacional/", "compromisos.html": "compromisos/",
              "capacitaciones.html": "capacitaciones/", "regiones.html": "pizarra_region/", "mapa.html": "mapa/",
              "datos.html": "datos_abiertos/", "presentacion/index.html": "index.html"}


class ErrorDePublicacion(RuntimeError):
    """The destination cannot be written; the message says why, in Spanish."""


@dataclass(frozen=True)
class Publicacion:
    carpeta: Path
    paginas: list[str]
    archivos: int  # files written, without the compressed copies
    archivos_datos: int  # of which open-data files
    bytes: int  # their size on disk
    bytes_comprimidos: int  # of the .gz copies
    segundos: float


def _nada(_: str) -> None:
    pass


def _comprimir_uno(ruta: Path) -> int:
    contenido = ruta.read_bytes()
    grande = len(contenido) >= ARCHIVO_GRANDE
    # mtime 0: the same bytes every time. Big files (the open data's tables) at faster levels: the densest ones took
    # minutes at the bench's 1M activities for a few per cent.
    comprimido = gzip.compress(contenido, compresslevel=6 if grande else 9, mtime=0)
    ruta.with_name(ruta.name + ".gz").write_bytes(comprimido)
    ruta.with_name(ruta.name + ".br").write_bytes(brotli.compress(contenido, quality=4 if grande else 11))
    return len(comprimido)


def _comprimir(carpeta: Path) -> int:
    """Write `X.gz` and `X.br` beside every text file of at least TAMANO_MINIMO bytes, on every core (zlib and
    brotli release the GIL); returns the .gz bytes."""
    rutas = sorted(p for p in carpeta.rglob("*")
                   if p.is_file() and p.suffix in COMPRIMIBLES and p.stat().st_size >= TAMANO_MINIMO)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as hilos:
        return sum(hilos.map(_comprimir_uno, rutas))


def _redireccion(destino: str, titulo: str) -> str:
    # The query string goes along: an old link with filters keeps them.
    return (f'<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>{paginas.e(titulo)}</title>'
            f'<meta http-equiv="refresh" content="0; url={destino}">'
            f'<script>location.replace("{destino}" + location.search);</script></head>'
            f'<body><p><a href="{destino}">{paginas.e(titulo)}</a></p></body></html>\n')


def _primeras_actividades(archivos: dict) -> tuple[list[list[str]], int]:
    """The newest rows across the organismos' files, in the app's order (newest report, then id)."""
    filas = []
    for nombre, archivo in archivos.items():
        if not nombre.startswith("actividades/"):
            continue
        claves = archivo["claves"]
        filas += [(r, i, f) for r, i, f in zip(claves["reportado_en"], claves["id"], archivo["filas"], strict=True)]
    filas.sort(key=lambda x: x[1])
    filas.sort(key=lambda x: x[0] or "", reverse=True)
    total = sum(archivos["indice"]["actividades"]["por_organismo"].values())
    return [f for _, _, f in filas[: paginas.FILAS_SIN_JS]], total


def _inicio(validados: str | None) -> str:
    enlaces = "".join(f'<li><a href="{p.ruta}/">{paginas.e(p.titulo)}</a> — {paginas.e(p.descripcion)}</li>'
                      for p in PAGINAS.values())
    enlaces += f'<li><a href="{paginas.DATOS[0]}/">{paginas.DATOS[1]}</a> — las tablas completas, su diccionario.</li>'
    sello = f'<p class="validados">{paginas.e(validados)}</p>' if validados else ""
    return (f"<p>Las pizarras de avance del SNT, con los mismos filtros que la aplicación: región, entidad, "
            f"organismo, programa, eje, ODS, periodo y estatus. Un enlace de la aplicación "
            f"(<code>pizarra_region?region=norte</code>) abre aquí la misma vista.</p>{sello}<ul>{enlaces}</ul>")


def _cuantos(valor) -> str:
    return "" if valor is None or pd.isna(valor) else f"{int(valor):,}"


def _pagina_datos(con: duckdb.DuckDBPyConnection, ahora: datetime, validados: str | None) -> str:
    resumen = datos_abiertos.resumen(con)
    base = datos_abiertos.url_base_publica()
    cita = datos_abiertos.cita(url=f"{base}/{datos_abiertos.PAGINA_EN_EL_SITIO}" if base else None)
    filas = "".join(
        f"<tr><th scope=\"row\">{paginas.e(f['titulo'])}</th><td>{f['filas']:,}</td>"
        f"<td>{_cuantos(f['filas_demo'])}</td>"
        + "".join(f'<td><a href="../datos/{formato}/{paginas.e(f["tabla"])}.{formato}">{formato.upper()}</a></td>'
                  for formato in datos_abiertos.FORMATOS)
        + "</tr>"
        for f in resumen.to_dict("records")
    )
    cabeza = "".join(f'<th scope="col">{f.upper()}</th>' for f in datos_abiertos.FORMATOS)
    sello = f'<p class="validados">{paginas.e(validados)}</p>' if validados else ""
    return (
        f'<p class="aviso">{paginas.e(datos_abiertos.NOTA_REVISION)} {paginas.e(datos_abiertos.NOTA_DEMO)}</p>{sello}'
        f"<p>Fecha de extracción: {ahora:%Y-%m-%d %H:%M}. {paginas.e(datos_abiertos.NOTA_FORMULAS)}</p>"
        '<p><a href="../datos/diccionario.csv">Diccionario de datos (CSV)</a> · '
        '<a href="../datos/metadatos.json">Metadatos (JSON)</a> · <a href="../datos/LEEME.txt">LÉEME</a> · '
        f'<a href="../datos/{datos_abiertos.PAQUETE}">Paquete de datos (Frictionless, JSON)</a> · '
        f'<a href="../datos/{datos_abiertos.CATALOGO}">Catálogo (DCAT, JSON)</a></p>'
        '<h2>Cómo citar estos datos</h2><p>La licencia Libre Uso MX pide citar el conjunto así:</p>'
        f'<p class="cita"><code>{paginas.e(cita)}</code></p>'
        '<div class="desplazable"><table><thead><tr><th scope="col">Tabla</th><th scope="col">Filas</th>'
        f'<th scope="col">De demostración</th>{cabeza}</tr></thead><tbody>{filas}</tbody></table></div>'
    )


def publicar(con: duckdb.DuckDBPyConnection, destino: Path, ahora: datetime | None = None,
             avisar: Callable[[str], None] | None = None) -> Publicacion:
    """Write the site to `destino` (replaced only if an earlier publication wrote it); `avisar` gets one Spanish
    line per step."""
    inicio = time.perf_counter()
    avisar = avisar or _nada
    destino = Path(destino)
    if destino.exists() and any(destino.iterdir()) and not (destino / MARCA).exists():
        raise ErrorDePublicacion(
            f"«{destino}» ya existe y no es una publicación anterior de Pizarras de Avance: elija una carpeta nueva o "
            "vacía (no se reemplaza una carpeta ajena)."
        )
    ahora = ahora or datetime.now()
    hoy = ahora.date()
    consultar = partial(ejecutar, con)
    opciones = opciones_de(con)

    temporal = destino.with_name(f".{destino.name}.publicando-{os.getpid()}")
    shutil.rmtree(temporal, ignore_errors=True)
    temporal.mkdir(parents=True)
    try:
        avisar("Datos abiertos: tablas en CSV, XLSX, JSON y Parquet…")
        archivos_datos = datos_abiertos.escribir(con, temporal / "datos", ahora)
        validados = datos_abiertos.ultima_validacion(con)
        sello = None if validados is None else f"Datos validados al {validados:%d/%m/%Y}"
        avisar("Datos de las pizarras para los filtros…")
        archivos = datos_sitio.escribir(con, temporal / "tableros", hoy, avisar)
        (temporal / "recursos").mkdir()
        shutil.copyfile(RECURSOS / "sitio.js", temporal / "recursos" / "sitio.js")  # its style is in each page
        visibles = datos_sitio.columnas_visibles()
        for pagina in PAGINAS.values():
            avisar(f"{pagina.titulo}…")
            v = vista(consultar, pagina.ruta, Filtros(), hoy)
            tabla = None
            if pagina.tabla and "elegir" not in v:
                if pagina.tabla == "actividades":
                    filas, total = _primeras_actividades(archivos)
                else:
                    filas = archivos[pagina.tabla]["filas"]
                    total = len(filas)
                tabla = paginas.tabla_sin_script(archivos["indice"], pagina.tabla, filas, total, visibles[pagina.tabla])
            cuerpo = paginas.tablero(pagina, v, opciones, ETIQUETAS, tabla)
            (temporal / pagina.ruta).mkdir()
            (temporal / pagina.ruta / "index.html").write_text(
                paginas.documento("../", pagina.ruta, pagina.titulo, cuerpo, ahora, con_script=True), "utf-8")
        (temporal / paginas.DATOS[0]).mkdir()
        (temporal / paginas.DATOS[0] / "index.html").write_text(
            paginas.documento("../", paginas.DATOS[0], paginas.DATOS[1], _pagina_datos(con, ahora, sello), ahora,
                              con_script=False, cabeza=datos_abiertos.json_ld(con, ahora)), "utf-8")
        (temporal / "index.html").write_text(
            paginas.documento("", "index", "Pizarras de Avance", _inicio(sello), ahora, con_script=False), "utf-8")
        for viejo, nuevo in ANTERIORES.items():
            ruta = temporal / viejo
            ruta.parent.mkdir(parents=True, exist_ok=True)
            subir = "../" * viejo.count("/")
            ruta.write_text(_redireccion(subir + nuevo, "Pizarras de Avance"), "utf-8")
        (temporal / MARCA).write_text(ahora.isoformat(timespec="seconds") + "\n", "utf-8")
        todos = [p for p in temporal.rglob("*") if p.is_file()]
        tamano = sum(p.stat().st_size for p in todos)
        avisar("Copias comprimidas (.gz, .br)…")
        comprimidos = _comprimir(temporal)
        # Two renames, never a moment without a whole site on disk: a server reading `destino` meanwhile (the
        # presenter's /publico/) gets the old one or the new one, and a crash leaves one of them in place.
        anterior = destino.with_name(f".{destino.name}.anterior-{os.getpid()}")
        shutil.rmtree(anterior, ignore_errors=True)  # left by a crash, if any
        if destino.exists():
            os.replace(destino, anterior)
        os.replace(temporal, destino)
        shutil.rmtree(anterior, ignore_errors=True)
    finally:
        shutil.rmtree(temporal, ignore_errors=True)
    return Publicacion(destino, [p.ruta for p in PAGINAS.values()], len(todos), len(archivos_datos), tamano,
                       comprimidos, time.perf_counter() - inicio)
