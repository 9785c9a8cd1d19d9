"""A static publication of the boards: a self-contained folder any static host or CDN can serve without Streamlit.

`python -m pizarras publicar CARPETA` writes an index, one HTML page per main board (national, commitments,
trainings, regions, map) with interactive plotly charts, the open data with its dictionary, and plotly.js copied from
the installed plotly package: no CDN, nothing fetched from another host. Only validated records, like every public
view; each page says «Datos validados al …», the newest validation among what it shows. Text from the database is HTML-escaped. The folder is written beside its destination and swapped in at the
end; a folder that was not written by this function is never replaced.
"""

from __future__ import annotations

import html
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path

import duckdb
import pandas as pd
import plotly
import plotly.graph_objects as go

from pizarras import estilo
from pizarras.base.consultas import ejecutar
from pizarras.graficas.declaradas import figura_de
from pizarras.graficas.mapa import figura_mapa
from pizarras.lectura.cifras import Cifra, elegir
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros import capacitaciones as t_capacitaciones
from pizarras.lectura.tableros import compromisos as t_compromisos
from pizarras.lectura.tableros import ultima_validacion, validados_al
from pizarras.lectura.tableros.mapa import MEDIDAS, mapa_entidades
from pizarras.lectura.tableros.nacional import pizarra_nacional
from pizarras.lectura.tableros.region import pizarra_region
from pizarras.publicacion import datos_abiertos

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
MARCA = ".pizarras-publicacion"  # marks a folder this function wrote (and may replace)
PAGINAS = {
    "index.html": "Inicio",
    "pizarra_nacional.html": "Pizarra nacional",
    "compromisos.html": "Compromisos de gobierno abierto",
    "capacitaciones.html": "Capacitaciones",
    "regiones.html": "Regiones",
    "mapa.html": "Mapa por entidad",
    "datos.html": "Datos abiertos",
}

# The app's page paths, each a folder whose index sends to the matching static page: an audience link made for the
# app (`/pizarra_region?region=norte`, PIZARRAS_URL_PUBLICA pointing here) still opens a board, without its filters.
ALIAS = {
    "pizarra_nacional": "pizarra_nacional.html", "compromisos": "compromisos.html",
    "capacitaciones": "capacitaciones.html", "pizarra_region": "regiones.html", "pizarra_organismo": "regiones.html",
    "mapa": "mapa.html", "datos_abiertos": "datos.html", "presentacion": "index.html",
}


class ErrorDePublicacion(RuntimeError):
    """The destination cannot be written; the message says why, in Spanish."""


@dataclass(frozen=True)
class Publicacion:
    carpeta: Path
    paginas: list[str]
    graficas: int
    archivos_datos: int
    archivos: int  # files written (precompressed copies not counted)
    bytes: int  # their size on disk
    segundos: float


_CSS = """
body { font-family: "Source Sans Pro", system-ui, sans-serif; margin: 0; color: #111; background: #fff; }
header { background: #0072B2; color: #fff; padding: 0.8rem 1.5rem; }
header h1 { margin: 0; font-size: 1.4rem; }
nav a { color: #fff; margin-right: 1rem; text-decoration: none; font-weight: 600; }
main { padding: 1rem 1.5rem; max-width: 1200px; }
.kpis { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.kpi { border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 1rem; min-width: 10rem; }
.kpi b { display: block; font-size: 1.8rem; }
.validados { color: #555; }
.aviso { background: #EEF6FC; border-left: 4px solid #0072B2; padding: 0.6rem 1rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; }
footer { color: #555; font-size: 0.9rem; padding: 1rem 1.5rem; }
"""


def _e(texto: object) -> str:
    return html.escape(str(texto), quote=True)


def _pagina(nombre: str, titulo: str, cuerpo: str, extraido: datetime, con_plotly: bool) -> str:
    enlaces = " ".join(f'<a href="{archivo}">{_e(t)}</a>' for archivo, t in PAGINAS.items())
    script = '<script src="plotly.min.js" charset="utf-8"></script>' if con_plotly else ""
    return f"""<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(titulo)} · Pizarras de Avance · SNT</title><style>{_CSS}</style>{script}</head>
<body><header><h1>Pizarras de Avance · Sistema Nacional de Transparencia</h1><nav>{enlaces}</nav></header>
<main><h2>{_e(titulo)}</h2>{cuerpo}</main>
<footer>Solo registros validados. Publicado el {estilo.fecha_hora(extraido)}.
{_e(datos_abiertos.NOTA_LICENCIA)}</footer>
</body></html>
"""


def _validados(fecha: object) -> str:
    """«Datos validados al dd/mm/aaaa» (nothing when nothing shown is validated)."""
    texto = validados_al(fecha)
    return f'<p class="validados">{_e(texto)}</p>' if texto else ""


