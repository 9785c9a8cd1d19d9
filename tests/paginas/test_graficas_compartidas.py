"""A board's charts are declared once (pizarras.lectura.grafica): a chart changed in the declaration (its title and
its rows) changes on the page, on the presentation slide and in the static site alike."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime
from functools import partial

import duckdb

from pizarras.base.consultas import ejecutar
from pizarras.graficas.declaradas import figura_de
from pizarras.lectura.tableros.nacional import PizarraNacional
from pizarras.publicacion import presentaciones, sitio
from pizarras.publicacion.diapositivas import filtros_de, lamina
from tests.apoyo.datos_prueba import HOY
from tests.apoyo.figuras import figura, valores
from tests.apoyo.paginas import abrir

NUEVO = "Avance por region: titulo de prueba"  # ASCII: plotly escapes the rest inside the site's HTML


def test_one_chart_changed_in_the_declaration_shows_on_the_page_the_slide_and_the_site(
    ruta_pequena, tmp_path, monkeypatch
):
    declaradas = PizarraNacional.graficas.func

    def con_otro_titulo(pizarra):
        graficas = dict(declaradas(pizarra))
        region = graficas["por_region"]
        graficas["por_region"] = replace(region, datos=region.datos.head(1), opciones={**region.opciones, "titulo": NUEVO})
        return graficas

    # A property wins over the value a shared board may have cached already.
    monkeypatch.setattr(PizarraNacional, "graficas", property(con_otro_titulo))

    en_pagina = figura(abrir("pizarra_nacional"), NUEVO)

    con = duckdb.connect(str(shutil.copy(ruta_pequena, tmp_path / "base.duckdb")))
    try:
        hoja = lamina(partial(ejecutar, con), "regiones", filtros_de({}, presentaciones.opciones_de(con)), HOY)
        sitio.publicar(con, tmp_path / "sitio", datetime(2025, 6, 1, 12))
    finally:
        con.close()
    # One region left, as declared; the slide drops the chart's title (its own title says it, larger), so its bars
    # tell that it drew the declaration.
    assert len(valores(en_pagina["data"][0]["y"])) == 1
    assert valores(hoja.figura.data[0].y) == valores(en_pagina["data"][0]["y"])
    assert NUEVO in (tmp_path / "sitio" / "pizarra_nacional" / "index.html").read_text("utf-8")


def test_every_declared_chart_names_a_drawing_and_draws(con_pequena):
    from pizarras.lectura.filtros import Filtros
    from pizarras.lectura.tableros.capacitaciones import pizarra_capacitaciones
    from pizarras.lectura.tableros.compromisos import pizarra_compromisos
    from pizarras.lectura.tableros.nacional import pizarra_nacional
    from pizarras.lectura.tableros.organismo import pizarra_organismo
    from pizarras.lectura.tableros.region import pizarra_region

    consultar = partial(ejecutar, con_pequena)
    tableros = [
        pizarra_nacional(consultar, Filtros(), HOY), pizarra_compromisos(consultar, Filtros(), HOY),
        pizarra_capacitaciones(consultar, Filtros()), pizarra_region(consultar, Filtros(), "centro-occidente", HOY),
        pizarra_organismo(consultar, Filtros(), "ITEI", HOY),
    ]
    for tablero in tableros:
        for clave, grafica in tablero.graficas.items():
            assert grafica.clave == clave
            titulo = grafica.opciones.get("titulo")
            dibujada = figura_de(grafica)
            if titulo:
                assert dibujada.layout.title.text == titulo
