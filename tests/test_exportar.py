from __future__ import annotations

import pandas as pd

from pizarras.exportar import a_csv, tabla_segura


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

    from pizarras.exportar import a_xlsx

    tabla = pd.DataFrame(
        {"Actividad": ["=1+1", "Taller", None], "Avance (%)": [10, -3, 100], "Inicio": pd.to_datetime(["2024-01-02", None, "2025-03-04"])}
    )
    datos = a_xlsx(tabla, "Prueba", [("Región", "Región Norte"), ("ODS", "Todos")], datetime(2026, 1, 2, 3, 4))
    libro = load_workbook(io.BytesIO(datos))
    assert libro.sheetnames == ["Filtros", "Datos"]
    filtros = [tuple(f) for f in libro["Filtros"].iter_rows(values_only=True)]
    assert ("Fecha de extracción", "2026-01-02 03:04") in filtros
    assert ("Región", "Región Norte") in filtros and ("ODS", "Todos") in filtros
    filas = list(libro["Datos"].iter_rows(values_only=True))
    assert filas[0] == ("Actividad", "Avance (%)", "Inicio")
    assert filas[1][0] == "'=1+1" and libro["Datos"]["A2"].data_type == "s"
    assert [f[1] for f in filas[1:]] == [10, -3, 100]
    assert filas[3][0] is None and filas[2][2] is None
    assert filas[3][2] == datetime(2025, 3, 4)


def test_filters_are_described_with_catalog_names():
    from pizarras.filtros import Filtros, Opcion, describir

    descripcion = dict(describir(Filtros(region=("norte",)), {"region": [Opcion("norte", "Región Norte")]}))
    assert descripcion["Región"] == "Región Norte"
    assert descripcion["Estatus"] == "Todos"


def test_the_xlsx_of_a_filtered_board_holds_exactly_the_rows_of_its_query(con_pequena):
    import io

    from openpyxl import load_workbook

    from consultas_util import correr
    from pizarras.exportar import a_xlsx
    from pizarras.filtros import Filtros
    from pizarras.tableros.nacional import tabla_para_mostrar

    filtros = Filtros(programa=("PROTAI",))
    filas_consulta = correr(con_pequena, "actividades_tabla", filtros)
    tabla = tabla_para_mostrar(filas_consulta)
    libro = load_workbook(io.BytesIO(a_xlsx(tabla, "Actividades", [("Programa", "PROTAI 2022-2026")])))
    filas = list(libro["Datos"].iter_rows(values_only=True))
    assert filas[0] == tuple(tabla.columns)
    assert len(filas) - 1 == len(filas_consulta) == 4
    assert [f[0] for f in filas[1:]] == list(filas_consulta["id"])
    titulos = list(tabla.columns).index("Actividad")
    assert [f[titulos] for f in filas[1:]] == list(filas_consulta["titulo"])
