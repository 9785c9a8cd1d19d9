"""The gobierno abierto and capacitaciones boards and their figures, on the fixture database, without Streamlit."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import pytest

from pizarras import estilo
from pizarras.base.consultas import ejecutar
from pizarras.etiquetas import encabezados
from pizarras.graficas import avance, gobierno_abierto
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros import capacitaciones as cap
from pizarras.lectura.tableros import compromisos as comp
from pizarras.lectura.tableros.detalle import Fuente, campos, fuentes, texto
from tests.apoyo.datos_prueba import HOY


@pytest.fixture()
def consultar(con_pequena):
    return partial(ejecutar, con_pequena)



def test_the_commitments_board_counts_demo_records_gaps_and_filters_that_do_not_apply(consultar):
    pizarra = comp.pizarra_compromisos(consultar, Filtros(programa=("PROTAI",), ods=(16,)), HOY)
    assert pizarra.kpi["compromisos"] == 1  # commitment 1; programa does not apply
    assert pizarra.no_aplican == ["Programa"]
    assert pizarra.no_aplican_stl == ["Programa", "ODS"]
    todo = comp.pizarra_compromisos(consultar, Filtros(), HOY)
    assert todo.registros_demo == 3  # ODS of 1 and 3 are demo; commitment 2 is a demo row
    assert todo.sin_avance == 1  # commitment 3
    assert todo.alineaciones_demo == 2
    assert todo.stl_es_demo
    assert not todo.vacia
    assert comp.pizarra_compromisos(consultar, Filtros(region=("sureste",)), HOY).vacia


def test_the_ods_chart_rows_carry_the_catalog_colours_and_end_with_the_grey_non_aligned(consultar):
    datos = comp.ods_para_grafica(comp.pizarra_compromisos(consultar, Filtros(), HOY).por_ods)
    assert list(datos["etiqueta"]) == ["ODS 5 · Igualdad de género", "ODS 16 · Paz, justicia e instituciones sólidas",
                                       comp.SIN_ALINEACION]
    assert list(datos["color"]) == ["#FF3A21", "#00689D", estilo.COLOR_NO_ALINEADO]
    assert list(datos["compromisos"]) == [1, 1, 1]
    figura = gobierno_abierto.barras_ods(datos)
    assert list(figura.data[0].marker.color) == ["#FF3A21", "#00689D", estilo.COLOR_NO_ALINEADO]
    assert list(figura.data[0].y) == list(datos["etiqueta"])
    assert figura.layout.yaxis.autorange == "reversed"  # ODS 1 on top


def test_no_grey_bar_when_every_commitment_is_aligned(consultar):
    datos = comp.ods_para_grafica(comp.pizarra_compromisos(consultar, Filtros(ods=(5, 16)), HOY).por_ods)
    assert comp.SIN_ALINEACION not in list(datos["etiqueta"])


def test_color_ods_keeps_the_catalog_colour_and_greys_out_the_rest():
    assert estilo.color_ods("#00689d") == "#00689D"
    assert estilo.color_ods(None) == estilo.COLOR_NO_ALINEADO
    assert estilo.color_ods(float("nan")) == estilo.COLOR_NO_ALINEADO
    assert estilo.color_ods("red") == estilo.COLOR_NO_ALINEADO


def test_policy_areas_regroup_the_source_texts_in_the_catalog_keeping_the_words():
    """Issue 11, item 13: 'Género' and 'Género / desarrollo social' are one area; the average weighs each text by its
    commitments with a percentage; the table says which source texts each area gathers."""
    from pizarras.lectura.areas import area_de, por_area_del_catalogo

    assert area_de("Género") == area_de("Género / desarrollo social") == area_de("Género / justicia")
    assert area_de("Obra pública / contraloría social") == "Obra pública, vivienda y desarrollo urbano"
    assert area_de(None) == area_de("Sin área registrada") == "Sin área registrada"
    por_area = pd.DataFrame({
        "area": ["Género", "Género / desarrollo social", "Salud"], "compromisos": [4, 1, 2], "con_avance": [2, 1, 0],
        "concluidos": [1, 1, 0], "avance_promedio": [50.0, 80.0, None],
    })
    areas = por_area_del_catalogo(por_area)
    assert list(areas["area"]) == ["Igualdad de género", "Salud"]
    assert list(areas["compromisos"]) == [5, 2] and list(areas["concluidos"]) == [2, 0]
    assert areas["avance_promedio"].iloc[0] == pytest.approx(60.0) and pd.isna(areas["avance_promedio"].iloc[1])
    assert areas["textos_fuente"].iloc[0] == "Género; Género / desarrollo social"
    assert list(comp.tabla_areas(areas).columns) == [
        "Área de política", "Compromisos", "Concluidos", "Avance promedio (%)", "Áreas según la fuente"]


def test_every_seed_policy_area_lands_in_the_catalog_and_the_chart_covers_every_commitment(con_seed):
    from pizarras.lectura.areas import OTRA, por_area_del_catalogo
    from tests.apoyo.consultas_util import correr

    por_area = correr(con_seed, "tableros/compromisos_por_area")
    areas = por_area_del_catalogo(por_area)
    assert areas["compromisos"].sum() == por_area["compromisos"].sum()
    assert len(areas) <= 15 and OTRA not in set(areas["area"])


def test_plan_periods_are_years_and_keep_the_source_wording(con_seed):
    """Issue 11, item 13: 'publicado 2016-08-04; duración de un año' reads 2016–2017, like the plan's own years."""
    from tests.apoyo.consultas_util import correr

    assert comp.periodo_en_anios("publicado 2016-08-04; duración de un año") == "2016–2017"
    assert comp.periodo_en_anios("2016-2018 (presentado 2016-11-30)") == "2016–2018"
    assert comp.periodo_en_anios("2016 (publicado 2016-05-19)") == "2016"
    assert comp.periodo_en_anios(None) is None
    compromisos = correr(con_seed, "tableros/compromisos_tabla", hoy=HOY)
    for periodo, inicio, fin in compromisos[["plan_periodo", "anio_inicio", "anio_fin"]].drop_duplicates().itertuples(index=False):
        assert comp.periodo_en_anios(periodo) == (str(inicio) if inicio == fin else f"{inicio}–{fin}"), periodo
    tabla = comp.tabla_para_mostrar(compromisos)
    assert set(tabla["Periodo del plan"]) <= {f"{a}–{b}" for a in range(2015, 2020) for b in range(2016, 2022)} | {"2016"}
    assert "Periodo del plan según la fuente" in tabla.columns and "Área de política según la fuente" in tabla.columns

