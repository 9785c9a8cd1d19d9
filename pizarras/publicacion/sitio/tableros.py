"""The app's public boards as the static site shows them: the figures, stamps, notices and chart rows of each site
page, taken from the app's own board functions (`pizarras.lectura.tableros.*`).

Two uses: the page's HTML before any script runs (the unfiltered board, readable without JavaScript), and the test
that compares the site's browser code with the app for many filter choices — both ask this module what the app
shows, in the shape `sitio.js`'s `Pizarras.calcular` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from inspect import signature

import pandas as pd

from pizarras import estilo, etiquetas
from pizarras.etiquetas import frase_no_aplican
from pizarras.graficas.avance import orden_de_avance
from pizarras.graficas.declaradas import constructor
from pizarras.graficas.gobierno_abierto import ORDINALES
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.grafica import Grafica
from pizarras.lectura.tableros import Consultar, Demo, consulta_filtrada, primera_fila, validados_al
from pizarras.lectura.tableros import capacitaciones as t_capacitaciones
from pizarras.lectura.tableros import compromisos as t_compromisos
from pizarras.lectura.tableros import organismo as t_organismo
from pizarras.lectura.tableros.mapa import MEDIDAS, mapa_entidades
from pizarras.lectura.tableros.nacional import pizarra_nacional
from pizarras.lectura.tableros.organismo import pizarra_organismo
from pizarras.lectura.tableros.region import pizarra_region

COMPROMISOS = "los compromisos de gobierno abierto"
CAPACITACIONES = "las capacitaciones"
STL = "los integrantes de los STL"


@dataclass(frozen=True)
class Pagina:
    ruta: str  # the app's page path, the site's folder
    titulo: str
    descripcion: str
    tabla: str | None  # the record kind of its table
    elegir: str | None = None  # the filter that must name exactly one value (región, organismo)
    tablas_extra: tuple[tuple[str, str], ...] = ()  # (record kind, heading) of the tables after the first


PAGINAS: dict[str, Pagina] = {p.ruta: p for p in (
    Pagina("pizarra_nacional", "Pizarra nacional de avance",
           "Actividades autorreportadas por los integrantes del SNT en PROTAI, PRONADATOS y los planes de trabajo de "
           "las comisiones.", "actividades"),
    Pagina("pizarra_region", "Pizarra por región", "Los organismos de una región, lado a lado.", "actividades", "region"),
    Pagina("pizarra_organismo", "Pizarra por organismo", "Lo que reporta un organismo: actividades, compromisos de "
           "su entidad y capacitaciones que organiza.", "actividades", "organismo",
           (("compromisos", "Compromisos de gobierno abierto de su entidad"),
            ("capacitaciones", "Capacitaciones organizadas"))),
    Pagina("compromisos", "Compromisos de gobierno abierto", "Los compromisos de los planes de acción locales, "
           "co-creados por los Secretariados Técnicos Locales.", "compromisos"),
    Pagina("capacitaciones", "Capacitaciones", "Cursos, talleres, diplomados y otras capacitaciones, con sus "
           "participantes.", "capacitaciones"),
    Pagina("mapa", "Mapa por entidad", "Una casilla por entidad federativa; gris: fuera de los filtros o sin datos.",
           None),
)}


def _filas_de(grafica: Grafica) -> list[list]:
    """A chart's rows as the site lists them: [label, value, second figure], in the order drawn."""
    d, o = grafica.datos, grafica.opciones
    if grafica.dibujo == "barras_avance":
        d = orden_de_avance(d)
        return [[e, _numero(v), int(n)] for e, v, n in zip(d[o["etiqueta"]], d["avance_promedio"], d["actividades"],
                                                            strict=True)]
    if grafica.dibujo == "barras_estatus":
        return [[e, int(n), None] for e, n in zip(d["nombre"], d["actividades"], strict=True)]
    if grafica.dibujo == "barras_estatus_avance":
        return [[e, int(n), _numero(v)] for e, n, v in zip(d["nombre"], d["compromisos"], d["avance_promedio"],
                                                           strict=True)]
    if grafica.dibujo == "barras_ods":
        return [[e, int(n), None] for e, n in zip(d["etiqueta"], d["compromisos"], strict=True)]
    if grafica.dibujo == "serie_mensual":
        return [[estilo.mes(m), int(n), int(p)] for m, n, p in zip(d["mes"], d["capacitaciones"], d["participantes"],
                                                                   strict=True)]
    if grafica.dibujo == "barras_conteo":
        return [[e, int(n), int(p)] for e, n, p in zip(d[o["etiqueta"]], d[o["valor"]], d[o["extra"][0]], strict=True)]
    if grafica.dibujo == "barras_planes":
        return [[f"{e} · {ORDINALES.get(int(p), f'Plan {p}')}", int(n), int(c)]
                for e, p, n, c in zip(d["entidad_nombre"], d["plan_numero"], d["compromisos"], d["concluidos"],
                                      strict=True)]
    if grafica.dibujo == "barras_stl":
        return [[s, int(m), int(h)] for s, m, h in zip(d["Sector"], d["Mujeres"], d["Hombres"], strict=True)]
    if grafica.dibujo == "barras_sexo":
        return [[e, int(n), None] for e, n in zip(d["etiqueta"], d["participantes"], strict=True)]
    raise ValueError(f"El sitio no dibuja «{grafica.dibujo}».")


