"""«Datos validados al …»: the newest validation among what a board shows, computed in SQL with the board's
filters; it moves when a validation publishes something and stays put while an edit awaits review. Fixture with
known dates (tests/apoyo/fechas_prueba.py) and accounts, a fresh copy per test."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial

import pandas as pd
import pytest

from pizarras.base.consultas import cargar, ejecutar
from pizarras.escritura import autorreporte, revision
from pizarras.lectura.filtros import Filtros, parametros_para
from pizarras.lectura.tableros import ultima_validacion, validados_al
from pizarras.lectura.tableros.capacitaciones import pizarra_capacitaciones
from pizarras.lectura.tableros.compromisos import pizarra_compromisos
from pizarras.lectura.tableros.mapa import mapa_entidades
from pizarras.lectura.tableros.nacional import pizarra_nacional
from pizarras.lectura.tableros.organismo import pizarra_organismo
from pizarras.lectura.tableros.region import pizarra_region
from pizarras.publicacion import datos_abiertos
from tests.apoyo import fechas_prueba
from tests.apoyo.cuentas_prueba import como
from tests.apoyo.datos_prueba import HOY

ENLACE, ADMIN = como("enlace.itei"), como("admin.snt")
EDITADA = datetime(2025, 6, 2, 10, 0)
VALIDADA = datetime(2025, 6, 3, 9, 30)


@pytest.fixture()
def con(con_escritura):
    fechas_prueba.fijar(con_escritura)
    return con_escritura


def kpi(con, nombre: str, filtros: Filtros = Filtros()) -> pd.Timestamp | None:
    consulta = f"tableros/{nombre}"
    fila = ejecutar(con, consulta, parametros_para(cargar(consulta).parametros, filtros, hoy=HOY)).iloc[0]
    return None if pd.isna(fila["ultima_validacion"]) else pd.Timestamp(fila["ultima_validacion"])


def t(texto: str) -> pd.Timestamp:
    return pd.Timestamp(texto)


def test_each_kpi_query_gives_the_newest_validation_among_the_filtered_records(con):
    assert kpi(con, "kpi_actividades") == t("2025-04-02 16:45")  # activity 5
    assert kpi(con, "kpi_actividades", Filtros(organismo=("ITEI",))) == t("2024-11-15 09:00")  # activity 2
    assert kpi(con, "kpi_actividades", Filtros(estatus=("concluida",))) == t("2023-07-01 10:00")  # 1 and 6
    assert kpi(con, "kpi_actividades", Filtros(ods=(5,))) == t("2024-11-15 09:00")  # only activity 2 has ODS 5
    assert kpi(con, "kpi_compromisos") == t("2025-05-20 13:15")
    assert kpi(con, "kpi_compromisos", Filtros(entidad=("10",))) == t("2024-01-15 08:00")
    assert kpi(con, "kpi_capacitaciones") == t("2025-05-25 17:40")
    assert kpi(con, "kpi_capacitaciones", Filtros(organismo=("ITEI",))) == t("2025-03-01 10:00")
    # Nothing under the filters: no date.
    assert kpi(con, "kpi_actividades", Filtros(region=("sureste",), periodo=(2025,))) is None


def test_the_internal_view_reads_working_versions_which_carry_no_validation_date(con):
    interna = replace(Filtros(), solo_validadas=False)
    for nombre in ("kpi_actividades", "kpi_compromisos", "kpi_capacitaciones"):
        assert kpi(con, nombre, interna) is None, nombre
    pizarra = pizarra_nacional(partial(ejecutar, con), interna, HOY)
    assert pizarra.kpi_actividades["actividades"] == 6 and pizarra.ultima_validacion is None


def test_a_board_that_shows_several_kinds_takes_the_newest_of_them(con):
    consultar = partial(ejecutar, con)
    assert pizarra_nacional(consultar, Filtros(), HOY).ultima_validacion == t("2025-05-25 17:40")  # training 3
    # ITEI: activities 1, 2; Jalisco's commitments 1, 2; training 1 it organised.
    assert pizarra_organismo(consultar, Filtros(), "ITEI", HOY).ultima_validacion == t("2025-05-20 13:15")
    assert pizarra_region(consultar, Filtros(), "centro-occidente", HOY).ultima_validacion == t("2025-05-20 13:15")
    concluidos = pizarra_compromisos(consultar, Filtros(estatus=("concluida",)), HOY)
    assert concluidos.ultima_validacion == t("2025-05-10 09:00")
    assert pizarra_capacitaciones(consultar, Filtros(entidad=("14",))).ultima_validacion == t("2025-03-01 10:00")
    # A programa filter narrows activities and trainings (no training of PT-CGAYTP), not commitments, which it does
    # not apply to: the board shows every commitment, and their newest date counts.
    assert pizarra_nacional(consultar, Filtros(programa=("PT-CGAYTP",)), HOY).ultima_validacion == t(
        "2025-05-20 13:15")


def test_the_map_dates_the_measure_it_shows_inside_the_place_filters(con):
    mapa = mapa_entidades(partial(ejecutar, con), Filtros())
    assert mapa.ultima_validacion("actividades") == t("2025-02-01 12:00")  # INAI (federal) is off the map
    assert mapa.ultima_validacion("compromisos") == t("2025-05-20 13:15")
    assert mapa.ultima_validacion("participantes") == t("2025-05-25 17:40")
    durango = mapa_entidades(partial(ejecutar, con), Filtros(entidad=("10",)))
    assert durango.ultima_validacion("compromisos") == t("2024-01-15 08:00")
    interno = mapa_entidades(partial(ejecutar, con), replace(Filtros(), solo_validadas=False))
    assert interno.valores("actividades").sum() > 0 and interno.ultima_validacion("actividades") is None


def test_a_validation_moves_the_date_of_exactly_the_boards_that_show_the_record(con):
    consultar = partial(ejecutar, con)
    version = autorreporte.leer_actividad(con, 2)["version"]
    version = autorreporte.actualizar_actividad(con, ENLACE, 2, version, {"avance": 60}, EDITADA, enviar=True)
    # Sent for review, not validated: nothing the public sees moved.
    assert kpi(con, "kpi_actividades", Filtros(organismo=("ITEI",))) == t("2024-11-15 09:00")
    assert pizarra_nacional(consultar, Filtros(), HOY).ultima_validacion == t("2025-05-25 17:40")

    revision.validar(con, ADMIN, [("actividades", 2, version)], ahora=VALIDADA)
    assert kpi(con, "kpi_actividades", Filtros(organismo=("ITEI",))) == pd.Timestamp(VALIDADA)
    assert pizarra_nacional(consultar, Filtros(), HOY).ultima_validacion == pd.Timestamp(VALIDADA)
    # Boards whose records do not include activity 2 keep their date.
    assert kpi(con, "kpi_actividades", Filtros(organismo=("IDAIP",))) == t("2025-02-01 12:00")
    assert pizarra_compromisos(consultar, Filtros(), HOY).ultima_validacion == t("2025-05-20 13:15")
    assert datos_abiertos.ultima_validacion(con) == VALIDADA


def test_an_edit_that_is_not_validated_changes_no_date(con):
    antes = {n: kpi(con, n) for n in ("kpi_actividades", "kpi_compromisos", "kpi_capacitaciones")}
    abiertos = datos_abiertos.ultima_validacion(con)
    version = autorreporte.leer_actividad(con, 5)["version"]
    version = autorreporte.actualizar_actividad(con, ADMIN, 5, version, {"avance": 80}, EDITADA, enviar=True)
    autorreporte.actualizar_compromiso(con, ENLACE, 2, 1, {"avance": 45}, EDITADA, enviar=True)
    revision.devolver(con, ADMIN, "actividades", 5, version, "Falta la evidencia", EDITADA)
    assert {n: kpi(con, n) for n in antes} == antes
    assert datos_abiertos.ultima_validacion(con) == abiertos == datetime(2025, 5, 25, 17, 40)


def test_the_stamp_is_written_day_first():
    assert validados_al(datetime(2025, 6, 3, 9, 30)) == "Datos validados al 03/06/2025"
    assert validados_al(pd.NaT) is None and validados_al(None) is None
    assert ultima_validacion({"ultima_validacion": None}, None, {}) is None
    assert ultima_validacion({"ultima_validacion": t("2024-01-01")}, {"ultima_validacion": t("2025-01-01")}) == t(
        "2025-01-01")
