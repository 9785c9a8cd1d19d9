"""The queries behind the organismo, región and map boards, on the fixture database, with answers worked out by hand.

Fixture reminders (tests/apoyo/datos_prueba.py, cut-off HOY = 2025-06-01): activities 1-2 ITEI (Jalisco, centro-occidente),
3-4 IDAIP (Durango, norte), 5 INAI (federal), 6 IVAI (Veracruz, sureste); overdue are 2 (ended 2024-12-31) and 5
(ended 2025-03-31). Commitments 1-2 Jalisco, 3 Durango. Trainings 1 ITEI (100 people), 2 national (410), 3 IDAIP (30).
"""

from __future__ import annotations

from datetime import date

import pytest

from pizarras.base.consultas import ejecutar
from pizarras.lectura.filtros import Filtros
from tests.apoyo.consultas_util import correr
from tests.apoyo.datos_prueba import HOY


def por_clave(tabla, columna):
    return {fila[columna]: fila for fila in tabla.to_dict("records")}


# ficha_organismo

def test_ficha_organismo_names_the_entidad_and_region_of_a_local_garante(con_pequena):
    ficha = ejecutar(con_pequena, "tableros/ficha_organismo", {"organismo": "ITEI"})
    assert len(ficha) == 1
    fila = ficha.iloc[0]
    assert (fila["sigla"], fila["tipo"], fila["entidad"], fila["entidad_nombre"]) == ("ITEI", "local", "14", "Jalisco")
    assert (fila["region"], fila["region_nombre"]) == ("centro-occidente", "Región Centro-Occidente")


def test_ficha_organismo_of_an_unknown_key_is_empty(con_pequena):
    assert ejecutar(con_pequena, "tableros/ficha_organismo", {"organismo": "NO-EXISTE"}).empty


# actividades_por_eje_estatus

def test_actividades_por_eje_estatus_splits_each_eje_by_status(con_pequena):
    tabla = correr(con_pequena, "tableros/actividades_por_eje_estatus", hoy=HOY)
    assert list(tabla["eje"]) == [
        "PROTAI-T1", "PROTAI-T3", "PROTAI-T9", "PRONADATOS-T1", "PT-CGAYTP-T1", "PROTAI-X1", "PROTAI-X2",
    ]
    filas = por_clave(tabla, "eje")
    t3 = filas["PROTAI-T3"]  # activities 1 (concluida, 100) and 4 (cancelada, 20: left out of the average)
    assert (t3["actividades"], t3["concluidas"], t3["canceladas"], t3["vencidas"]) == (2, 1, 1, 0)
    assert t3["avance_promedio"] == pytest.approx(100.0)
    assert (filas["PROTAI-T9"]["en_proceso"], filas["PROTAI-T9"]["vencidas"]) == (1, 1)  # activity 5
    assert filas["PRONADATOS-T1"]["vencidas"] == 1  # activity 2
    x2 = filas["PROTAI-X2"]  # only activity 4, cancelled: no average
    assert (x2["tipo"], x2["actividades"], x2["canceladas"]) == ("transversal", 1, 1)
    assert x2["avance_promedio"] != x2["avance_promedio"]  # NaN


def test_actividades_por_eje_estatus_for_one_organismo_and_a_later_cut_off(con_pequena):
    idaip = Filtros(organismo=("IDAIP",))
    tabla = correr(con_pequena, "tableros/actividades_por_eje_estatus", idaip, hoy=HOY)
    assert list(tabla["eje"]) == ["PROTAI-T1", "PROTAI-T3", "PROTAI-X1", "PROTAI-X2"]
    assert tabla["actividades"].sum() == 4 and tabla["vencidas"].sum() == 0
    # On 2026-01-01 activity 3 (programada, planned end 2025-12-31) is overdue.
    tarde = correr(con_pequena, "tableros/actividades_por_eje_estatus", idaip, hoy=date(2026, 1, 1))
    assert por_clave(tarde, "eje")["PROTAI-T1"]["vencidas"] == 1


# actividades_vencidas

def test_actividades_vencidas_lists_the_overdue_with_days_late(con_pequena):
    tabla = correr(con_pequena, "tableros/actividades_vencidas", hoy=HOY)
    assert list(tabla["id"]) == [2, 5]  # planned end 2024-12-31, then 2025-03-31
    assert list(tabla["dias_vencida"]) == [152, 62]  # 31+28+31+30+31+1 days; 30+31+1 days
    assert list(tabla["organismo"]) == ["ITEI", "INAI"]
    assert list(tabla["estatus"]) == ["En proceso", "En proceso"]


