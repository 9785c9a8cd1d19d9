"""The static site's HTML: one document per board, readable before and without any script (the unfiltered figures,
each chart's data as a table, the newest rows of its table), with the filters as a native form; `sitio.js` then
applies the URL's filters in the browser. Every text from the database is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from pizarras import estilo
from pizarras.lectura.filtros import DEFINICIONES, Opcion
from pizarras.publicacion import datos_abiertos
from pizarras.publicacion.sitio.tableros import PAGINAS, Pagina

# The style sheet inside each page: one request less for every phone of a room that opens a QR at the same moment.
ESTILO = (Path(__file__).with_name("recursos") / "sitio.css").read_text(encoding="utf-8")
INICIO = "Inicio"
DATOS = ("datos_abiertos", "Datos abiertos")
FILAS_SIN_JS = 100  # rows of a table written into the page itself


def e(texto: object) -> str:
    return html.escape(str(texto), quote=True)


def _nav(raiz: str, actual: str) -> str:
    enlaces = [(f"{raiz}index.html", INICIO, "index")]
    enlaces += [(f"{raiz}{p.ruta}/", p.titulo, p.ruta) for p in PAGINAS.values()]
    enlaces.append((f"{raiz}{DATOS[0]}/", DATOS[1], DATOS[0]))
    return "".join(
        f'<a href="{href}"{" aria-current=page" if clave == actual else ""}'
        f'{" data-tablero" if clave in PAGINAS else ""}>{e(t)}</a>'
        for href, t, clave in enlaces
    )


def documento(raiz: str, actual: str, titulo: str, cuerpo: str, publicado: datetime, *, con_script: bool,
              cabeza: str = "") -> str:
    """A whole page: `raiz` is the relative path back to the site's root ("" or "../")."""
    script = f'<script src="{raiz}recursos/sitio.js" defer></script>' if con_script else ""
    return f"""<!DOCTYPE html>
<html lang="es" data-raiz="{raiz}" data-version="{publicado:%Y%m%d%H%M%S}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(titulo)} · Pizarras de Avance · SNT</title>
<link rel="icon" href="data:,"><style>{ESTILO}</style>{script}{cabeza}</head>
<body data-pagina="{e(actual)}"{' data-listo="0"' if con_script else ""}><a class="saltar" href="#contenido">Saltar al contenido</a>
<header><p class="marca">Pizarras de Avance · Sistema Nacional de Transparencia</p>
<nav aria-label="Pizarras">{_nav(raiz, actual)}</nav></header>
<main id="contenido"><h1>{e(titulo)}</h1>{cuerpo}</main>
<footer><p>Solo registros validados. Publicado el {e(estilo.fecha_hora(publicado))}.</p>
<p>{e(datos_abiertos.NOTA_LICENCIA)}</p></footer>
</body></html>
"""


def formulario(opciones: Mapping[str, Sequence[Opcion]]) -> str:
    """The eight filters as native checkboxes in a GET form: keyboard-usable, and without JavaScript «Aplicar»
    reloads the page with the app's query string."""
    grupos = []
    for d in DEFINICIONES:
        casillas = "".join(
            f'<label><input type="checkbox" name="{d.clave}" value="{e(o.clave)}"> {e(o.nombre)}</label>'
            for o in opciones[d.clave]
        )
        grupos.append(
            f'<details class="filtro"><summary>{e(d.etiqueta)}<span data-cuenta="{d.clave}"></span></summary>'
            f'<fieldset><legend>{e(d.etiqueta)}</legend>{casillas}</fieldset></details>'
        )
    return (
        '<form id="filtros" method="get" aria-label="Filtros"><h2 class="oculto">Filtros</h2>'
        + "".join(grupos)
        + '<p class="acciones"><button type="submit" class="aplicar">Aplicar</button> '
        '<a href="?" class="restablecer-enlace">Restablecer</a></p></form>'
        '<div id="chips" class="chips" aria-live="polite"></div>'
    )


def _cifras(cifras: Sequence[Sequence[str]], etiquetas: Mapping[str, str]) -> str:
    return "".join(f'<div class="kpi" data-cifra="{e(c)}"><span>{e(etiquetas[c])}</span><b>{e(t)}</b></div>'
                   for c, t in cifras)


_COLUMNAS = {
    "barras_avance": ["", "Avance promedio", "Actividades"], "barras_estatus": ["Estatus", "Actividades"],
    "barras_estatus_avance": ["Estatus", "Compromisos", "Avance promedio"], "barras_ods": ["ODS", "Compromisos"],
    "serie_mensual": ["Mes", "Capacitaciones", "Participantes"],
    "barras_sexo": ["Sexo", "Personas"],
    "barras_planes": ["Entidad · plan de acción", "Compromisos", "Concluidos"],
    "barras_stl": ["Sector", "Mujeres", "Hombres"],
}