def _kpis(cifras: Iterable[Cifra]) -> str:
    return ('<div class="kpis">' + "".join(f'<div class="kpi">{_e(c.etiqueta)}<b>{_e(c.texto)}</b></div>' for c in cifras)
            + "</div>")


def _grafica(fig: go.Figure) -> str:
    # No plotly.js inside: every page loads the one copy beside it.
    return fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False, "responsive": True})


def _demo(registros: int) -> str:
    if not registros:
        return ""
    return (f'<p class="aviso">{registros:,} de los registros son datos de demostración, no reportes reales del SNT '
            "(columna es_demo en los datos abiertos).</p>")


def _nacional(consultar, filtros: Filtros, hoy: date) -> tuple[str, list[go.Figure]]:
    p = pizarra_nacional(consultar, filtros, hoy)
    kpis = _kpis(elegir(p.cifras, "actividades", "concluidas", "avance_promedio", "organismos_reportando", "vencidas"))
    kpis += _validados(ultima_validacion(p.kpi_actividades))  # the page shows activities only
    if p.vacia:
        return kpis + "<p>No hay actividades validadas.</p>", []
    figuras = [figura_de(p.graficas[c]) for c in ("por_estatus", "por_region", "por_eje_tematico", "por_organismo")]
    return _demo(p.registros_demo) + kpis, figuras


def _compromisos(consultar, filtros: Filtros, hoy: date) -> tuple[str, list[go.Figure]]:
    p = t_compromisos.pizarra_compromisos(consultar, filtros, hoy)
    kpis = _kpis(elegir(p.cifras, "compromisos", "planes", "entidades", "avance_promedio", "alineados_ods"))
    kpis += _validados(p.ultima_validacion)
    if p.vacia:
        return kpis + "<p>No hay compromisos validados.</p>", []
    figuras = [figura_de(p.graficas[c]) for c in ("por_plan", "por_estatus", "por_ods")]
    return _demo(p.registros_demo) + kpis, figuras


def _capacitaciones(consultar, filtros: Filtros, hoy: date) -> tuple[str, list[go.Figure]]:
    p = t_capacitaciones.pizarra_capacitaciones(consultar, filtros)
    kpis = _kpis(elegir(p.cifras, "capacitaciones", "participantes", "mujeres", "hombres"))
    kpis += _validados(p.ultima_validacion)
    if p.vacia:
        return kpis + "<p>No hay capacitaciones validadas.</p>", []
    figuras = [figura_de(p.graficas[c]) for c in ("por_region", "por_sexo")]
    if not p.por_mes.empty:
        figuras.insert(0, figura_de(p.graficas["por_mes"]))
    return _demo(p.registros_demo) + kpis, figuras


def _regiones(consultar, filtros: Filtros, hoy: date, regiones: list[tuple[str, str]]) -> tuple[str, list[go.Figure]]:
    figuras, vacias, actividades = [], [], []
    for clave, nombre in regiones:
        p = pizarra_region(consultar, filtros, clave, hoy)
        if p.vacia:
            vacias.append(nombre)
            continue
        figuras.append(figura_de(p.graficas["por_organismo"]))
        actividades.append(p.kpi_actividades)  # the charts show activities only
    nota = f"<p>Sin actividades validadas: {_e(', '.join(vacias))}.</p>" if vacias else ""
    return ("<p>Los organismos de cada región lado a lado.</p>" + _validados(ultima_validacion(*actividades)) + nota,
            figuras)


def _mapa(consultar, filtros: Filtros, hoy: date) -> tuple[str, list[go.Figure]]:
    mapa = mapa_entidades(consultar, filtros)
    dibujadas = [clave for clave in MEDIDAS if not mapa.vacio(clave)]
    fechas = [f for f in (mapa.ultima_validacion(clave) for clave in dibujadas) if f is not None]
    validados = _validados(max(fechas) if fechas else None)
    return ("<p>Una casilla por entidad federativa; gris: sin datos.</p>" + validados,
            [figura_mapa(mapa, clave) for clave in dibujadas])


def _cuantos(valor) -> str:
    return "" if valor is None or pd.isna(valor) else f"{int(valor):,}"


def _datos(resumen, extraido: datetime, validados: datetime | None) -> str:
    filas = "".join(
        f"<tr><td>{_e(f['titulo'])}</td><td>{f['filas']:,}</td><td>{_cuantos(f['filas_demo'])}</td>"
        + "".join(f'<td><a href="datos/{formato}/{_e(f["tabla"])}.{formato}">{formato.upper()}</a></td>'
                  for formato in datos_abiertos.FORMATOS)
        + "</tr>"
        for f in resumen.to_dict("records")
    )
    return (
        f'<p class="aviso">{_e(datos_abiertos.NOTA_REVISION)} {_e(datos_abiertos.NOTA_DEMO)}</p>'
        + _validados(validados) +
        f"<p>Fecha de extracción: {extraido:%Y-%m-%d %H:%M}. {_e(datos_abiertos.NOTA_FORMULAS)}</p>"
        '<p><a href="datos/diccionario.csv">Diccionario de datos (CSV)</a> · '
        '<a href="datos/metadatos.json">Metadatos (JSON)</a> · <a href="datos/LEEME.txt">LÉEME</a></p>'
        "<table><tr><th>Tabla</th><th>Filas</th><th>De demostración</th>"
        + "".join(f"<th>{f.upper()}</th>" for f in datos_abiertos.FORMATOS) + f"</tr>{filas}</table>"
    )


