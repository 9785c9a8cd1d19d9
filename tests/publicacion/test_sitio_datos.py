"""The static site's data files, on the fixture database: the groups add up to the app's figures, the row files hold
the app's download cells with each row's filter keys, and the per-organismo cap holds (the browser code itself is
compared with the app in tests/e2e/test_sitio_e2e.py)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from functools import partial

import pandas as pd
import pytest

from pizarras.base.consultas import ejecutar
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros import consulta_filtrada, primera_fila
from pizarras.lectura.tableros.nacional import actividades_para_descarga
from pizarras.publicacion import exportar
from pizarras.publicacion.sitio import datos

HOY = date(2025, 6, 1)


def test_the_groups_add_up_to_the_apps_headline_figures(con_pequena):
    hechos = datos.hechos(con_pequena, HOY)
    kpi = primera_fila(consulta_filtrada(partial(ejecutar, con_pequena), "tableros/kpi_actividades", Filtros(),
                                         hoy=HOY))
    a = pd.DataFrame(hechos["actividades"])
    assert a["n"].sum() == kpi["actividades"] and a["vencidas"].sum() == kpi["vencidas"]
    contados = a[a["estatus"] != "cancelada"]
    assert contados["suma"].sum() / contados["n"].sum() == pytest.approx(kpi["avance_promedio"])
    assert a["organismo"].nunique() == kpi["organismos_reportando"]
    assert isinstance(a["ods"].iloc[0], list) and isinstance(a["transversales"].iloc[0], list)


def test_the_row_files_are_the_apps_download_cells_with_their_keys(con_pequena):
    archivos = datos.filas(con_pequena, HOY)
    indice = archivos["indice"]["actividades"]
    propias = {n: a for n, a in archivos.items() if n.startswith("actividades/")}
    assert sum(indice["por_organismo"].values()) == sum(len(a["filas"]) for a in propias.values())
    # All the rows, in the app's order, are the app's CSV download.
    filas = []
    for archivo in propias.values():
        k = archivo["claves"]
        filas += zip(k["reportado_en"], k["id"], archivo["filas"], strict=True)
    filas.sort(key=lambda x: x[1])
    filas.sort(key=lambda x: x[0], reverse=True)
    descarga = exportar.a_csv(actividades_para_descarga(partial(ejecutar, con_pequena), Filtros())).decode("utf-8-sig")
    assert [indice["encabezados"]] + [f for _, _, f in filas] == list(csv.reader(io.StringIO(descarga)))
    una = next(iter(propias.values()))["claves"]
    assert {"organismo_clave", "programa_clave", "eje_clave", "estatus_clave", "ods_claves", "transversales_claves",
            "periodo", "id", "reportado_en"} <= set(una)


def test_each_organismo_file_holds_at_most_its_newest_rows(con_pequena, monkeypatch):
    monkeypatch.setattr(datos, "FILAS_POR_ORGANISMO", 1)
    archivos = datos.filas(con_pequena, HOY)
    totales = archivos["indice"]["actividades"]["por_organismo"]
    assert any(n > 1 for n in totales.values())  # the fixture has an organismo with several activities
    for organismo, n in totales.items():
        archivo = archivos[f"actividades/{organismo}"]
        assert len(archivo["filas"]) == 1
        recientes = con_pequena.execute(
            "select max(reportado_en) from actividades_publicadas where organismo = ?", [organismo]).fetchone()[0]
        assert archivo["claves"]["reportado_en"][0] == recientes.isoformat(timespec="microseconds")


def test_timestamps_keep_their_fraction_so_the_browser_orders_them_as_the_app():
    assert datos.columnas(pd.DataFrame({"t": [pd.Timestamp("2026-11-30 10:00:00.9"), datetime(2026, 11, 30, 10)]})) == {
        "t": ["2026-11-30T10:00:00.900000", "2026-11-30T10:00:00.000000"]}