def _numero(v: object) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def _grafica(grafica: Grafica) -> dict:
    """A declared chart as the site lists it, titled as the app draws it (its drawing's default title unless the
    board gives one)."""
    titulo = grafica.opciones.get("titulo") or signature(constructor(grafica)).parameters["titulo"].default
    salida = {"dibujo": grafica.dibujo, "titulo": titulo, "filas": _filas_de(grafica)}
    if grafica.dibujo == "barras_conteo":  # the data table's headers: what the bars are, their count, the extra
        o = grafica.opciones
        salida["columnas"] = [ENCABEZADO_DE_CONTEO[grafica.clave], o["unidad"].capitalize(), o["extra"][1]]
    return salida


# What the rows of each count chart are, as its data table's first header.
ENCABEZADO_DE_CONTEO = {"por_region": "Región", "por_organizador": "Organizador", "por_modalidad": "Modalidad",
                        "por_tipo": "Tipo", "por_tema": "Tema", "por_eje": "Eje", "por_area": "Área de política"}


def _notas(*pares: tuple[list[str], str]) -> list[str]:
    return [f for f in (frase_no_aplican(nombres, que) for nombres, que in pares) if f]


def _vista(cifras, validacion, demo: Demo, notas, vacia, graficas, **otros) -> dict:
    return {"cifras": [[c.clave, c.texto] for c in cifras], "validados": validados_al(validacion), "demo": demo.texto(),
            "demo_corto": demo.texto(corto=True),
            "notas": notas, "vacia": bool(vacia), "graficas": graficas, **otros}


def _nacional(consultar: Consultar, filtros: Filtros, hoy: date) -> dict:
    p = pizarra_nacional(consultar, filtros, hoy)
    claves = ["por_estatus", "por_region", "por_eje_tematico", "por_eje_transversal", "por_organismo"]
    if p.por_eje_transversal.empty:
        claves.remove("por_eje_transversal")
    return _vista(p.cifras, p.ultima_validacion, p.demo,
                  _notas((p.no_aplican_compromisos, COMPROMISOS), (p.no_aplican_capacitaciones, CAPACITACIONES)),
                  p.vacia, {c: _grafica(p.graficas[c]) for c in claves})


def _region(consultar: Consultar, filtros: Filtros, hoy: date) -> dict:
    if len(filtros.region) != 1:
        return {"elegir": "region"}
    p = pizarra_region(consultar, filtros, filtros.region[0], hoy)
    notas = _notas((p.no_aplican_compromisos, COMPROMISOS), (p.no_aplican_capacitaciones, CAPACITACIONES))
    if p.organismos_sin_actividades:
        notas.append(f"Sin actividades con los filtros elegidos: {', '.join(p.organismos_sin_actividades)}.")
    return _vista(p.cifras, p.ultima_validacion, p.demo, notas, p.vacia,
                  {"por_organismo": _grafica(p.graficas["por_organismo"])}, titulo=p.nombre,
                  resumenes=[{"clave": "organismos", "titulo": "Organismos lado a lado",
                              "filas": lado_a_lado(p.organismos)}])


def lado_a_lado(organismos: pd.DataFrame) -> list[list[str]]:
    """«Organismos lado a lado» (the región board's table) as the site shows its cells."""
    return [[o.sigla, o.entidad, estilo.porcentaje(o.avance_promedio), estilo.entero(o.actividades),
             estilo.entero(o.concluidas), estilo.entero(o.vencidas), estilo.fecha(o.ultimo_reporte)]
            for o in organismos.itertuples(index=False)]


