"""Progress over time on the organismo and national boards (AppTest, fixture database)."""

from __future__ import annotations

from datetime import date, timedelta

from tests.apoyo.figuras import figura, valores
from tests.apoyo.paginas import abrir, metrica


def test_the_organismo_board_draws_its_progress_report_by_report():
    at = abrir("pizarra_organismo", organismo="ITEI")
    assert not at.exception
    linea = figura(at, "Avance promedio de ITEI, reporte a reporte")
    # ITEI's activity 1 (100 %, July 2023), then activity 2 (50 %, November 2024): 100, then 75.
    assert valores(linea["data"][0]["y"]) == [100.0, 75.0]
    assert list(linea["layout"]["xaxis"]["ticktext"]) == ["jul 2023", "nov 2024"]


def test_a_single_month_of_reports_is_said_not_drawn():
    at = abrir("pizarra_organismo", organismo="INAI")
    assert any("un solo mes" in c.value for c in at.caption)


def test_the_national_board_compares_with_a_reporting_date():
    at = abrir("pizarra_nacional")
    assert metrica(at, "Avance promedio hoy") == "64.0 %"
    hace_un_anio = date.today() - timedelta(days=365)
    assert metrica(at, f"Avance promedio al {hace_un_anio:%d/%m/%Y}") == "64.0 %"  # every fixture report is older
    at.date_input(key="nacional_fecha_comparacion").set_value(date(2024, 12, 31)).run()
    # Reported by then: activities 1 (100), 2 (50) and 6 (100); 4 was cancelled, 3 and 5 came later.
    assert metrica(at, "Avance promedio al 31/12/2024") == "83.3 %"