def test_stl_members_by_sector_in_fixed_order_with_totals(consultar):
    stl = comp.stl_por_sector(comp.pizarra_compromisos(consultar, Filtros(), HOY).stl)
    assert stl.to_dict("list") == {
        "Sector": ["Sector público", "Sociedad civil y sector privado", "Academia"],
        "Mujeres": [0, 3, 2],
        "Hombres": [5, 0, 0],
        "Total": [5, 3, 2],
    }
    figura = gobierno_abierto.barras_stl(stl)
    assert [t.name for t in figura.data] == ["Mujeres", "Hombres"]
    assert list(figura.data[1].y) == [5, 0, 0]


def test_plans_chart_stacks_one_segment_per_plan_number(consultar):
    datos = comp.planes_para_grafica(comp.pizarra_compromisos(consultar, Filtros(), HOY).por_plan)
    figura = gobierno_abierto.barras_planes(datos)
    assert [t.name for t in figura.data] == ["Primer plan", "Segundo plan"]
    assert list(figura.data[0].y) == ["Durango", "Jalisco"]
    assert list(figura.data[1].y) == ["Jalisco"]
    assert figura.data[1].customdata[0][0] == "Plan B de Jalisco"


def test_status_chart_says_the_average_progress_per_status(consultar):
    datos = comp.estatus_para_grafica(comp.pizarra_compromisos(consultar, Filtros(), HOY).por_estatus)
    figura = gobierno_abierto.barras_estatus_avance(datos)
    assert list(figura.data[0].marker.color) == [estilo.COLOR_ESTATUS[c] for c in datos["estatus"]]
    assert list(figura.data[0].text) == ["0", "2<br>avance 40 %", "1<br>avance 100 %", "0"]


def test_the_commitments_table_has_spanish_headers_whole_numbers_and_readable_flags(consultar):
    tabla = comp.tabla_para_mostrar(comp.pizarra_compromisos(consultar, Filtros(), HOY).compromisos)
    assert list(tabla.columns) == encabezados(comp.COLUMNAS_COMPROMISOS, comp.TEMA)
    assert list(tabla["ODS"].astype(object).where(tabla["ODS"].notna(), None)) == [5, 16, None]
    assert str(tabla["Avance (%)"].dtype) == "Int64"
    assert list(tabla["Alineación ODS de demostración"]) == ["Sí", "Sí", "No"]