@pytest.mark.parametrize(
    ("filtros", "hoy", "esperadas"),
    [
        (Filtros(organismo=("ITEI",)), HOY, [2]),
        (Filtros(region=("norte",)), HOY, []),
        (Filtros(region=("norte",)), date(2026, 1, 1), [3]),
        (Filtros(estatus=("concluida",)), date(2030, 1, 1), []),  # concluded work is never overdue
        (Filtros(), date(2024, 1, 1), []),
    ],
)
def test_actividades_vencidas_follows_filters_and_cut_off(con_pequena, filtros, hoy, esperadas):
    assert list(correr(con_pequena, "tableros/actividades_vencidas", filtros, hoy=hoy)["id"]) == esperadas


# compromisos_tabla: the overdue flag (the rest is tested in test_consultas_ga.py)

def test_compromisos_tabla_flags_commitments_whose_plan_ended_unfinished(con_pequena):
    tabla = correr(con_pequena, "tableros/compromisos_tabla", hoy=HOY)
    assert list(tabla["id"]) == [3, 1, 2]  # Durango (norte) before Jalisco (centro-occidente)
    assert list(tabla["vencido"]) == [True, False, True]  # 3 ended 2016, 2 ended 2021; 1 is concluded
    assert list(tabla["ods_nombre"].fillna("")) == ["Igualdad de género", "Paz, justicia e instituciones sólidas", ""]
    # In mid-2017 commitment 2 (plan 2019-2021) had not yet ended.
    assert list(correr(con_pequena, "tableros/compromisos_tabla", hoy=date(2017, 6, 1))["vencido"]) == [True, False, False]


@pytest.mark.parametrize(
    ("filtros", "esperados"),
    [
        (Filtros(organismo=("ITEI",)), [1, 2]),  # through its entidad, Jalisco
        (Filtros(organismo=("INAI",)), []),  # federal: no local commitments
        (Filtros(estatus=("concluida",)), [1]),
        (Filtros(periodo=(2020,)), [2]),
    ],
)
def test_compromisos_tabla_follows_the_organismo_filter(con_pequena, filtros, esperados):
    assert list(correr(con_pequena, "tableros/compromisos_tabla", filtros, hoy=HOY)["id"]) == esperados


def test_compromisos_vencidos_counts_the_overdue_under_filters(con_pequena):
    assert correr(con_pequena, "tableros/compromisos_vencidos", hoy=HOY).iloc[0]["vencidos"] == 2  # 3 and 2
    assert correr(con_pequena, "tableros/compromisos_vencidos", hoy=date(2017, 6, 1)).iloc[0]["vencidos"] == 1
    assert correr(con_pequena, "tableros/compromisos_vencidos", Filtros(organismo=("IDAIP",)), hoy=HOY).iloc[0]["vencidos"] == 1


# capacitaciones_tabla, as the organismo board uses it

def test_capacitaciones_tabla_lists_trainings_newest_first(con_pequena):
    tabla = correr(con_pequena, "tableros/capacitaciones_tabla")
    assert list(tabla["id"]) == [3, 1, 2]  # 2024-02-01, 2023-05-10, 2020-09-14
    assert list(tabla["participantes"]) == [30, 100, 410]
    assert list(tabla["entidad"]) == ["Durango", "Jalisco", "Nacional/Federal"]


@pytest.mark.parametrize(
    ("filtros", "esperados"),
    [
        (Filtros(organismo=("ITEI",)), [1]),  # organised by it
        (Filtros(organismo=("IVAI",)), []),
        (Filtros(programa=("PRONADATOS",)), [3]),
        (Filtros(periodo=(2020, 2023)), [1, 2]),
    ],
)
def test_capacitaciones_tabla_follows_the_organismo_filter(con_pequena, filtros, esperados):
    assert list(correr(con_pequena, "tableros/capacitaciones_tabla", filtros)["id"]) == esperados


# organismos_comparados

def test_organismos_comparados_lists_every_organismo_of_the_region_even_without_reports(con_pequena):
    tabla = correr(con_pequena, "tableros/organismos_comparados", Filtros(region=("norte",)), hoy=HOY)
    assert len(tabla) == 9  # the nine entidades of the Región Norte
    primera = tabla.iloc[0]  # the only one with an average: IDAIP, (0 + cancelled) -> 0
    assert (primera["organismo"], primera["actividades"], primera["avance_promedio"]) == ("IDAIP", 2, 0.0)
    assert str(primera["ultimo_reporte"]) == "2025-02-01 12:00:00"
    resto = tabla.iloc[1:]
    assert (resto["actividades"] == 0).all() and resto["avance_promedio"].isna().all()
    assert list(resto["sigla"]) == sorted(resto["sigla"])