def ejes_y_estatus(por_eje: pd.DataFrame) -> list[list[str]]:
    """An organismo's activities by eje and status (its board's first tab) as the site shows its cells."""
    tipos = etiquetas.VALORES["tipo_eje"]
    return [[j.programa_sigla, j.nombre, tipos.get(j.tipo, j.tipo), *(estilo.entero(getattr(j, c)) for c in (
        "actividades", "programadas", "en_proceso", "concluidas", "canceladas", "vencidas")),
        estilo.porcentaje(j.avance_promedio)] for j in por_eje.itertuples(index=False)]


def _organismo(consultar: Consultar, filtros: Filtros, hoy: date) -> dict:
    if len(filtros.organismo) != 1:
        return {"elegir": "organismo"}
    p = pizarra_organismo(consultar, filtros, filtros.organismo[0], hoy)
    f = p.ficha
    graficas = {} if p.sin_actividades else {"por_eje": _grafica(p.graficas["por_eje"])}
    resumenes = [] if p.sin_actividades else [{"clave": "ejes", "titulo": "Actividades por eje y estatus",
                                               "nota": t_organismo.NOTA_EJES, "filas": ejes_y_estatus(p.por_eje)}]
    return _vista(p.cifras, p.ultima_validacion, p.demo,
                  _notas((p.no_aplican_compromisos, COMPROMISOS), (p.no_aplican_capacitaciones, CAPACITACIONES)),
                  p.vacia, graficas, titulo=f["sigla"],
                  subtitulo=f"{f['nombre']} · {f['entidad_nombre']} · {f['region_nombre']}", resumenes=resumenes)


def _compromisos(consultar: Consultar, filtros: Filtros, hoy: date) -> dict:
    p = t_compromisos.pizarra_compromisos(consultar, filtros, hoy)
    return _vista(p.cifras, p.ultima_validacion, p.demo, _notas((p.no_aplican, COMPROMISOS), (p.no_aplican_stl, STL)),
                  p.vacia, {c: _grafica(g) for c, g in p.graficas.items()})  # declared in the order the page draws


def _capacitaciones(consultar: Consultar, filtros: Filtros, hoy: date) -> dict:
    p = t_capacitaciones.pizarra_capacitaciones(consultar, filtros)
    return _vista(p.cifras, p.ultima_validacion, p.demo, _notas((p.no_aplican, CAPACITACIONES)), p.vacia,
                  {c: _grafica(p.graficas[c]) for c in GRAFICAS_CAPACITACIONES})


# The trainings board's charts, in the order pages/capacitaciones.py draws them.
GRAFICAS_CAPACITACIONES = ("por_mes", "por_region", "por_sexo", "por_organizador", "por_modalidad", "por_tipo",
                           "por_tema", "por_eje")


def _mapa(consultar: Consultar, filtros: Filtros, hoy: date) -> dict:
    mapa = mapa_entidades(consultar, filtros)
    e = mapa.entidades.sort_values("entidad")
    graficas = {}
    for clave, medida in MEDIDAS.items():
        valores = mapa.valores(clave).loc[e.index]
        graficas[f"mapa_{clave}"] = {"dibujo": "mapa", "titulo": medida.etiqueta, "porcentaje": medida.porcentaje,
                                     "filas": [[n, _numero(v), None] for n, v in zip(e["nombre_corto"], valores,
                                                                                     strict=True)]}
    kpis = [primera_fila(consulta_filtrada(consultar, f"tableros/kpi_{k}", filtros, hoy=hoy))
            for k in ("actividades", "compromisos", "capacitaciones")]
    demo = Demo.de_kpis(*kpis)
    fechas = [k["ultima_validacion"] for k in kpis if k.get("ultima_validacion") is not None]
    return _vista([], max(fechas) if fechas else None, demo, [], False, graficas)


VISTAS: dict[str, Callable[[Consultar, Filtros, date], dict]] = {
    "pizarra_nacional": _nacional, "pizarra_region": _region, "pizarra_organismo": _organismo,
    "compromisos": _compromisos, "capacitaciones": _capacitaciones, "mapa": _mapa,
}


def vista(consultar: Consultar, ruta: str, filtros: Filtros, hoy: date) -> dict:
    """What the app's public board at `ruta` shows under `filtros` (validated records only)."""
    return VISTAS[ruta](consultar, filtros, hoy)
