"""Each named query against the hand-written fixture database, with answers worked out by hand."""

from __future__ import annotations

import re

import pytest

from pizarras.base.consultas import ErrorDeConsulta, cargar, ejecutar, nombres_disponibles, parametros_de
from pizarras.config import CARPETA_CONSULTAS, RAIZ
from pizarras.lectura.filtros import Filtros
from tests.apoyo.consultas_util import correr
from tests.apoyo.datos_prueba import AVANCE_PROMEDIO, HOY, TOTAL_ACTIVIDADES, TOTAL_PARTICIPANTES, VENCIDAS


def kpi(con, filtros=Filtros()):
    return correr(con, "tableros/kpi_actividades", filtros, hoy=HOY).iloc[0]


def test_kpi_actividades_without_filters_gives_the_hand_computed_figures(con_pequena):
    fila = kpi(con_pequena)
    assert fila["actividades"] == TOTAL_ACTIVIDADES
    assert (fila["programadas"], fila["en_proceso"], fila["concluidas"], fila["canceladas"]) == (1, 2, 2, 1)
    assert fila["avance_promedio"] == pytest.approx(AVANCE_PROMEDIO)
    assert fila["organismos_reportando"] == 4
    assert fila["vencidas"] == VENCIDAS
    assert fila["demo"] == 5


@pytest.mark.parametrize(
    ("filtros", "esperadas"),
    [
        (Filtros(region=("norte",)), 2),
        (Filtros(entidad=("10",)), 2),
        (Filtros(organismo=("INAI",)), 1),
        (Filtros(programa=("PRONADATOS",)), 1),
        (Filtros(eje=("PROTAI-X2",)), 1),  # transversal eje of activity 4 only
        (Filtros(eje=("PROTAI-X1",)), 2),  # activities 1 and 4
        (Filtros(eje=("PROTAI-T3",)), 2),  # temático eje of activities 1 and 4
        (Filtros(ods=(16,)), 2),
        (Filtros(periodo=(2024,)), 2),
        (Filtros(estatus=("concluida",)), 2),
        (Filtros(region=("norte",), estatus=("concluida",)), 0),
        (Filtros(region=("norte", "federal")), 3),
        (Filtros(region=("norte",), entidad=("14", "10")), 2),  # both place filters: Durango only
        (Filtros(region=("centro-occidente",), entidad=("10",)), 0),  # Durango is not in centro-occidente
    ],
)
def test_every_filter_narrows_the_activities(con_pequena, filtros, esperadas):
    assert kpi(con_pequena, filtros)["actividades"] == esperadas


def test_average_progress_of_an_empty_selection_is_null(con_pequena):
    fila = kpi(con_pequena, Filtros(region=("sureste",), estatus=("programada",)))
    assert fila["actividades"] == 0
    assert fila["avance_promedio"] != fila["avance_promedio"] or fila["avance_promedio"] is None  # NaN or None


def test_actividades_por_estatus_lists_every_status_even_at_zero(con_pequena):
    tabla = correr(con_pequena, "tableros/actividades_por_estatus", Filtros(region=("norte",)))
    assert list(tabla["estatus"]) == ["programada", "en_proceso", "concluida", "cancelada"]
    assert list(tabla["actividades"]) == [1, 0, 0, 1]


def test_avance_por_eje_counts_tematic_and_transversal_ejes(con_pequena):
    tabla = correr(con_pequena, "tableros/avance_por_eje").set_index("eje")
    assert tabla.loc["PROTAI-T3", "actividades"] == 2
    assert tabla.loc["PROTAI-T3", "avance_promedio"] == pytest.approx(100.0)  # activity 4 is cancelled
    assert tabla.loc["PROTAI-X1", "tipo"] == "transversal"
    assert tabla.loc["PROTAI-X1", "actividades"] == 2
    assert tabla.loc["PROTAI-X2", "actividades"] == 1