def test_organismos_comparados_without_filters_ranks_by_average_progress(con_pequena):
    tabla = correr(con_pequena, "tableros/organismos_comparados", hoy=HOY)
    assert len(tabla) == 36  # INAI, ASF, AGN, INEGI and the 32 local garantes
    assert list(tabla["organismo"][:4]) == ["IVAI", "ITEI", "INAI", "IDAIP"]  # 100, 75, 70, 0
    itei = por_clave(tabla, "organismo")["ITEI"]
    assert (itei["actividades"], itei["concluidas"], itei["vencidas"]) == (2, 1, 1)
    assert itei["avance_promedio"] == pytest.approx(75.0)


def test_organismos_comparados_follows_activity_and_place_filters(con_pequena):
    tabla = correr(con_pequena, "tableros/organismos_comparados", Filtros(region=("centro-occidente",), estatus=("concluida",)), hoy=HOY)
    assert len(tabla) == 9  # Aguascalientes, Colima, Guanajuato, Jalisco, Michoacán, Nayarit, Querétaro, SLP, Zacatecas
    itei = tabla.iloc[0]
    assert (itei["organismo"], itei["actividades"], itei["concluidas"], itei["vencidas"]) == ("ITEI", 1, 1, 0)
    assert str(itei["ultimo_reporte"]) == "2023-07-01 10:00:00"
    solo = correr(con_pequena, "tableros/organismos_comparados", Filtros(organismo=("IVAI",)), hoy=HOY)
    assert list(solo["organismo"]) == ["IVAI"]


# mapa_entidades

def test_mapa_entidades_has_the_32_entidades_and_their_measures(con_pequena):
    tabla = correr(con_pequena, "tableros/mapa_entidades")
    assert list(tabla["entidad"]) == [f"{n:02d}" for n in range(1, 33)]
    assert tabla["en_filtro"].all()
    filas = por_clave(tabla, "entidad")
    jalisco, durango, veracruz = filas["14"], filas["10"], filas["30"]
    assert (jalisco["actividades"], jalisco["compromisos"], jalisco["participantes"]) == (2, 2, 100)
    assert jalisco["avance_promedio"] == pytest.approx(75.0)
    assert (durango["actividades"], durango["compromisos"], durango["participantes"]) == (2, 1, 30)
    assert durango["avance_promedio"] == pytest.approx(0.0)
    assert (veracruz["actividades"], veracruz["avance_promedio"], veracruz["compromisos"]) == (1, 100.0, 0)
    assert jalisco["region_nombre"] == "Región Centro-Occidente"
    # Demo records: activities 1-2 and 3-4 are demo, 6 is real; commitment 2 is demo and 1, 3 carry a demo ODS;
    # training 3 (Durango) is demo.
    assert (jalisco["demo_actividades"], jalisco["demo_compromisos"], jalisco["demo_capacitaciones"]) == (2, 2, 0)
    assert (durango["demo_actividades"], durango["demo_compromisos"], durango["demo_capacitaciones"]) == (2, 1, 1)
    assert veracruz["demo_actividades"] == 0
    # The federal level (INAI's activity 5, the national training of 410 people) is not on the map.
    assert tabla["actividades"].sum() == 5 and tabla["participantes"].sum() == 130
    assert pd_isna(filas["01"]["avance_promedio"])


def test_mapa_entidades_marks_entidades_outside_the_place_filters(con_pequena):
    tabla = correr(con_pequena, "tableros/mapa_entidades", Filtros(region=("norte",)))
    assert tabla["en_filtro"].sum() == 9
    jalisco = por_clave(tabla, "entidad")["14"]
    assert not jalisco["en_filtro"] and jalisco["actividades"] == 0 and jalisco["compromisos"] == 0
    assert list(correr(con_pequena, "tableros/mapa_entidades", Filtros(organismo=("ITEI",)))
                .query("en_filtro")["entidad"]) == ["14"]


def test_mapa_entidades_each_measure_takes_only_the_filters_it_has(con_pequena):
    jalisco = por_clave(correr(con_pequena, "tableros/mapa_entidades", Filtros(ods=(16,))), "entidad")["14"]
    assert jalisco["actividades"] == 1  # activity 1 (ODS 16)
    assert jalisco["compromisos"] == 1  # commitment 1 (ODS 16)
    assert jalisco["participantes"] == 100  # trainings carry no ODS: unaffected


def pd_isna(valor) -> bool:
    return valor is None or valor != valor


def test_mapa_entidades_average_leaves_out_cancelled_activities(con_pequena):
    # Durango: activities 3 (programada, 0) and 4 (cancelada, 20); only cancelled ones selected → no average.
    durango = por_clave(correr(con_pequena, "tableros/mapa_entidades", Filtros(estatus=("cancelada",))), "entidad")["10"]
    assert durango["actividades"] == 1 and pd_isna(durango["avance_promedio"])
    durango = por_clave(correr(con_pequena, "tableros/mapa_entidades"), "entidad")["10"]
    assert durango["actividades"] == 2 and durango["avance_promedio"] == pytest.approx(0.0)
