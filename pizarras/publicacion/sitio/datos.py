"""The static site's data files: what the browser filters and sums to draw every board for any choice of filters.

Each record kind is written **grouped at the grain of the filters and the charts** (`queries/sitio/*_hechos.sql`,
read through the same filter macros as the app's boards): the browser keeps the groups a choice of filters selects
and adds up their counts and sums, so a figure on the site is the app's figure by construction, never a second
implementation of a query. At the seed's size that is a few hundred groups; at the bench's 1M activities still only
as many groups as distinct combinations of keys (a few hundred there too), so the files stay small at any scale.

The tables need rows, not groups. The activities go in one file per organismo (`filas/actividades/<organismo>.json`,
the newest `FILAS_POR_ORGANISMO` of each: real organismos report hundreds; at the bench's 1M the table says it holds
the newest of each and points to the open data, which carry every row), read by the browser only for the
organismos a choice of filters keeps and only when the table nears the screen. Commitments and trainings are a few
thousand at most: one file each. Every row carries its filter keys and the app's download cells.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path

import duckdb
import pandas as pd

from pizarras import estilo, etiquetas
from pizarras.base.consultas import ejecutar
from pizarras.graficas.avance import MINIMO_ACTIVIDADES
from pizarras.graficas.gobierno_abierto import ORDINALES
from pizarras.lectura.areas import AREAS, area_de
from pizarras.lectura.cifras import ETIQUETAS
from pizarras.lectura.filtros import DEFINICIONES, Filtros
from pizarras.lectura.tableros import capacitaciones as t_capacitaciones
from pizarras.lectura.tableros import compromisos as t_compromisos
from pizarras.lectura.tableros import consulta_filtrada, listado_completo
from pizarras.lectura.tableros import nacional as t_nacional
from pizarras.lectura.tableros.mapa import CUADRICULA, MEDIDAS
from pizarras.lectura.tableros.nacional import tabla_para_mostrar
from pizarras.lectura.tableros.organismo import COLUMNAS_EJES, NOTA_EJES, tabla_ejes
from pizarras.lectura.tableros.region import COLUMNAS_ORGANISMOS, tabla_organismos
from pizarras.publicacion import exportar
from pizarras.publicacion.presentaciones import opciones_de

PUBLICO = Filtros()  # the public rule: validated records only, no filter chosen
DATOS = "datos.json"  # the catalogue and the groups, under tableros/
FILAS_POR_ORGANISMO = 2000
# The columns each table shows on the site (a phone's width); its CSV carries every column of the app's download.
COLUMNAS_VISIBLES = {
    "actividades": (["titulo", "organismo", "estatus", "avance", "fecha_fin"], t_nacional.TEMA),
    "compromisos": (["titulo", "entidad", "estatus", "avance", "plan_accion"], t_compromisos.TEMA),
    "capacitaciones": (["titulo", "fecha_inicio", "organizador", "participantes", "entidad"], t_capacitaciones.TEMA),
}  # newest rows per organismo in the site's table files (real organismos report hundreds)



def _valor(v: object) -> object:
    if v is None:
        return None
    if isinstance(v, (pd.Timestamp, datetime)):
        # Microseconds kept, always: the browser orders rows by these strings as the app orders by the timestamps.
        return None if pd.isna(v) else v.isoformat(timespec="microseconds")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "tolist"):  # numpy scalars and arrays (the ODS and eje lists)
        return _valor(v.tolist())
    if isinstance(v, list):
        return [_valor(x) for x in v]
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def columnas(tabla: pd.DataFrame) -> dict[str, list]:
    """A table as {column: values}: smaller than rows as objects, and what the browser code reads."""
    return {c: [_valor(v) for v in tabla[c].tolist()] for c in tabla.columns}


def _json(datos: object) -> str:
    return json.dumps(datos, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def catalogo(con: duckdb.DuckDBPyConnection, hoy: date) -> dict:
    """The filters with their options (as the app's sidebar offers them), the places, ejes, statuses and ODS with
    their names and colours, and the constants the charts use."""
    opciones = opciones_de(con)
    estatus = ejecutar(con, "sitio/estatus")
    return {
        "hoy": hoy.isoformat(),
        "filtros": [
            {"clave": d.clave, "etiqueta": d.etiqueta, "entero": d.entero,
             "opciones": [[o.clave, o.nombre, o.grupo] for o in opciones[d.clave]]}
            for d in DEFINICIONES
        ],
        "organismos": columnas(ejecutar(con, "sitio/lugares")),
        "entidades": columnas(ejecutar(con, "sitio/entidades")),
        "ejes": columnas(ejecutar(con, "sitio/ejes")),
        "estatus": columnas(estatus.assign(color=[estilo.COLOR_ESTATUS.get(c, estilo.PALETA[0]) for c in estatus["clave"]])),
        "ods": columnas(ejecutar(con, "sitio/ods").assign(color=lambda t: [estilo.color_ods(c) for c in t["color"]])),
        "cuadricula": {clave: list(c) for clave, c in CUADRICULA.items()},
        "paleta": estilo.PALETA,
        "colores": {"sin_dato": estilo.COLOR_SIN_DATO, "no_alineado": estilo.COLOR_NO_ALINEADO,
                    "mujer": estilo.COLOR_SEXO["mujer"], "hombre": estilo.COLOR_SEXO["hombre"]},
        "minimo_actividades": MINIMO_ACTIVIDADES,
        "etiquetas_cifras": ETIQUETAS,
        "fichas": {o["organismo"]: f"{o['nombre']} · {o['entidad_nombre']} · {o['region_nombre']}"
                   for o in ejecutar(con, "sitio/lugares").to_dict("records")},
        "estatus_compromiso": etiquetas.VALORES["estatus_compromiso"],
        "sin_alineacion": t_compromisos.SIN_ALINEACION,
        "encabezados_resumen": {
            "organismos": list(tabla_organismos(pd.DataFrame(columns=COLUMNAS_ORGANISMOS)).columns),
            "ejes": list(tabla_ejes(pd.DataFrame(columns=COLUMNAS_EJES)).columns)},
        "nota_ejes": NOTA_EJES, "tipos_eje": etiquetas.VALORES["tipo_eje"],
        "ordinales": ORDINALES, "areas": list(AREAS), "sectores": list(t_compromisos.SECTORES.items()),
        "meses": list(estilo.MESES),
        "modalidades": t_capacitaciones.MODALIDADES, "tipos": t_capacitaciones.TIPOS, "sin_dato": t_capacitaciones.SIN_DATO,
        "sin_eje": t_capacitaciones.SIN_EJE, "organizadores_visibles": t_capacitaciones.ORGANIZADORES_VISIBLES,
        "medidas": [{"clave": m.clave, "etiqueta": m.etiqueta, "porcentaje": m.porcentaje} for m in MEDIDAS.values()],
        "columnas_visibles": columnas_visibles(),
    }


def hechos(con: duckdb.DuckDBPyConnection, hoy: date) -> dict[str, dict[str, list]]:
    """The published activities, commitments and trainings, grouped (see the module's docstring)."""
    consultar = partial(ejecutar, con)
    compromisos = consulta_filtrada(consultar, "sitio/compromisos_hechos", PUBLICO, hoy=hoy)
    # The catalogue's policy area of each source text, as the board regroups them (pizarras.lectura.areas).
    compromisos = compromisos.assign(area=[area_de(t) for t in compromisos["area_politica"]])
    return {
        "actividades": columnas(consulta_filtrada(consultar, "sitio/actividades_hechos", PUBLICO, hoy=hoy)),
        "compromisos": columnas(compromisos.drop(columns="area_politica")),
        "capacitaciones": columnas(consulta_filtrada(consultar, "sitio/capacitaciones_hechos", PUBLICO)),
        "stl": columnas(ejecutar(con, "sitio/stl_hechos")),
    }


def _con_claves(consultar, tabla: pd.DataFrame, consulta_claves: str, mostrar) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A board table (in the app's order) joined with each row's filter keys, and the rows as the app's download
    shows them (Spanish headers)."""
    claves = consulta_filtrada(consultar, consulta_claves, PUBLICO)
    unidas = tabla.merge(claves, on="id", how="left", validate="one_to_one", sort=False)
    return unidas, mostrar(tabla)


def celdas_csv(tabla: pd.DataFrame) -> tuple[list[str], list[list[str]]]:
    """The headers and rows exactly as the app's CSV download writes them (`exportar.a_csv`: dates day first, a
    leading = + - @ neutralised): the site shows these texts and rebuilds the same file from them."""
    lineas = list(csv.reader(io.StringIO(exportar.a_csv(tabla).decode("utf-8-sig"), newline="")))
    return lineas[0], lineas[1:]


def _archivo_de_filas(unidas: pd.DataFrame, descarga: pd.DataFrame, claves: list[str]) -> dict:
    return {"claves": columnas(unidas[claves]), "filas": celdas_csv(descarga)[1]}


def _encabezados(descarga: pd.DataFrame, vacia: pd.DataFrame, mostrar) -> dict[str, list[str]]:
    """The download's headers, and those a download has only when its rows need them: 'Fuente 2', 'Fuente 3'…
    and 'Referencia' come with the rows that cite that many sources (`etiquetas.presentar`), so the site drops
    them when no filtered row fills them, as the app's download does."""
    todos = celdas_csv(descarga.head(0))[0]
    siempre = set(celdas_csv(mostrar(vacia))[0])
    return {"encabezados": todos, "opcionales": [h for h in todos if h not in siempre]}


def filas(con: duckdb.DuckDBPyConnection, hoy: date) -> dict[str, object]:
    """The three tables as the site's files: {"indice": …, "actividades/<organismo>": …, "compromisos": …,
    "capacitaciones": …}. Each row carries its filter keys (`*_clave`) beside the app's download columns."""
    consultar = partial(ejecutar, con)
    archivos: dict[str, object] = {}
    # One organismo at a time, through the board's own table query with the organismo filter and its row limit:
    # its newest rows in the app's order, and memory bounded by FILAS_POR_ORGANISMO at any size of the base.
    totales = {}
    actividades = None
    for organismo in ejecutar(con, "sitio/lugares")["organismo"]:
        del_organismo = PUBLICO.con(organismo=[organismo])
        claves_ = consulta_filtrada(consultar, "sitio/actividades_claves", del_organismo)
        if claves_.empty:
            continue
        actividades = consulta_filtrada(consultar, "tableros/actividades_tabla", del_organismo,
                                        limite=FILAS_POR_ORGANISMO)
        unidas = actividades.merge(claves_, on="id", how="left", validate="one_to_one", sort=False)
        claves = [c for c in claves_.columns if c != "id"] + ["periodo", "id", "reportado_en"]
        totales[str(organismo)] = len(claves_)
        archivos[f"actividades/{organismo}"] = _archivo_de_filas(unidas, tabla_para_mostrar(actividades), claves)
    if actividades is None:  # nothing published: the table's columns still
        actividades = consulta_filtrada(consultar, "tableros/actividades_tabla", PUBLICO, limite=0)
    compromisos = listado_completo(consultar, "tableros/compromisos_tabla", PUBLICO, hoy=hoy)
    unidas_c, descarga_c = _con_claves(consultar, compromisos, "sitio/compromisos_claves",
                                       t_compromisos.tabla_para_mostrar)
    archivos["compromisos"] = _archivo_de_filas(unidas_c, descarga_c, [c for c in unidas_c.columns if c.endswith("_clave")])
    capacitaciones = listado_completo(consultar, "tableros/capacitaciones_tabla", PUBLICO)
    unidas_k, descarga_k = _con_claves(consultar, capacitaciones, "sitio/capacitaciones_claves",
                                       t_capacitaciones.tabla_para_mostrar)
    archivos["capacitaciones"] = _archivo_de_filas(unidas_k, descarga_k,
                                                   [c for c in unidas_k.columns if c.endswith("_clave")])
    archivos["indice"] = {
        "maximo": FILAS_POR_ORGANISMO,
        "actividades": _encabezados(tabla_para_mostrar(actividades), actividades.head(0), tabla_para_mostrar)
        | {"por_organismo": totales},
        "compromisos": _encabezados(descarga_c, compromisos.head(0), t_compromisos.tabla_para_mostrar),
        "capacitaciones": _encabezados(descarga_k, capacitaciones.head(0), t_capacitaciones.tabla_para_mostrar),
    }
    return archivos


def columnas_visibles() -> dict[str, list[str]]:
    """The Spanish headers of the columns each table shows on the site."""
    return {tipo: [etiquetas.etiqueta(c, tema) for c in nombres] for tipo, (nombres, tema) in COLUMNAS_VISIBLES.items()}


def escribir(con: duckdb.DuckDBPyConnection, carpeta: Path, hoy: date, avisar: Callable[[str], None]) -> dict[str, object]:
    """Write the site's data files under `carpeta`; returns the table files' contents by name (the pages write
    their first rows into the HTML)."""
    carpeta.mkdir(parents=True, exist_ok=True)

    def guardar(nombre: str, datos: object) -> None:
        ruta = carpeta / nombre
        ruta.parent.mkdir(parents=True, exist_ok=True)
        ruta.write_text(_json(datos), "utf-8")

    avisar("Cifras agrupadas para los filtros: actividades, compromisos, capacitaciones…")
    # One file for what every board reads first: each request counts when a room of phones opens a QR at once.
    guardar(DATOS, {"catalogo": catalogo(con, hoy), "hechos": hechos(con, hoy)})
    avisar("Tablas de actividades, compromisos y capacitaciones…")
    archivos = filas(con, hoy)
    for nombre, datos in archivos.items():
        guardar(f"filas/{nombre}.json", datos)
    return archivos
