"""Indicadores de los programas: the state rule, the year judged, the computed method against a hand-computed
fixture, and the review rule (the public reads validated values only)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from pizarras.base.consultas import ejecutar
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros.indicadores import (
    REGLA,
    anio_de_corte,
    estado,
    formato,
    pizarra_indicadores,
    situacion,
    trayectoria,
)
from seed.build import crear_esquema_y_catalogos, publicar_lo_cargado

HOY = date(2026, 12, 2)


# ------------------------------------------------------------------------------------------------ the state rule

@pytest.mark.parametrize("valor, meta, sentido, esperado", [
    (60, 60, "mayor", "cumple"),       # exactly the goal
    (75, 60, "mayor", "cumple"),
    (54, 60, "mayor", "cerca"),        # 10 % of 60 short: the edge of «cerca»
    (53.9, 60, "mayor", "rezagado"),
    (10, 10, "menor", "cumple"),
    (8, 10, "menor", "cumple"),        # lower is better: below the goal meets it
    (11, 10, "menor", "cerca"),        # 10 % above
    (11.5, 10, "menor", "rezagado"),
    (75, 60, "menor", "rezagado"),     # the same value, the other direction
    (None, 60, "mayor", "sin_dato"),
    (float("nan"), 60, "mayor", "sin_dato"),
    (60, None, "mayor", "sin_dato"),   # the sheet has no goal that year
    (0, 0, "mayor", "cumple"),
    (-1, 0, "mayor", "rezagado"),      # a zero goal leaves no margin
])
def test_the_state_compares_this_years_value_with_this_years_goal(valor, meta, sentido, esperado):
    assert estado(valor, meta, sentido) == esperado


def test_an_unknown_direction_is_an_error_not_a_state():
    with pytest.raises(ValueError):
        estado(1, 2, "igual")


def test_the_rule_is_written_as_a_sentence_with_the_tolerance_and_missing_values():
    for palabra in ("Cumple", "Cerca", "Rezagado", "Sin dato", "10 %", "menor es mejor", "calculado"):
        assert palabra in REGLA


FICHA = {"clave": "X", "sentido": "mayor", "unidad": "porcentaje", "linea_base": 40.0,
         "meta_2022": 45.0, "meta_2023": 50.0, "meta_2024": None, "meta_2025": 60.0, "meta_2026": 65.0}


def _valores(pares):
    return pd.DataFrame(pares, columns=["anio", "valor"])


def test_the_state_follows_the_reported_value_and_falls_back_to_the_computed_one():
    reportados, calculados = _valores([(2023, 49.0)]), _valores([(2023, 20.0), (2025, 61.0)])
    s = situacion(FICHA, reportados, calculados, 2023)
    assert (s.estado, s.segun, s.reportado, s.calculado) == ("cerca", "reportado", 49.0, 20.0)
    s = situacion(FICHA, reportados, calculados, 2025)
    assert (s.estado, s.segun) == ("cumple", "calculado")
    assert situacion(FICHA, reportados, calculados, 2024).estado == "sin_dato"  # no goal in 2024
    assert situacion(FICHA, _valores([]), _valores([]), 2026).estado == "sin_dato"


def test_the_chart_data_run_from_the_baseline_through_the_goals_to_the_values_achieved():
    datos = trayectoria(FICHA, _valores([(2022, 44.0), (2023, None)]), _valores([(2022, 30.0)]))
    assert datos.values.tolist() == [
        ["Línea base", 2020, 40.0], ["Meta", 2022, 45.0], ["Meta", 2023, 50.0], ["Meta", 2025, 60.0],
        ["Meta", 2026, 65.0], ["Logrado", 2022, 44.0], ["Calculado", 2022, 30.0],
    ]


def test_the_year_judged_is_the_chosen_periodo_else_the_latest_with_a_value():
    assert anio_de_corte(Filtros(periodo=(2023, 2022)), 2024, HOY) == 2023
    assert anio_de_corte(Filtros(), 2024, HOY) == 2024
    assert anio_de_corte(Filtros(), None, HOY) == 2026
    assert anio_de_corte(Filtros(), None, date(2030, 1, 1)) == 2026


def test_values_are_written_with_their_unit():
    assert formato(61.0, "porcentaje") == "61 %"
    assert formato(11.94, "días hábiles") == "11.9 días hábiles"
    assert formato(176200, "personas") == "176,200 personas"
    assert formato(None, "personas") == "—"


# ------------------------------------------------------------------------- computed indicators, review rule

# id, organismo, eje, estatus, periodo, revision. Garantes are INAI and the 32 local organismos (33); ASF is federal.
ACTIVIDADES = [
    (1, "ITEI", "PROTAI-T3", "concluida", 2023, "validada"),
    (2, "ITEI", "PROTAI-T3", "concluida", 2023, "validada"),   # the same organismo counts once
    (3, "INAI", "PROTAI-T3", "en_proceso", 2023, "validada"),  # not concluded
    (4, "ASF", "PROTAI-T3", "concluida", 2023, "validada"),    # federal: not an organismo garante
    (5, "IVAI", "PROTAI-T3", "concluida", 2024, "validada"),
    (6, "ITEI", "PROTAI-T3", "concluida", 2024, "validada"),
    (7, "IDAIP", "PROTAI-T3", "concluida", 2023, "enviada"),   # not validated: only the internal view counts it
    (8, "IDAIP", "PROTAI-T1", "concluida", 2023, "validada"),  # counts for X1 through its transversal eje
]
TRANSVERSALES = [(8, "PROTAI-X1")]
# Hand-computed: T3 2023 → ITEI = 1/33 = 3.0 % (internal view: ITEI, IDAIP = 6.1 %); T3 2024 → IVAI, ITEI = 6.1 %;
# X1 2023 → IDAIP = 3.0 %; X1 2024 → none, 0.0 % (a year with activities).
ESPERADO_PUBLICO = {("T3", 2023): 3.0, ("T3", 2024): 6.1, ("X1", 2023): 3.0, ("X1", 2024): 0.0}


def _indicador(con, clave, eje, calculo=None, es_demo=False, **metas):
    columnas = {"clave": clave, "programa": "PROTAI", "eje": eje, "nombre": f"Indicador {clave}",
                "unidad": "porcentaje", "sentido": "mayor", "linea_base": 1.0, "calculo": calculo,
                "es_demo": es_demo, **metas}
    con.execute(f"insert into indicadores ({', '.join(columnas)}) values ({', '.join('?' for _ in columnas)})",
                list(columnas.values()))


@pytest.fixture()
def con():
    con = duckdb.connect(":memory:")
    crear_esquema_y_catalogos(con)
    for i, org, eje, est, per, rev in ACTIVIDADES:
        con.execute("insert into actividades (id, organismo, programa, eje, titulo, tipo, estatus, avance, periodo, "
                    "reportado_por, reportado_en, revision, es_demo) values (?, ?, 'PROTAI', ?, 'A', 'Informe', ?, "
                    "100, ?, 'enlace@prueba', '2024-01-01', ?, false)", [i, org, eje, est, per, rev])
    con.executemany("insert into actividad_ejes_transversales values (?, ?)", TRANSVERSALES)
    _indicador(con, "T3", "PROTAI-T3", "organismos_con_concluida_en_eje", meta_2023=3.0, meta_2024=10.0)
    _indicador(con, "X1", "PROTAI-X1", "organismos_con_concluida_en_eje", meta_2023=3.0)
    _indicador(con, "R", "PROTAI-T9", es_demo=True, meta_2023=50.0, meta_2024=50.0)
    for id_, ind, anio, valor, rev in [(1, "R", 2023, 55.0, "validada"), (2, "R", 2024, 48.0, "validada"),
                                       (3, "T3", 2023, 4.0, "validada"), (4, "T3", 2024, 9.0, "enviada")]:
        con.execute("insert into mediciones (id, indicador, anio, valor, reportado_por, reportado_en, revision) "
                    "values (?, ?, ?, ?, 'admin', '2025-01-01', ?)", [id_, ind, anio, valor, rev])
    publicar_lo_cargado(con)
    yield con
    con.close()


def _consultar(con):
    return lambda nombre, parametros: ejecutar(con, nombre, parametros)


def test_the_computed_method_matches_the_hand_computed_fixture(con):
    filas = ejecutar(con, "indicadores/organismos_con_concluida_en_eje",
                     {"programas": None, "ejes": None, "solo_validadas": True})
    assert {(f.indicador, f.anio): f.valor for f in filas.itertuples()} == ESPERADO_PUBLICO
    assert set(filas["garantes"]) == {33}
    internas = ejecutar(con, "indicadores/organismos_con_concluida_en_eje",
                        {"programas": None, "ejes": None, "solo_validadas": False})
    assert internas.set_index(["indicador", "anio"]).loc[("T3", 2023), "valor"] == 6.1


def test_the_board_shows_the_computed_and_the_reported_value_and_judges_the_reported_one(con):
    pizarra = pizarra_indicadores(_consultar(con), Filtros(periodo=(2023,)), HOY)
    t3 = next(i for i in pizarra.indicadores if i.ficha["clave"] == "T3")
    assert (t3.situacion.reportado, t3.situacion.calculado, t3.situacion.estado) == (4.0, 3.0, "cumple")
    fila = pizarra.tabla.set_index("Clave").loc["T3"]
    assert (fila["Valor reportado"], fila["Valor calculado"], fila["Estado"]) == (4.0, 3.0, "Cumple")


def test_the_public_sees_validated_values_only_and_the_internal_view_every_one(con):
    publica = pizarra_indicadores(_consultar(con), Filtros(periodo=(2024,)), HOY)
    t3 = next(i for i in publica.indicadores if i.ficha["clave"] == "T3")
    # 9.0 is under review: the public's state follows the computed 6.1 against a goal of 10.
    assert (t3.situacion.reportado, t3.situacion.segun, t3.situacion.estado) == (None, "calculado", "rezagado")
    interna = pizarra_indicadores(_consultar(con), Filtros(periodo=(2024,), solo_validadas=False), HOY)
    t3 = next(i for i in interna.indicadores if i.ficha["clave"] == "T3")
    assert (t3.situacion.reportado, t3.situacion.estado) == (9.0, "cerca")


def test_only_programa_eje_and_periodo_narrow_the_board_and_the_others_are_named(con):
    pizarra = pizarra_indicadores(_consultar(con), Filtros(eje=("PROTAI-X1",), region=("norte",), ods=(16,)), HOY)
    assert [i.ficha["clave"] for i in pizarra.indicadores] == ["X1"]
    assert pizarra.no_aplican == ["Región", "ODS"]
    assert pizarra_indicadores(_consultar(con), Filtros(programa=("PRONADATOS",)), HOY).vacia


def test_narrowing_to_one_eje_never_moves_the_year_judged(con):
    # R has a validated value in 2024, T3 only one under review: judged in 2024 too, T3 falls back on the computed.
    assert pizarra_indicadores(_consultar(con), Filtros(), HOY).anio == 2024
    assert pizarra_indicadores(_consultar(con), Filtros(eje=("PROTAI-X1",)), HOY).anio == 2024


def test_demo_sheets_are_counted_for_the_banner(con):
    pizarra = pizarra_indicadores(_consultar(con), Filtros(), HOY)
    assert pizarra.demo == 1 and "1 indicador" in pizarra.aviso_demo()
    assert pizarra.tabla.set_index("Clave")["Dato de demostración"].to_dict() == {"T3": "No", "X1": "No", "R": "Sí"}
    assert not pizarra.catalogo_vacio


def test_an_empty_catalogue_is_told_apart_from_filters_that_match_nothing(con):
    assert pizarra_indicadores(_consultar(con), Filtros(programa=("PRONADATOS",)), HOY).catalogo_vacio is False
    con.execute("delete from mediciones_publicadas; delete from mediciones; delete from indicadores")
    assert pizarra_indicadores(_consultar(con), Filtros(), HOY).catalogo_vacio is True