def publicar(con: duckdb.DuckDBPyConnection, destino: Path, ahora: datetime | None = None,
             avisar: Callable[[str], None] | None = None) -> Publicacion:
    """Write the site to `destino` (replaced only if an earlier publication wrote it); `avisar` gets one Spanish
    line per step."""
    inicio = time.perf_counter()
    avisar = avisar or (lambda _paso: None)
    destino = Path(destino)
    if destino.exists() and any(destino.iterdir()) and not (destino / MARCA).exists():
        raise ErrorDePublicacion(
            f"«{destino}» ya existe y no es una publicación anterior de Pizarras de Avance: elija una carpeta nueva o "
            "vacía (no se reemplaza una carpeta ajena)."
        )
    ahora = ahora or datetime.now()
    hoy = ahora.date()
    consultar = partial(ejecutar, con)
    filtros = Filtros()  # the public rule: validated records only
    regiones = [(r["clave"], r["nombre"]) for r in ejecutar(con, "catalogos/catalogo_regiones", {}).to_dict("records")]

    temporal = destino.with_name(f".{destino.name}.publicando-{os.getpid()}")
    shutil.rmtree(temporal, ignore_errors=True)
    temporal.mkdir(parents=True)
    try:
        shutil.copyfile(PLOTLY_JS, temporal / "plotly.min.js")
        avisar(f"Datos abiertos: {len(datos_abiertos.CONJUNTOS)} tablas en {len(datos_abiertos.FORMATOS)} formatos…")
        archivos = datos_abiertos.escribir(con, temporal / "datos", ahora)
        validados = datos_abiertos.ultima_validacion(con)  # the newest in the open data: the index and datos.html
        tableros = {
            "pizarra_nacional.html": lambda: _nacional(consultar, filtros, hoy),
            "compromisos.html": lambda: _compromisos(consultar, filtros, hoy),
            "capacitaciones.html": lambda: _capacitaciones(consultar, filtros, hoy),
            "regiones.html": lambda: _regiones(consultar, filtros, hoy, regiones),
            "mapa.html": lambda: _mapa(consultar, filtros, hoy),
        }
        total = 0
        for archivo, tablero in tableros.items():
            avisar(f"{PAGINAS[archivo]}…")
            cuerpo, figuras = tablero()
            total += len(figuras)
            contenido = cuerpo + "".join(_grafica(f) for f in figuras)
            (temporal / archivo).write_text(_pagina(archivo, PAGINAS[archivo], contenido, ahora, True), "utf-8")
        avisar("Inicio, página de datos abiertos y direcciones de la app…")
        indice = "<ul>" + "".join(
            f'<li><a href="{a}">{_e(t)}</a></li>' for a, t in PAGINAS.items() if a != "index.html"
        ) + "</ul><p>Copia estática de las pizarras: se puede servir desde cualquier servidor web o CDN.</p>"
        indice += _validados(validados)
        (temporal / "index.html").write_text(_pagina("index.html", "Inicio", indice, ahora, False), "utf-8")
        pagina_datos = _datos(datos_abiertos.resumen(con), ahora, validados)
        (temporal / "datos.html").write_text(_pagina("datos.html", "Datos abiertos", pagina_datos, ahora, False), "utf-8")
        for ruta, pagina in ALIAS.items():
            (temporal / ruta).mkdir()
            (temporal / ruta / "index.html").write_text(
                f'<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><meta http-equiv="refresh" '
                f'content="0; url=../{pagina}"><title>{_e(PAGINAS[pagina])}</title></head><body>'
                f'<a href="../{pagina}">{_e(PAGINAS[pagina])}</a></body></html>\n', "utf-8")
        (temporal / MARCA).write_text(ahora.isoformat(timespec="seconds") + "\n", "utf-8")
        escritos = [p.stat().st_size for p in temporal.rglob("*")
                    if p.is_file() and not (p.suffix in (".gz", ".br") and p.with_suffix("").is_file())]
        if destino.exists():
            shutil.rmtree(destino)
        os.replace(temporal, destino)
    finally:
        shutil.rmtree(temporal, ignore_errors=True)
    return Publicacion(destino, list(PAGINAS), total, len(archivos), len(escritos), sum(escritos),
                       time.perf_counter() - inicio)