def test_avance_por_region_follows_the_region_order(con_pequena):
    tabla = correr(con_pequena, "tableros/avance_por_region")
    assert list(tabla["region"]) == ["norte", "centro-occidente", "sureste", "federal"]
    norte = tabla.set_index("region").loc["norte"]
    assert (norte["actividades"], norte["organismos"], norte["avance_promedio"]) == (2, 1, 0.0)


def test_avance_por_region_of_only_cancelled_activities_has_no_average(con_pequena):
    tabla = correr(con_pequena, "tableros/avance_por_region", Filtros(estatus=("cancelada",)))
    assert list(tabla["region"]) == ["norte"]
    norte = tabla.iloc[0]
    assert (norte["actividades"], norte["organismos"], norte["concluidas"]) == (1, 1, 0)
    assert norte["avance_promedio"] != norte["avance_promedio"]  # NaN: activity 4 is cancelled


def test_avance_por_organismo_counts_overdue_against_the_cut_off_date(con_pequena):
    tabla = correr(con_pequena, "tableros/avance_por_organismo", hoy=HOY).set_index("organismo")
    assert tabla.loc["ITEI", "avance_promedio"] == pytest.approx(75.0)
    assert tabla.loc["ITEI", "vencidas"] == 1
    assert tabla.loc["INAI", "vencidas"] == 1
    assert tabla.loc["IDAIP", "vencidas"] == 0
    assert list(tabla.index[:2]) == ["IVAI", "ITEI"]  # best progress first


def test_actividades_tabla_gives_readable_names_newest_first(con_pequena):
    tabla = correr(con_pequena, "tableros/actividades_tabla")
    assert list(tabla["id"]) == [5, 3, 2, 4, 1, 6]
    fila = tabla.set_index("id").loc[4]
    assert fila["organismo"] == "IDAIP"
    assert fila["region"] == "Región Norte"
    assert fila["ejes_transversales"] == "Derechos humanos, igualdad de género e inclusión; Coordinación y federalismo"
    assert tabla.set_index("id").loc[5, "ods"] == "16, 17"


def test_kpi_compromisos_follows_place_ods_period_and_status(con_pequena):
    fila = correr(con_pequena, "tableros/kpi_compromisos").iloc[0]
    assert (fila["compromisos"], fila["alineados_ods"], fila["concluidos"], fila["entidades"], fila["planes"]) == (3, 2, 1, 2, 3)
    assert fila["avance_promedio"] == pytest.approx(70.0)
    assert correr(con_pequena, "tableros/kpi_compromisos", Filtros(region=("norte",))).iloc[0]["compromisos"] == 1
    assert correr(con_pequena, "tableros/kpi_compromisos", Filtros(periodo=(2017,))).iloc[0]["compromisos"] == 1
    assert correr(con_pequena, "tableros/kpi_compromisos", Filtros(organismo=("ITEI",))).iloc[0]["compromisos"] == 2
    assert correr(con_pequena, "tableros/kpi_compromisos", Filtros(ods=(5,))).iloc[0]["compromisos"] == 1


def test_kpi_capacitaciones_sums_participants_under_filters(con_pequena):
    assert correr(con_pequena, "tableros/kpi_capacitaciones").iloc[0]["participantes"] == TOTAL_PARTICIPANTES
    assert correr(con_pequena, "tableros/kpi_capacitaciones", Filtros(region=("norte",))).iloc[0]["participantes"] == 30
    assert correr(con_pequena, "tableros/kpi_capacitaciones", Filtros(programa=("PROTAI",))).iloc[0]["participantes"] == 100
    assert correr(con_pequena, "tableros/kpi_capacitaciones", Filtros(periodo=(2020,))).iloc[0]["participantes"] == 410
    vacia = correr(con_pequena, "tableros/kpi_capacitaciones", Filtros(region=("sureste",))).iloc[0]
    assert (vacia["capacitaciones"], vacia["participantes"]) == (0, 0)