def _celdas(grafica: Mapping, fila: Sequence) -> list[str]:
    etiqueta, valor, segundo = fila
    dibujo = grafica["dibujo"]
    if dibujo == "barras_avance":
        return [etiqueta, estilo.porcentaje(valor), estilo.entero(segundo)]
    if dibujo == "barras_estatus_avance":
        return [etiqueta, estilo.entero(valor), estilo.porcentaje(segundo)]
    if dibujo in ("serie_mensual", "barras_conteo", "barras_planes", "barras_stl"):
        return [etiqueta, estilo.entero(valor), estilo.entero(segundo)]
    if dibujo == "mapa":
        if valor is None:
            return [etiqueta, "Sin datos"]
        return [etiqueta, estilo.porcentaje(valor) if grafica.get("porcentaje") else estilo.entero(valor)]
    return [etiqueta, estilo.entero(valor)]


def _grafica(clave: str, grafica: Mapping) -> str:
    """A chart before the script draws it: its title and its data as a table (its text alternative)."""
    columnas = grafica.get("columnas") or _COLUMNAS.get(grafica["dibujo"], ["Entidad", grafica["titulo"]])
    filas = "".join(
        "<tr>" + "".join((f'<th scope="row">{e(c)}</th>' if i == 0 else f"<td>{e(c)}</td>")
                         for i, c in enumerate(_celdas(grafica, f))) + "</tr>"
        for f in grafica["filas"]
    )
    cabeza = "".join(f'<th scope="col">{e(c)}</th>' for c in columnas)
    return (f'<figure class="grafica" data-grafica="{e(clave)}"><h3>{e(grafica["titulo"])}</h3>'
            f'<div class="desplazable"><table><thead><tr>{cabeza}</tr></thead><tbody>{filas}</tbody></table></div>'
            "</figure>")


def _tabla(encabezados: Sequence[str], visibles: Sequence[str], filas: Sequence[Sequence[str]], total: int,
           tipo: str) -> str:
    posiciones = [list(encabezados).index(h) for h in visibles]
    cabeza = "".join(f'<th scope="col">{e(encabezados[i])}</th>' for i in posiciones)
    cuerpo = "".join("<tr>" + "".join(f"<td>{e(f[i])}</td>" for i in posiciones) + "</tr>"
                     for f in filas[:FILAS_SIN_JS])
    nota = f"{estilo.entero(total)} filas validadas"
    if total > FILAS_SIN_JS:
        nota += f"; se muestran las {FILAS_SIN_JS} más recientes (todas están en los datos abiertos)"
    return (f'<p>{e(nota)}.</p><div class="desplazable" tabindex="0" role="region" aria-label="Tabla de {e(tipo)}">'
            f"<table><thead><tr>{cabeza}</tr></thead><tbody>{cuerpo}</tbody></table></div>")


def tablero(pagina: Pagina, vista: Mapping, opciones: Mapping[str, Sequence[Opcion]], etiquetas: Mapping[str, str],
            tabla: str | None) -> str:
    """A board's body: filters, the unfiltered board (what `sitio.js` then redraws for the URL's filters)."""
    partes = [f'<p class="descripcion">{e(pagina.descripcion)}</p>', formulario(opciones),
              '<div id="avisos" aria-live="polite"></div>']
    if "elegir" in vista:
        definicion = next(d for d in DEFINICIONES if d.clave == pagina.elegir)
        enlaces = "".join(f'<li><a href="?{definicion.clave}={e(o.clave)}">{e(o.nombre)}</a></li>'
                          for o in opciones[definicion.clave])
        partes.append(f'<section id="elegir"><p>Elija {e(definicion.etiqueta.lower())} en los filtros, o aquí:</p>'
                      f'<ul class="columnas">{enlaces}</ul></section>')
        partes.append('<section id="tablero" hidden><h2 id="titulo-tablero"></h2><p id="subtitulo"></p>'
                      '<div id="demo"></div><div id="cifras" class="kpis"></div><div id="validados"></div>'
                      '<div id="notas"></div><div id="graficas"></div>'
                      + ('<h2>Tabla</h2><div id="tabla"></div>' if pagina.tabla else "")
                      + "".join(f'<h2>{e(titulo)}</h2><div id="tabla-{e(tipo)}"></div>'
                                for tipo, titulo in pagina.tablas_extra) + "</section>")
        return "".join(partes)
    demo = (f'<p class="aviso"><span class="largo">{e(vista["demo"])}</span><span class="corto">{e(vista["demo_corto"])}'
            "</span></p>" if vista["demo"] else "")
    validados = f'<p class="validados">{e(vista["validados"])}</p>' if vista["validados"] else ""
    notas = "".join(f'<p class="nota">{e(n)}</p>' for n in vista["notas"])
    graficas = "".join(_grafica(c, g) for c, g in vista["graficas"].items())
    partes.append(
        f'<section id="tablero"><div id="demo">{demo}</div>'
        f'<div id="cifras" class="kpis">{_cifras(vista["cifras"], etiquetas)}</div>'
        f'<div id="validados">{validados}</div><div id="notas">{notas}</div><div id="graficas">{graficas}</div>'
        + (f'<h2>Tabla</h2><div id="tabla">{tabla or ""}</div>' if pagina.tabla else "") + "</section>"
    )
    return "".join(partes)


def tabla_sin_script(indice: Mapping, tipo: str, filas: Sequence[Sequence[str]], total: int,
                     visibles: Sequence[str]) -> str:
    return _tabla(indice[tipo]["encabezados"], visibles, filas, total, tipo)
