"""Board assembly and figures, on the hand-written fixture database, without Streamlit."""

from __future__ import annotations

from functools import partial

from pizarras import estilo, etiquetas
from pizarras.base.consultas import ejecutar
from pizarras.graficas import avance
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros.nacional import COLUMNAS_ACTIVIDADES, pizarra_nacional, tabla_para_mostrar
from tests.apoyo.datos_prueba import HOY, TOTAL_ACTIVIDADES


def test_the_national_board_splits_ejes_and_names_filters_that_do_not_apply(con_pequena):
    pizarra = pizarra_nacional(partial(ejecutar, con_pequena), Filtros(programa=("PROTAI",)), HOY)
    assert pizarra.kpi_actividades["actividades"] == 4
    assert set(pizarra.por_eje_tematico["tipo"]) == {"tematico"}
    assert set(pizarra.por_eje_transversal["eje"]) == {"PROTAI-X1", "PROTAI-X2"}
    assert all(e.startswith("PROTAI · ") for e in pizarra.por_eje_transversal["etiqueta"])
    assert pizarra.no_aplican_compromisos == ["Programa"]
    assert pizarra.no_aplican_capacitaciones == []
    assert not pizarra.vacia


def test_an_empty_selection_is_reported_as_empty(con_pequena):
    pizarra = pizarra_nacional(partial(ejecutar, con_pequena), Filtros(region=("sureste",), periodo=(2025,)), HOY)
    assert pizarra.vacia
    assert pizarra.actividades.empty


def test_demo_records_are_counted_across_activities_commitments_and_trainings(con_pequena):
    pizarra = pizarra_nacional(partial(ejecutar, con_pequena), Filtros(), HOY)
    assert pizarra.registros_demo == 5 + 1 + 2 + 1  # activities; commitment 2; ods of 1 and 3; training 3


def test_the_table_has_spanish_headers_and_a_readable_demo_flag(con_pequena):
    pizarra = pizarra_nacional(partial(ejecutar, con_pequena), Filtros(), HOY)
    tabla = pizarra.tabla
    assert list(tabla.columns) == [etiquetas.etiqueta(c, "actividad") for c in COLUMNAS_ACTIVIDADES]
    assert len(tabla) == TOTAL_ACTIVIDADES
    assert set(tabla["Dato de demostración"]) == {"Sí", "No"}
    assert pizarra.tabla is tabla  # built once: a shared board serves it to every session
    assert tabla.equals(tabla_para_mostrar(pizarra.actividades))


def test_status_bars_use_the_status_colours(con_pequena):
    pizarra = pizarra_nacional(partial(ejecutar, con_pequena), Filtros(), HOY)
    figura = avance.barras_estatus(pizarra.por_estatus)
    assert list(figura.data[0].marker.color) == [estilo.COLOR_ESTATUS[c] for c in pizarra.por_estatus["estatus"]]


def test_progress_bars_rank_best_first_on_top(con_pequena):
    pizarra = pizarra_nacional(partial(ejecutar, con_pequena), Filtros(), HOY)
    datos = pizarra.por_region.assign(actividades=avance.MINIMO_ACTIVIDADES)
    figura = avance.barras_avance(datos, "nombre", "Avance por región", clave="region")
    assert list(figura.data[0].x) == sorted(figura.data[0].x, reverse=True)
    assert figura.layout.yaxis.autorange == "reversed"  # first row on top
    assert figura.layout.title.text == "Avance por región"