@pytest.mark.parametrize(
    ("nombre", "filas", "primera"),
    [
        ("catalogos/catalogo_regiones", 5, "norte"),
        ("catalogos/catalogo_entidades", 33, "00"),
        ("catalogos/catalogo_organismos", 36, None),
        ("catalogos/catalogo_programas", 4, "PROTAI"),
        ("catalogos/catalogo_ejes", 29, None),
        ("catalogos/catalogo_ods", 17, 1),
        ("catalogos/catalogo_estatus", 4, "programada"),
    ],
)
def test_catalog_queries_list_every_catalog_row(con_pequena, nombre, filas, primera):
    tabla = ejecutar(con_pequena, nombre)
    assert len(tabla) == filas
    assert {"clave", "nombre", "grupo"} <= set(tabla.columns)
    if primera is not None:
        assert tabla["clave"].iloc[0] == primera


def test_catalogo_periodos_spans_every_year_with_data(con_pequena):
    assert list(ejecutar(con_pequena, "catalogos/catalogo_periodos")["clave"]) == list(range(2025, 2014, -1))


def test_a_call_with_missing_or_extra_parameters_is_refused(con_pequena):
    with pytest.raises(ErrorDeConsulta, match="faltan"):
        ejecutar(con_pequena, "tableros/kpi_actividades", {"regiones": None})
    with pytest.raises(ErrorDeConsulta, match="sobran"):
        ejecutar(con_pequena, "catalogos/catalogo_regiones", {"region": "norte"})


@pytest.mark.parametrize("nombre", ["../seed/schema", "tableros/../../seed/schema", "sin_carpeta",
                                    "tableros/sub/kpi_actividades", "Tableros/kpi_actividades", "tableros/",
                                    "/tableros/kpi_actividades", "tableros/no_existe"])
def test_a_query_is_named_by_its_folder_and_cannot_escape_queries(nombre):
    with pytest.raises(ErrorDeConsulta):
        cargar(nombre)


def test_parameters_inside_comments_and_strings_are_not_counted():
    sql = "-- uses $falso\nselect '$tampoco' as a, $real as b /* $nada */"
    assert parametros_de(sql) == {"real"}


def test_hostile_filter_values_are_bound_never_executed(con_pequena):
    hostil = ("norte'); drop table actividades; --",)
    assert kpi(con_pequena, Filtros(region=hostil))["actividades"] == 0
    assert kpi(con_pequena)["actividades"] == TOTAL_ACTIVIDADES


def test_every_query_file_has_a_header_and_a_caller():
    # Every .sql under queries/, at any depth: one folder level, a header (what it answers; a read's grain; the
    # parameters it takes), and some test or caller that names it, else it is dead. A name is found as a literal
    # ("tableros/kpi_actividades") or as an f-string prefix plus a literal rest (f"catalogos/catalogo_{...}" and
    # "regiones"; f"datos_abiertos/{nombre}" and "actividades").
    archivos = sorted(f"{p.relative_to(CARPETA_CONSULTAS).with_suffix('').as_posix()}"
                      for p in CARPETA_CONSULTAS.rglob("*.sql"))
    assert archivos == nombres_disponibles(), "queries live in queries/<carpeta>/<nombre>.sql"
    fuentes = "".join(p.read_text(encoding="utf-8") for carpeta in ("pizarras", "pages", "bench", "tests", "seed")
                      for p in (RAIZ / carpeta).rglob("*.py"))
    literales = set(re.findall(r"""["']([a-z0-9_/]+)["']""", fuentes))
    prefijos = set(re.findall(r"""f["']([a-z_]+/[a-z0-9_]*)\{""", fuentes))
    for nombre in archivos:
        consulta = cargar(nombre)
        cabecera = consulta.descripcion
        assert len(cabecera) > 20, f"{nombre}.sql needs a header comment"
        if re.match(r"(select|with|from)\b", re.sub(r"(?m)^--.*\n", "", consulta.sql).lstrip(), re.IGNORECASE):
            assert "Grain:" in cabecera, f"{nombre}.sql: its header should state its grain"
        if consulta.parametros:
            assert "$" in cabecera or "filter" in cabecera, f"{nombre}.sql: its header should name its parameters"
        nombrada = nombre in literales or any(
            nombre.startswith(p) and nombre.removeprefix(p) in literales for p in prefijos)
        assert nombrada, f"{nombre}.sql: no test or caller names it"