def test_the_commitment_detail_lists_every_field_and_says_what_is_missing(consultar):
    compromisos = comp.pizarra_compromisos(consultar, Filtros(), HOY).compromisos.set_index("id", drop=False)
    tercero = dict(comp.detalle_compromiso(compromisos.loc[3].to_dict()))
    assert list(tercero) == encabezados([c for c in comp.COLUMNAS_COMPROMISOS if c != "fuente_url"], comp.TEMA)
    assert tercero["Avance (%)"] == "Sin porcentaje en la fuente"
    assert (tercero["ODS"], tercero["Nombre del ODS"]) == ("5", "Igualdad de género")
    assert (tercero["Año de inicio"], tercero["Año de término"]) == ("2015", "2016")  # no thousands separator
    assert tercero["Institución responsable"] == "—"
    primero = dict(comp.detalle_compromiso(compromisos.loc[1].to_dict()))
    assert (primero["Avance (%)"], primero["Estatus"], primero["Dato de demostración"]) == ("100 %", "Concluido", "No")
    segundo = compromisos.loc[2].to_dict()
    assert dict(comp.detalle_compromiso(segundo))["ODS"] == comp.SIN_ALINEACION
    assert comp.avisos_compromiso(segundo) == [
        "Este compromiso es un dato de demostración: completa un plan publicado, no es un registro real."
    ]
    assert len(comp.avisos_compromiso(compromisos.loc[1].to_dict())) == 1  # its ODS alignment only
    assert comp.fuentes_compromiso(segundo) == []


def test_sources_split_into_links_and_citations():
    assert fuentes("https://a.mx/x | Informe de la Comisión, 2020 | http://b.org") == [
        Fuente("https://a.mx/x", "https://a.mx/x"),
        Fuente("Informe de la Comisión, 2020"),
        Fuente("http://b.org", "http://b.org"),
    ]
    assert fuentes(None) == [] and fuentes(float("nan")) == []


def test_field_text_for_empty_boolean_date_and_numbers():
    assert [texto(v) for v in (None, float("nan"), pd.NA, True, False, date(2020, 9, 14), 2016.0, 7, "  ")] == [
        "—", "—", "—", "Sí", "No", "14/09/2020", "2016", "7", "—",
    ]
    assert campos({"a": None, "b": 3}, {"a": "A", "b": "B"}, {"b": lambda v: f"{v} %"}, {"a": "Nada"}) == [
        ("A", "Nada"), ("B", "3 %"),
    ]


# --- capacitaciones ------------------------------------------------------------------------------------------


def test_the_trainings_board_without_filters(consultar):
    pizarra = cap.pizarra_capacitaciones(consultar, Filtros())
    assert pizarra.kpi["participantes"] == 540
    assert pizarra.faltantes["participantes_sin_sexo"] == 410
    assert pizarra.registros_demo == 1
    assert len(pizarra.por_mes) == 3 and len(pizarra.capacitaciones) == 3
    assert cap.pizarra_capacitaciones(consultar, Filtros(ods=(16,), estatus=("concluida",))).no_aplican == [
        "ODS", "Estatus"
    ]
    assert cap.pizarra_capacitaciones(consultar, Filtros(region=("sureste",))).vacia


def test_participants_by_sex_add_the_unsplit_ones_as_their_own_bar(consultar):
    pizarra = cap.pizarra_capacitaciones(consultar, Filtros())
    datos = cap.participantes_por_sexo(pizarra.kpi, pizarra.faltantes)
    assert datos[["etiqueta", "participantes"]].to_dict("list") == {
        "etiqueta": ["Mujeres", "Hombres", "Sin dato de sexo"],
        "participantes": [78, 52, 410],
    }
    figura = gobierno_abierto.barras_sexo(datos)
    assert list(figura.data[0].marker.color) == [estilo.COLOR_SEXO["mujer"], estilo.COLOR_SEXO["hombre"],
                                                 estilo.COLOR_NO_ALINEADO]


