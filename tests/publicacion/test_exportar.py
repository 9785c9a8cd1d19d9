from __future__ import annotations

import pandas as pd

from pizarras.publicacion.exportar import a_csv, tabla_segura


def test_text_that_a_spreadsheet_would_run_is_prefixed_and_numbers_stay_numbers():
    tabla = pd.DataFrame({"titulo": ["=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "-x", "normal"], "avance": [-5, 1, 2, 3, 4]})
    segura = tabla_segura(tabla)
    assert list(segura["titulo"]) == ["'=HYPERLINK(\"x\")", "'+1", "'@SUM(A1)", "'-x", "normal"]
    assert list(segura["avance"]) == [-5, 1, 2, 3, 4]


def test_csv_has_a_bom_and_keeps_accents():
    datos = a_csv(pd.DataFrame({"Región": ["Centro-Occidente"]}))
    assert datos.startswith(b"\xef\xbb\xbf")
    assert "Región" in datos.decode("utf-8-sig")


def test_xlsx_has_a_filters_sheet_then_the_rows_of_the_table():
    import io
    from datetime import datetime

    from openpyxl import load_workbook

    from pizarras.publicacion.exportar import a_xlsx

    tabla = pd.DataFrame(
        {"Actividad": ["=1+1", "Taller", None], "Avance (%)": [10, -3, 100], "Inicio": pd.to_datetime(["2024-01-02", None, "2025-03-04"])}
    )
    datos = a_xlsx(tabla, "Prueba", [("Región", "Región Norte"), ("ODS", "Todos")], datetime(2026, 1, 2, 3, 4))
    libro = load_workbook(io.BytesIO(datos))
    assert libro.sheetnames == ["Filtros", "Datos"]
    filtros = [tuple(f) for f in libro["Filtros"].iter_rows(values_only=True)]
    assert ("Fecha de extracción", datetime(2026, 1, 2, 3, 4)) in filtros
    assert ("Región", "Región Norte") in filtros and ("ODS", "Todos") in filtros
    filas = list(libro["Datos"].iter_rows(values_only=True))
    assert filas[0] == ("Actividad", "Avance (%)", "Inicio")
    assert filas[1][0] == "'=1+1" and libro["Datos"]["A2"].data_type == "s"
    assert [f[1] for f in filas[1:]] == [10, -3, 100]
    assert filas[3][0] is None and filas[2][2] is None
    assert filas[3][2] == datetime(2025, 3, 4)


def test_filters_are_described_with_catalog_names():
    from pizarras.lectura.filtros import Filtros, Opcion, describir

    descripcion = dict(describir(Filtros(region=("norte",)), {"region": [Opcion("norte", "Región Norte")]}))
    assert descripcion["Región"] == "Región Norte"
    assert descripcion["Estatus"] == "Todos"


def test_the_xlsx_of_a_filtered_board_holds_exactly_the_rows_of_its_query(con_pequena):
    import io

    from openpyxl import load_workbook

    from pizarras.lectura.filtros import Filtros
    from pizarras.lectura.tableros.nacional import tabla_para_mostrar
    from pizarras.publicacion.exportar import a_xlsx
    from tests.apoyo.consultas_util import correr

    filtros = Filtros(programa=("PROTAI",))
    filas_consulta = correr(con_pequena, "tableros/actividades_tabla", filtros)
    tabla = tabla_para_mostrar(filas_consulta)
    libro = load_workbook(io.BytesIO(a_xlsx(tabla, "Actividades", [("Programa", "PROTAI 2022-2026")])))
    filas = list(libro["Datos"].iter_rows(values_only=True))
    assert filas[0] == tuple(tabla.columns)
    assert len(filas) - 1 == len(filas_consulta) == 4
    ids = list(tabla.columns).index("ID")
    assert [f[ids] for f in filas[1:]] == list(filas_consulta["id"])
    titulos = list(tabla.columns).index("Actividad")
    assert [f[titulos] for f in filas[1:]] == list(filas_consulta["titulo"])


def test_xlsx_cells_are_real_dates_whole_keys_rounded_averages_and_sized_columns(con_pequena):
    """Issue 11, item 6: dates are dates shown dd/mm/aaaa, the extraction a date-time, ODS an integer (not '16.0'),
    averages rounded as on screen, thousands separators on counts, and every column has a width."""
    import io
    from datetime import date, datetime

    from openpyxl import load_workbook

    from pizarras.lectura.filtros import Filtros
    from pizarras.lectura.tableros import nacional
    from pizarras.lectura.tableros.compromisos import tabla_areas, tabla_para_mostrar
    from pizarras.publicacion.exportar import a_xlsx
    from tests.apoyo.consultas_util import correr

    tabla = tabla_para_mostrar(correr(con_pequena, "tableros/compromisos_tabla", Filtros(), hoy=date(2026, 1, 1)))
    libro = load_workbook(io.BytesIO(a_xlsx(tabla, "Compromisos", [], datetime(2026, 1, 2, 3, 4, 5, 6))))
    extraccion = libro["Filtros"]["B2"]
    assert extraccion.value == datetime(2026, 1, 2, 3, 4, 5) and extraccion.number_format == "dd/mm/yyyy hh:mm"
    hoja = libro["Datos"]
    columnas = {c.value: c.column_letter for c in hoja[1]}
    ods = [hoja[f"{columnas['ODS']}{i}"] for i in range(2, hoja.max_row + 1)]
    assert {type(c.value) for c in ods if c.value is not None} == {int}
    assert all(hoja.column_dimensions[letra].width for letra in columnas.values())

    actividades = nacional.tabla_para_mostrar(correr(con_pequena, "tableros/actividades_tabla", Filtros()))
    hoja = load_workbook(io.BytesIO(a_xlsx(actividades, "Actividades", [])))["Datos"]
    columnas = {c.value: c.column_letter for c in hoja[1]}
    fin = [hoja[f"{columnas['Fin programado']}{i}"] for i in range(2, hoja.max_row + 1)]
    assert all(isinstance(c.value, datetime) and c.number_format == "dd/mm/yyyy" for c in fin)
    ods = [hoja[f"{columnas['ODS alineados']}{i}"].value for i in range(2, hoja.max_row + 1)]
    assert all(isinstance(v, int) or v is None or ", " in v for v in ods) and any(isinstance(v, int) for v in ods)
    reporte = hoja[f"{columnas['Fecha de reporte']}2"]
    assert isinstance(reporte.value, datetime) and reporte.number_format == "dd/mm/yyyy hh:mm"

    areas = pd.DataFrame({"area": ["Salud"], "compromisos": [12345], "concluidos": [2], "avance_promedio": [33.3333]})
    hoja = load_workbook(io.BytesIO(a_xlsx(tabla_areas(areas), "Áreas", [])))["Datos"]
    assert [c.value for c in hoja[2]] == ["Salud", 12345, 2, 33.3]
    assert (hoja["B2"].number_format, hoja["D2"].number_format) == ("#,##0", "0.0")


def test_csv_writes_dates_day_first():
    tabla = pd.DataFrame({"Fecha de inicio": pd.to_datetime(["2025-09-10", None]), "Participantes": [1186, 2]})
    texto = a_csv(tabla).decode("utf-8-sig")
    assert "10/09/2025" in texto and "2025-09-10" not in texto


def test_a_table_longer_than_a_worksheet_keeps_the_first_rows_and_says_so(monkeypatch):
    import io

    from openpyxl import load_workbook

    from pizarras.publicacion import exportar

    assert exportar.FILAS_MAXIMAS_XLSX == 2**20 - 1  # Excel's rows per sheet, less the header
    monkeypatch.setattr(exportar, "FILAS_MAXIMAS_XLSX", 5)
    tabla = pd.DataFrame({"Actividad": [f"Actividad {i}" for i in range(1, 9)]})

    libro = load_workbook(io.BytesIO(exportar.a_xlsx(tabla, "Actividades", [])))

    filas = list(libro["Datos"].iter_rows(values_only=True))
    assert filas == [("Actividad",)] + [(f"Actividad {i}",) for i in range(1, 6)]
    filtros = dict(f for f in libro["Filtros"].iter_rows(values_only=True) if f[0])
    assert filtros["Registros"] == 8
    assert filtros["Atención"] == ("La hoja «Datos» trae las primeras 5 de 8 filas: es el límite de una hoja de "
                                   "Excel. El CSV las trae todas.")

    corta = load_workbook(io.BytesIO(exportar.a_xlsx(tabla.head(5), "Actividades", [])))
    assert "Atención" not in dict(f for f in corta["Filtros"].iter_rows(values_only=True) if f[0])
