"""Progress over time: each activity's reports, answered by hand on the fixture database plus one new report."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pizarras.escritura import autorreporte
from pizarras.lectura.filtros import Filtros
from tests.apoyo.consultas_util import correr
from tests.apoyo.cuentas_prueba import como

TODO = Filtros(solo_validadas=False)


@pytest.fixture()
def con(con_escritura):
    # ITEI: activity 1 reported 100 % on 2023-07-01, activity 2 50 % on 2024-11-15, and now 80 % on 2025-06-02.
    autorreporte.actualizar_actividad(con_escritura, como("enlace.itei"), 2, 1, {"avance": 80},
                                      datetime(2025, 6, 2, 10, 0))
    return con_escritura


def test_an_organismo_progress_moves_month_by_month(con):
    tabla = correr(con, "tableros/avance_en_el_tiempo", TODO, organismo="ITEI")
    assert [(c, a, n) for c, a, n in tabla.itertuples(index=False)] == [
        (date(2023, 7, 31), 100.0, 1), (date(2024, 11, 30), 75.0, 2), (date(2025, 6, 30), 90.0, 2)]


def test_the_public_series_shows_what_was_published_not_the_edit_awaiting_review(con):
    # Activity 2's edit (80 % on 2025-06-02) is not validated: the public series keeps its published 50 %.
    tabla = correr(con, "tableros/avance_en_el_tiempo", Filtros(), organismo="ITEI")
    assert list(tabla["avance_promedio"]) == [100.0, 75.0] and list(tabla["actividades"]) == [1, 2]


def test_the_change_since_a_reporting_date(con):
    fila = correr(con, "tableros/avance_a_fecha", TODO, fecha=date(2024, 12, 31)).iloc[0]
    # Then: activities 1 (100), 2 (50) and 6 (100); 4 was cancelled, 3 and 5 were reported later.
    assert fila["avance_entonces"] == pytest.approx(250 / 3) and fila["actividades_entonces"] == 3
    # Today: 100, 80, 0, 70, 100 (4 is cancelled).
    assert fila["avance_hoy"] == pytest.approx(70.0) and fila["actividades_hoy"] == 5