def test_labels_for_modality_type_and_eje(consultar):
    pizarra = cap.pizarra_capacitaciones(consultar, Filtros())
    assert list(cap.con_modalidad(pizarra.por_modalidad)["etiqueta"]) == ["Virtual"]
    assert list(cap.con_tipo(pizarra.por_tipo)["etiqueta"]) == ["Taller"]
    assert list(cap.con_eje(pizarra.por_eje)["etiqueta"]) == [
        "PROTAI · Capacitación y profesionalización", "PRONADATOS · Capacitación a responsables", "Sin eje asignado",
    ]
    sin_modalidad = pd.DataFrame({"modalidad": ["mixta", None]})
    assert list(cap.con_modalidad(sin_modalidad)["etiqueta"]) == ["Mixta", "Sin dato"]


def test_top_organisers_keep_the_query_order_and_every_tie_at_the_cut(consultar):
    """Issue 11, item 9: the three organisers tie at one training each; a cut at two shows all three and says so."""
    por_organizador = cap.pizarra_capacitaciones(consultar, Filtros()).por_organizador
    principales = cap.principales_organizadores(por_organizador, cuantos=2)
    assert list(principales["organizador"]) == ["Organizador", "ITEI", "IDAIP"]
    assert cap.titulo_organizadores(principales, por_organizador, cuantos=2) == (
        "Principales organizadores: los 2 con más capacitaciones y sus empates (3 de 3)"
    )
    desiguales = por_organizador.assign(capacitaciones=[3, 2, 1])
    assert list(cap.principales_organizadores(desiguales, cuantos=2)["organizador"]) == ["Organizador", "ITEI"]


def test_count_bars_show_the_first_row_on_top_with_the_extra_figure_in_the_hover(consultar):
    por_region = cap.pizarra_capacitaciones(consultar, Filtros()).por_region
    figura = avance.barras_conteo(por_region, "nombre", "capacitaciones", "Por región", "capacitaciones",
                                    extra=("participantes", "Participantes"))
    assert list(figura.data[0].y) == ["Región Norte", "Región Centro-Occidente", "Nacional/Federal"]
    assert figura.layout.yaxis.autorange == "reversed"
    assert [c[0] for c in figura.data[0].customdata] == [30, 100, 410]
    assert "Participantes" in figura.data[0].hovertemplate


def test_the_monthly_series_shows_only_months_with_records_in_two_panels_with_spanish_ticks(consultar):
    """Issue 11, items 3 and 4: no month without records drawn as zero, one scale per panel (no second y-axis whose
    gridlines disagree), nothing clipped, and month ticks in Spanish."""
    figura = gobierno_abierto.serie_mensual(cap.pizarra_capacitaciones(consultar, Filtros()).por_mes)
    assert [t.name for t in figura.data] == ["Capacitaciones", "Participantes"]
    assert [t.type for t in figura.data] == ["bar", "bar"]  # a line would join the gaps through zero
    assert [str(m)[:7] for m in figura.data[0].x] == ["2020-09", "2023-05", "2024-02"]
    assert list(figura.data[1].y) == [410, 100, 30]
    assert figura.layout.yaxis2.overlaying is None and figura.data[1].yaxis == "y2"
    assert figura.layout.yaxis2.range[1] >= 410 and figura.layout.yaxis.range[1] >= 1
    assert figura.layout.xaxis.ticktext == ("ene 2021", "ene 2022", "ene 2023", "ene 2024")
    assert not any(m in t for t in figura.layout.xaxis.ticktext for m in ("Jan", "Feb", "May", "Sep"))
    assert [c[0] for c in figura.data[0].customdata] == ["sep 2020", "may 2023", "feb 2024"]


def test_month_ticks_step_with_the_span():
    inicio = pd.Timestamp(2024, 2, 1)
    assert gobierno_abierto.marcas_de_meses(inicio, pd.Timestamp(2024, 9, 1))[1] == [
        "feb 2024", "mar 2024", "abr 2024", "may 2024", "jun 2024", "jul 2024", "ago 2024", "sep 2024"]
    assert gobierno_abierto.marcas_de_meses(inicio, pd.Timestamp(2025, 12, 1))[1][:3] == ["abr 2024", "jul 2024", "oct 2024"]
    assert gobierno_abierto.marcas_de_meses(pd.Timestamp(2015, 5, 1), pd.Timestamp(2026, 2, 1))[1][:2] == ["ene 2016", "ene 2018"]


