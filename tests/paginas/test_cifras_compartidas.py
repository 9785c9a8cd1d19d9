"""A board's figures are declared once (pizarras.lectura.cifras): a label changed there changes on the page, on the
presentation slide and in the static site alike."""

from __future__ import annotations

import shutil
from datetime import datetime
from functools import partial

import duckdb

from pizarras.base.consultas import ejecutar
from pizarras.lectura import cifras
from pizarras.publicacion import presentaciones, sitio
from pizarras.publicacion.diapositivas import filtros_de, lamina
from tests.apoyo.datos_prueba import HOY
from tests.apoyo.paginas import abrir

NUEVA = "Actividades registradas"


def test_one_label_changed_in_the_declaration_shows_on_the_page_the_slide_and_the_site(
    ruta_pequena, tmp_path, monkeypatch
):
    monkeypatch.setitem(cifras.ETIQUETAS, "actividades", NUEVA)

    etiquetas_pagina = [m.label for m in abrir("pizarra_nacional").metric]
    assert NUEVA in etiquetas_pagina and "Actividades" not in etiquetas_pagina

    con = duckdb.connect(str(shutil.copy(ruta_pequena, tmp_path / "base.duckdb")))
    try:
        hoja = lamina(partial(ejecutar, con), "nacional", filtros_de({}, presentaciones.opciones_de(con)), HOY)
        sitio.publicar(con, tmp_path / "sitio", datetime(2025, 6, 1, 12))
    finally:
        con.close()
    assert [etiqueta for etiqueta, _ in hoja.kpis][0] == NUEVA
    nacional = (tmp_path / "sitio" / "pizarra_nacional" / "index.html").read_text("utf-8")
    assert f'data-cifra="actividades"><span>{NUEVA}</span>' in nacional and "<span>Actividades</span>" not in nacional
    catalogo = (tmp_path / "sitio" / "tableros" / "datos.json").read_text("utf-8")
    assert f'"actividades":"{NUEVA}"' in catalogo  # what the browser writes once the filters apply