def test_tiny_groups_cannot_lead_a_progress_ranking_and_every_bar_says_its_activities():
    """Issue 11, item 9: an eje at 100 % with 2 activities goes below one at 60 % with 45."""
    import pandas as pd

    datos = pd.DataFrame({"eje": ["a", "b", "c"], "etiqueta": ["PROTAI · A", "PROTAI · B", "PROTAI · C"],
                          "avance_promedio": [100.0, 60.0, 40.0], "actividades": [2, 45, 12]})
    figura = avance.barras_avance(datos, "etiqueta", "Avance por eje temático", clave="eje")
    assert list(figura.data[0].y) == ["PROTAI · B", "PROTAI · C", "PROTAI · A"]
    assert list(figura.data[0].text) == ["60 % · 45 act.", "40 % · 12 act.", "100 % · 2 act."]
    assert list(figura.data[0].marker.color) == [avance.PALETA[0], avance.PALETA[0], estilo.aclarar(avance.PALETA[0])]
    assert figura.layout.margin.r >= avance.MARGEN_TEXTO_AVANCE  # room for '100 % · 1,234 act.': nothing cut


def test_long_bar_labels_wrap_so_a_phone_shows_them_and_clicks_keep_the_key():
    """Issue 12: long eje names ran off a 390 px screen (plotly cannot widen the margin enough there)."""
    import pandas as pd

    largo = "PRONADATOS · Educación y cultura de protección de datos personales"
    datos = pd.DataFrame({"eje": ["PRONADATOS-T1", "X"], "etiqueta": [largo, "Corto"],
                          "avance_promedio": [80.0, 70.0], "actividades": [20, 20]})
    figura = avance.barras_avance(datos, "etiqueta", "Avance por eje temático", clave="eje")
    etiqueta = figura.data[0].y[0]
    assert "<br>" in etiqueta and etiqueta.replace("<br>", " ") == largo
    assert all(len(linea) <= avance.ANCHO_ETIQUETA for linea in etiqueta.split("<br>"))
    assert figura.data[0].y[1] == "Corto"
    assert figura.data[0].customdata[0][0] == "PRONADATOS-T1"  # a click still opens that eje
    un_renglon = avance.barras_avance(datos.assign(etiqueta=["A", "B"]), "etiqueta", "t", clave="eje")
    assert figura.layout.height > un_renglon.layout.height  # two-line labels get room


def test_spanish_number_formats():
    assert estilo.entero(12345) == "12,345"
    assert estilo.entero(None) == "—"
    assert estilo.porcentaje(64) == "64.0 %"
    assert estilo.porcentaje(float("nan")) == "—"


def test_board_tables_stop_at_the_visible_rows_and_downloads_carry_them_all(con_pequena, monkeypatch):
    from pizarras.lectura.tableros import nacional

    monkeypatch.setattr(nacional, "FILAS_VISIBLES", 2)
    consultar = partial(ejecutar, con_pequena)
    assert len(nacional.pizarra_nacional(consultar, Filtros(), HOY).actividades) == 2
    completa = nacional.actividades_para_descarga(consultar, Filtros())
    assert len(completa) == TOTAL_ACTIVIDADES
    assert list(completa.columns) == [etiquetas.etiqueta(c, "actividad") for c in COLUMNAS_ACTIVIDADES]


def test_the_demo_notice_names_each_kind_long_on_a_desk_and_in_one_sentence_on_a_phone():
    from pizarras.lectura.tableros import Demo

    demo = Demo(actividades=5, compromisos=1, capacitaciones=1, alineaciones=2)

    assert demo.texto() == (
        "Datos de demostración, no reportes reales del SNT: 5 actividades, 1 compromiso y 1 capacitación de las cifras "
        "de esta página (columna «Dato de demostración» en las tablas). Además, 2 compromisos reales tienen una "
        "alineación a un ODS de demostración (columna «Alineación ODS de demostración»). Los catálogos y las cifras "
        "publicadas por la Comisión de Gobierno Abierto sí son reales."
    )
    assert demo.texto(corto=True) == ("Datos de demostración: 5 actividades, 1 compromiso, 1 capacitación y 2 "
                                      "alineaciones a un ODS de esta página no son datos reales del SNT.")
    assert Demo(alineaciones=1).texto(corto=True) == (
        "Datos de demostración: 1 alineación a un ODS de esta página no es un dato real del SNT.")
    assert Demo().texto() is None and Demo().texto(corto=True) is None