def test_the_trainings_table_and_detail(consultar):
    capacitaciones = cap.pizarra_capacitaciones(consultar, Filtros()).capacitaciones
    tabla = cap.tabla_para_mostrar(capacitaciones)
    assert list(tabla.columns) == encabezados(cap.COLUMNAS_CAPACITACIONES, cap.TEMA)
    assert list(tabla["Tipo de capacitación"]) == ["Taller"] * 3 and list(tabla["Modalidad"]) == ["Virtual"] * 3
    assert str(tabla["Mujeres"].dtype) == "Int64"
    jornada = capacitaciones.set_index("id", drop=False).loc[2].to_dict()
    detalle = dict(cap.detalle_capacitacion(jornada))
    assert list(detalle) == encabezados([c for c in cap.COLUMNAS_CAPACITACIONES if c != "fuente_url"], cap.TEMA)
    assert detalle["Organismo del SNT"] == "No es integrante del SNT o la fuente no lo nombra"
    assert (detalle["Participantes"], detalle["Mujeres"], detalle["Eje"]) == ("410", "—", "Sin eje asignado")
    assert (detalle["Tipo de capacitación"], detalle["Fecha de inicio"]) == ("Taller", "14/09/2020")
    assert cap.avisos_capacitacion(jornada) == []
    assert cap.avisos_capacitacion(capacitaciones.set_index("id", drop=False).loc[3].to_dict()) != []


def test_counts_with_their_noun_in_singular_or_plural():
    assert estilo.cantidad(1, "capacitación", "capacitaciones") == "1 capacitación"
    assert estilo.cantidad(0, "capacitación", "capacitaciones") == "0 capacitaciones"
    assert estilo.cantidad(1234, "compromiso", "compromisos") == "1,234 compromisos"


def test_a_record_with_several_sources_gets_one_link_per_column():
    """Issue 11, item 12: 'a | b' in one cell is no usable link: 'Fuente' and 'Fuente 2', one URL each."""
    datos = pd.DataFrame({"titulo": ["Uno", "Dos"], "fuente_url": ["https://a.mx/x | https://b.org/y", None]})
    tabla = comp.tabla_para_mostrar(datos)
    assert list(tabla.columns) == ["Compromiso", "Fuente", "Fuente 2"]
    assert list(tabla["Fuente"]) == ["https://a.mx/x", None] and list(tabla["Fuente 2"]) == ["https://b.org/y", None]
    from pizarras import etiquetas

    assert etiquetas.tipo_de("Fuente 2") == "enlace"


def test_sources_cited_in_words_go_to_one_reference_column_not_to_dead_links():
    """A report's title stored as a source is no address: it shows as text in «Referencia», the links stay links."""
    from pizarras import etiquetas

    datos = pd.DataFrame({"titulo": ["Uno", "Dos", "Tres", "Cuatro"], "fuente_url": [
        "https://snt.org.mx/informe", "Informe de la Comisión, nov 2019 - nov 2020 | https://inai.org.mx/x",
        "Acta de la sesión 3 | Minuta 4", None]})

    tabla = comp.tabla_para_mostrar(datos)

    assert list(tabla.columns) == ["Compromiso", "Fuente", "Referencia"]
    assert list(tabla["Fuente"]) == ["https://snt.org.mx/informe", "https://inai.org.mx/x", None, None]
    assert list(tabla["Referencia"]) == [None, "Informe de la Comisión, nov 2019 - nov 2020",
                                         "Acta de la sesión 3 | Minuta 4", None]
    assert etiquetas.tipo_de("Fuente") == "enlace" and etiquetas.tipo_de("Referencia") == "texto"
    assert "Referencia" not in list(comp.tabla_para_mostrar(datos.head(1)).columns)
    assert not etiquetas.es_enlace("https://snt.org.mx/informe anual")  # the detail view's rule too


def test_legends_sit_above_the_plot_where_they_cannot_cover_its_ticks(consultar):
    """Issue 11, item 5: below a short chart the plan legend covered the x ticks."""
    planes = comp.planes_para_grafica(comp.pizarra_compromisos(consultar, Filtros(entidad=("14",)), HOY).por_plan)
    for figura in (gobierno_abierto.barras_planes(planes),
                   gobierno_abierto.barras_stl(pd.DataFrame({"Sector": ["Academia"], "Mujeres": [1], "Hombres": [2]}))):
        assert figura.layout.showlegend and figura.layout.legend.yanchor == "bottom" and figura.layout.legend.y >= 1
