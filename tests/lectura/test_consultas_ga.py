"""The gobierno abierto and capacitaciones queries against the hand-written fixture database, answers worked out by
hand from tests/apoyo/datos_prueba.py.

Gaps the fixture rows do not have (an empty policy area, an undated training, a partial sex split) are checked on a
private in-memory copy with two extra rows each (`con_ampliada`), so the shared fixture stays as other tests know it.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from pizarras.lectura.filtros import Filtros
from seed.build import publicar_lo_cargado
from tests.apoyo.consultas_util import correr
from tests.apoyo.datos_prueba import COLUMNAS, TOTAL_PARTICIPANTES, llenar


def filas(tabla: pd.DataFrame, columnas: list[str]) -> list[tuple]:
    """Rows as tuples, NaN/NA as None, numpy scalars as Python values: easy to compare with hand-written rows."""
    return [
        tuple(None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in fila)
        for fila in tabla[columnas].itertuples(index=False, name=None)
    ]


@pytest.fixture(scope="module")
def con_ampliada():
    """The fixture rows plus: commitment 4 (Plan B de Jalisco, no policy area, cancelled at 10 %), training 4
    (undated, no modality or theme, 50 participants of whom 20 women and no count of men, 7 sujetos obligados, not
    an SNT member) and training 5 (IDAIP, Feb 2024, no participant count)."""
    con = duckdb.connect()
    llenar(con)
    con.execute(
        f"insert into compromisos ({COLUMNAS['compromisos']}) values ("
        "4, '14', 'Plan B de Jalisco', 2, '2019-2021', 2019, 2021, 'Compromiso 4', "
        "null, null, null, null, false, 'cancelada', null, 10, null, null, true, null)"
    )
    con.execute(
        f"insert into capacitaciones ({COLUMNAS['capacitaciones']}) values ("
        "4, 'Capacitación 4', 'curso', null, 'Universidad X', '10', null, null, "
        "null, null, null, 50, 20, null, 7, null, false, 'https://ejemplo.org/a | Informe impreso')"
    )
    con.execute(
        f"insert into capacitaciones ({COLUMNAS['capacitaciones']}) values ("
        "5, 'Capacitación 5', 'foro', 'IDAIP', 'IDAIP', '10', 'presencial', "
        "'Tema', 'PRONADATOS-T3', '2024-02-20', null, null, null, null, null, null, true, null)"
    )
    publicar_lo_cargado(con)
    yield con
    con.close()


# --- compromisos ---------------------------------------------------------------------------------------------


def test_compromisos_por_plan_gives_one_row_per_plan_in_region_order(con_pequena):
    tabla = correr(con_pequena, "tableros/compromisos_por_plan")
    columnas = ["entidad", "plan_accion", "plan_numero", "plan_periodo", "compromisos", "concluidos", "con_avance",
                "alineados_ods"]
    assert filas(tabla, columnas) == [
        ("10", "Plan de Durango", 1, "2015-2016", 1, 0, 0, 1),  # Región Norte comes first
        ("14", "Plan A de Jalisco", 1, "2016-2018", 1, 1, 1, 1),
        ("14", "Plan B de Jalisco", 2, "2019-2021", 1, 0, 1, 0),
    ]
    assert list(tabla["entidad_nombre"]) == ["Durango", "Jalisco", "Jalisco"]
    assert list(tabla["region"]) == ["Región Norte", "Región Centro-Occidente", "Región Centro-Occidente"]
    assert filas(tabla, ["avance_promedio"]) == [(None,), (100.0,), (40.0,)]


def test_compromisos_por_plan_follows_the_status_filter(con_pequena, con_ampliada):
    tabla = correr(con_pequena, "tableros/compromisos_por_plan", Filtros(estatus=("en_proceso",)))
    assert list(tabla["plan_accion"]) == ["Plan de Durango", "Plan B de Jalisco"]
    plan_b = correr(con_ampliada, "tableros/compromisos_por_plan").set_index("plan_accion").loc["Plan B de Jalisco"]
    assert (plan_b["compromisos"], plan_b["con_avance"], plan_b["avance_promedio"]) == (2, 2, 25.0)  # (40 + 10) / 2


def test_compromisos_por_estatus_lists_every_status_with_its_progress(con_pequena):
    tabla = correr(con_pequena, "tableros/compromisos_por_estatus")
    assert filas(tabla, ["estatus", "compromisos", "con_avance", "avance_promedio"]) == [
        ("programada", 0, 0, None),
        ("en_proceso", 2, 1, 40.0),  # commitment 3 has no percentage
        ("concluida", 1, 1, 100.0),
        ("cancelada", 0, 0, None),
    ]
    norte = correr(con_pequena, "tableros/compromisos_por_estatus", Filtros(region=("norte",)))
    assert list(norte["compromisos"]) == [0, 1, 0, 0]
    assert list(norte["con_avance"]) == [0, 0, 0, 0]


def test_compromisos_por_area_counts_per_area_and_names_the_empty_one(con_pequena, con_ampliada):
    tabla = correr(con_pequena, "tableros/compromisos_por_area")
    assert filas(tabla, ["area", "compromisos", "concluidos", "avance_promedio"]) == [("Área", 3, 1, 70.0)]
    ampliada = correr(con_ampliada, "tableros/compromisos_por_area")
    assert filas(ampliada, ["area", "compromisos", "concluidos"]) == [("Área", 3, 1), ("Sin área registrada", 1, 0)]
    assert correr(con_pequena, "tableros/compromisos_por_area", Filtros(region=("sureste",))).empty


def test_compromisos_por_ods_uses_the_catalog_name_and_colour_and_ends_with_the_non_aligned(con_pequena):
    tabla = correr(con_pequena, "tableros/compromisos_por_ods")
    assert filas(tabla, ["ods", "nombre", "color", "compromisos", "alineacion_demo"]) == [
        (5, "Igualdad de género", "#FF3A21", 1, 1),
        (16, "Paz, justicia e instituciones sólidas", "#00689D", 1, 1),
        (None, None, None, 1, 0),  # commitment 2
    ]


def test_compromisos_por_ods_under_filters(con_pequena, con_ampliada):
    assert filas(correr(con_pequena, "tableros/compromisos_por_ods", Filtros(ods=(16,))), ["ods", "compromisos"]) == [(16, 1)]
    jalisco = correr(con_pequena, "tableros/compromisos_por_ods", Filtros(entidad=("14",)))
    assert filas(jalisco, ["ods", "compromisos"]) == [(16, 1), (None, 1)]
    assert filas(correr(con_ampliada, "tableros/compromisos_por_ods"), ["ods", "compromisos"])[-1] == (None, 2)  # 2 and 4


def test_stl_integrantes_por_sector_sums_people_by_sector_and_sexo(con_pequena):
    tabla = correr(con_pequena, "tableros/stl_integrantes_por_sector")
    assert filas(tabla, ["sector", "sexo", "personas", "entidades", "es_demo"]) == [
        ("academia", "mujer", 2, 1, True),
        ("publico", "hombre", 5, 1, True),
        ("sociedad_civil", "mujer", 3, 1, True),
    ]


@pytest.mark.parametrize(
    ("filtros", "esperado"),
    [
        (Filtros(region=("norte",)), [("academia", "mujer", 2)]),
        (Filtros(entidad=("14",)), [("publico", "hombre", 5), ("sociedad_civil", "mujer", 3)]),
        (Filtros(organismo=("ITEI",)), [("publico", "hombre", 5), ("sociedad_civil", "mujer", 3)]),  # its entidad
        (Filtros(organismo=("INAI",)), []),  # the federal level has no STL
        (Filtros(region=("norte",), entidad=("14",)), []),
    ],
)
def test_stl_integrantes_por_sector_follows_the_place_filters(con_pequena, filtros, esperado):
    assert filas(correr(con_pequena, "tableros/stl_integrantes_por_sector", filtros), ["sector", "sexo", "personas"]) == esperado


def test_compromisos_tabla_has_every_field_with_readable_names(con_pequena):
    tabla = correr(con_pequena, "tableros/compromisos_tabla")
    assert list(tabla["id"]) == [3, 1, 2]  # by región, entidad, plan number
    fila = tabla.set_index("id").loc[1]
    assert (fila["entidad"], fila["region"], fila["estatus"]) == ("Jalisco", "Región Centro-Occidente", "Concluida")
    assert (fila["ods"], fila["ods_nombre"], bool(fila["ods_es_demo"])) == (16, "Paz, justicia e instituciones sólidas", True)
    assert (fila["plan_accion"], fila["plan_numero"], fila["plan_periodo"]) == ("Plan A de Jalisco", 1, "2016-2018")
    assert {"problema_publico", "area_politica", "institucion_responsable", "estatus_fuente", "fuente_url",
            "fecha_inicio", "fecha_fin", "anio_inicio", "anio_fin", "es_demo", "avance"} <= set(tabla.columns)


def test_compromisos_tabla_follows_period_and_status(con_pequena):
    assert list(correr(con_pequena, "tableros/compromisos_tabla", Filtros(periodo=(2020,)))["id"]) == [2]
    assert list(correr(con_pequena, "tableros/compromisos_tabla", Filtros(estatus=("concluida",)))["id"]) == [1]
    assert correr(con_pequena, "tableros/compromisos_tabla", Filtros(region=("sureste",))).empty


# --- capacitaciones ------------------------------------------------------------------------------------------


def test_capacitaciones_por_mes_counts_trainings_and_participants_per_month(con_pequena):
    tabla = correr(con_pequena, "tableros/capacitaciones_por_mes")
    assert filas(tabla, ["mes", "capacitaciones", "participantes"]) == [
        (date(2020, 9, 1), 1, 410),
        (date(2023, 5, 1), 1, 100),
        (date(2024, 2, 1), 1, 30),
    ]
    assert sum(tabla["participantes"]) == TOTAL_PARTICIPANTES


def test_capacitaciones_por_mes_leaves_undated_trainings_out(con_ampliada):
    tabla = correr(con_ampliada, "tableros/capacitaciones_por_mes")
    assert filas(tabla, ["mes", "capacitaciones", "participantes"])[-1] == (date(2024, 2, 1), 2, 30)
    assert tabla["capacitaciones"].sum() == 4  # training 4 has no date


def test_capacitaciones_por_region_in_region_order(con_pequena):
    tabla = correr(con_pequena, "tableros/capacitaciones_por_region")
    assert filas(tabla, ["region", "capacitaciones", "participantes"]) == [
        ("norte", 1, 30), ("centro-occidente", 1, 100), ("federal", 1, 410),
    ]
    assert filas(correr(con_pequena, "tableros/capacitaciones_por_region", Filtros(periodo=(2023,))), ["region"]) == [
        ("centro-occidente",)
    ]


def test_capacitaciones_por_organizador_names_members_by_acronym_and_others_as_written(con_pequena, con_ampliada):
    tabla = correr(con_pequena, "tableros/capacitaciones_por_organizador")
    assert filas(tabla, ["organizador", "organismo", "es_integrante", "capacitaciones", "participantes"]) == [
        ("Organizador", None, False, 1, 410),  # training 2: no SNT member named
        ("ITEI", "ITEI", True, 1, 100),
        ("IDAIP", "IDAIP", True, 1, 30),
    ]
    ampliada = correr(con_ampliada, "tableros/capacitaciones_por_organizador")
    assert filas(ampliada, ["organizador", "capacitaciones"]) == [
        ("IDAIP", 2), ("Organizador", 1), ("ITEI", 1), ("Universidad X", 1),
    ]


def test_a_member_and_a_non_member_with_the_same_name_tie_in_a_fixed_order():
    con = duckdb.connect()
    try:
        llenar(con)  # training 1: ITEI, the member, 100 participants
        con.execute(
            f"insert into capacitaciones ({COLUMNAS['capacitaciones']}) values ("
            "6, 'Capacitación 6', 'curso', null, 'ITEI', '14', 'virtual', null, "
            "null, '2024-05-01', null, 100, null, null, null, null, true, null)"
        )
        publicar_lo_cargado(con)
        tabla = correr(con, "tableros/capacitaciones_por_organizador")
        assert filas(tabla, ["organizador", "organismo", "es_integrante", "participantes"])[1:3] == [
            ("ITEI", "ITEI", True, 100), ("ITEI", None, False, 100),
        ]
    finally:
        con.close()


def test_capacitaciones_por_modalidad_puts_the_unreported_last(con_pequena, con_ampliada):
    assert filas(correr(con_pequena, "tableros/capacitaciones_por_modalidad"), ["modalidad", "capacitaciones", "participantes"]) == [
        ("virtual", 3, 540)
    ]
    assert filas(correr(con_ampliada, "tableros/capacitaciones_por_modalidad"), ["modalidad", "capacitaciones", "participantes"]) == [
        ("virtual", 3, 540), ("presencial", 1, 0), (None, 1, 50),
    ]


def test_capacitaciones_por_tipo_most_first(con_pequena, con_ampliada):
    assert filas(correr(con_pequena, "tableros/capacitaciones_por_tipo"), ["tipo", "capacitaciones"]) == [("taller", 3)]
    assert filas(correr(con_ampliada, "tableros/capacitaciones_por_tipo"), ["tipo", "capacitaciones", "participantes"]) == [
        ("taller", 3, 540), ("curso", 1, 50), ("foro", 1, 0),
    ]


def test_capacitaciones_por_tema_names_the_missing_theme(con_pequena, con_ampliada):
    assert filas(correr(con_pequena, "tableros/capacitaciones_por_tema", Filtros(region=("norte",))), ["tema", "participantes"]) == [
        ("Tema", 30)
    ]
    assert filas(correr(con_ampliada, "tableros/capacitaciones_por_tema"), ["tema", "capacitaciones", "participantes"]) == [
        ("Tema", 4, 540), ("Sin tema registrado", 1, 50),
    ]


def test_capacitaciones_por_eje_by_programme_with_the_untied_last(con_pequena):
    tabla = correr(con_pequena, "tableros/capacitaciones_por_eje")
    assert filas(tabla, ["eje", "programa_sigla", "nombre", "capacitaciones", "participantes"]) == [
        ("PROTAI-T6", "PROTAI", "Capacitación y profesionalización", 1, 100),
        ("PRONADATOS-T3", "PRONADATOS", "Capacitación a responsables", 1, 30),
        (None, None, None, 1, 410),
    ]
    assert filas(correr(con_pequena, "tableros/capacitaciones_por_eje", Filtros(programa=("PRONADATOS",))), ["eje"]) == [
        ("PRONADATOS-T3",)
    ]


def test_capacitaciones_faltantes_counts_what_the_sources_leave_out(con_pequena, con_ampliada):
    fila = filas(correr(con_pequena, "tableros/capacitaciones_faltantes"), [
        "capacitaciones", "sin_fecha", "sin_participantes", "sin_desglose_sexo", "participantes_sin_sexo",
        "sujetos_obligados", "organizadores",
    ])
    assert fila == [(3, 0, 0, 1, 410, 0, 3)]  # training 2 has 410 participants and no split
    ampliada = filas(correr(con_ampliada, "tableros/capacitaciones_faltantes"), [
        "capacitaciones", "sin_fecha", "sin_participantes", "sin_desglose_sexo", "participantes_sin_sexo",
        "sujetos_obligados", "organizadores",
    ])
    # Undated: training 4. No count: training 5. No (full) split: 2 and 4; 410 + (50 - 20) without sex.
    assert ampliada == [(5, 1, 1, 2, 440, 7, 4)]
    vacia = correr(con_pequena, "tableros/capacitaciones_faltantes", Filtros(region=("sureste",))).iloc[0]
    assert (vacia["capacitaciones"], vacia["participantes_sin_sexo"], vacia["organizadores"]) == (0, 0, 0)


def test_capacitaciones_tabla_newest_first_with_readable_names(con_pequena, con_ampliada):
    tabla = correr(con_pequena, "tableros/capacitaciones_tabla")
    assert list(tabla["id"]) == [3, 1, 2]
    fila = tabla.set_index("id").loc[1]
    assert (fila["organismo"], fila["entidad"], fila["region"]) == ("ITEI", "Jalisco", "Región Centro-Occidente")
    assert fila["eje"] == "PROTAI · Capacitación y profesionalización"
    assert pd.isna(tabla.set_index("id").loc[2, "organismo"])
    assert list(correr(con_ampliada, "tableros/capacitaciones_tabla")["id"]) == [5, 3, 1, 2, 4]  # undated last
    assert list(correr(con_pequena, "tableros/capacitaciones_tabla", Filtros(organismo=("IDAIP",)))["id"]) == [3]
