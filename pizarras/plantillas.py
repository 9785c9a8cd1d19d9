"""The XLSX template of an import: the data sheet with Spanish headers (filled with an organismo's current records
when asked, so staff download, edit and upload back), an instructions sheet, a hidden catalog sheet and drop-down
lists for the catalog columns. Text cells are written as text, never as formulas."""

from __future__ import annotations

import io
from datetime import date

import duckdb
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pizarras.consultas import ejecutar_en
from pizarras.importacion import CARPETA_IMPORTAR, COLUMNAS_ACTIVIDADES

_LISTAS = {"Organismo": "organismo", "Programa": "programa", "Eje temático": "eje", "Estatus": "estatus"}
_ENCABEZADO = PatternFill("solid", fgColor="1F4E79")


def _celda_texto(hoja, fila: int, columna: int, valor) -> None:
    celda = hoja.cell(row=fila, column=columna, value=valor)
    if isinstance(valor, str):
        celda.data_type = "s"  # a value starting with "=" stays text


def _fila_de(actividad: dict, estatus: dict[str, str]) -> list:
    return [
        actividad["id"], actividad["organismo"], actividad["programa"], actividad["eje"],
        "; ".join(actividad["transversales"]), ", ".join(map(str, actividad["ods"])), actividad["titulo"],
        actividad["descripcion"], actividad["tipo"], actividad["fecha_inicio"], actividad["fecha_fin"],
        actividad["periodo"], estatus.get(actividad["estatus"], actividad["estatus"]), actividad["avance"],
        actividad["evidencia_url"], actividad["notas"],
    ]


def plantilla_actividades(con: duckdb.DuckDBPyConnection, organismo: str | None = None) -> bytes:
    """The activities template; with `organismo`, filled with that organismo's records (every review state)."""
    with con.cursor() as cur:
        opciones = ejecutar_en(cur, "opciones_plantilla", carpeta=CARPETA_IMPORTAR)
        actividades = (ejecutar_en(cur, "actividades_para_importar", {"organismos": [organismo]}, CARPETA_IMPORTAR)
                       if organismo else [])
    nombres_estatus = {o["clave"]: o["valor"] for o in opciones if o["catalogo"] == "estatus"}
    libro = Workbook()
    datos = libro.active
    datos.title = "Datos"
    for j, columna in enumerate(COLUMNAS_ACTIVIDADES, start=1):
        celda = datos.cell(row=1, column=j, value=columna.encabezado)
        celda.font, celda.fill = Font(bold=True, color="FFFFFF"), _ENCABEZADO
        datos.column_dimensions[get_column_letter(j)].width = max(14, min(60, len(columna.encabezado) + 6))
    datos.column_dimensions[get_column_letter(7)].width = 60  # Título
    datos.freeze_panes = "A2"
    for i, actividad in enumerate(actividades, start=2):
        for j, valor in enumerate(_fila_de(actividad, nombres_estatus), start=1):
            _celda_texto(datos, i, j, valor)
            if isinstance(valor, date):
                datos.cell(row=i, column=j).number_format = "DD/MM/YYYY"

    catalogos = libro.create_sheet("Catálogos")
    catalogos.sheet_state = "hidden"
    por_catalogo: dict[str, list[dict]] = {}
    for o in opciones:
        por_catalogo.setdefault(o["catalogo"], []).append(o)
    ultima_fila = max(len(COLUMNAS_ACTIVIDADES) + 1, len(actividades) + 1, 1000)
    for j, (catalogo, valores) in enumerate(sorted(por_catalogo.items()), start=1):
        letra = get_column_letter(j)
        catalogos.cell(row=1, column=j, value=catalogo)
        for i, o in enumerate(valores, start=2):
            _celda_texto(catalogos, i, j, o["valor"])
        for encabezado, lista in _LISTAS.items():
            if lista == catalogo:
                columna_datos = get_column_letter([c.encabezado for c in COLUMNAS_ACTIVIDADES].index(encabezado) + 1)
                validacion = DataValidation(type="list", formula1=f"='Catálogos'!${letra}$2:${letra}${len(valores) + 1}",
                                            allow_blank=True, showErrorMessage=True, errorTitle="Valor no válido",
                                            error=f"Elija un valor de la lista de {encabezado}.")
                validacion.add(f"{columna_datos}2:{columna_datos}{ultima_fila}")
                datos.add_data_validation(validacion)

    instrucciones = libro.create_sheet("Instrucciones", 0)
    instrucciones.column_dimensions["A"].width = 24
    instrucciones.column_dimensions["B"].width = 100
    lineas = [
        ("Plantilla de actividades", "Pizarras de Avance · Sistema Nacional de Transparencia"),
        ("Cómo usarla", "Llene o corrija la hoja «Datos» (una actividad por fila) y súbala en la página «Cargar». "
                        "También se acepta como CSV (UTF-8 o Windows-1252, con coma o punto y coma)."),
        ("Filas existentes", "Las filas con ID son actividades ya registradas: al subir el archivo se actualizan. "
                             "Sin ID, una actividad se reconoce por organismo, periodo y título."),
        ("Revisión", "Lo que se carga queda «Enviada a revisión» hasta que la Secretaría Ejecutiva lo valida."),
        ("", ""),
        ("Columna", "Qué escribir"),
    ] + [(f"{c.encabezado}{' *' if c.requerida else ''}", c.ayuda) for c in COLUMNAS_ACTIVIDADES] + [
        ("", "* obligatoria"),
    ]
    for i, (a, b) in enumerate(lineas, start=1):
        _celda_texto(instrucciones, i, 1, a)
        _celda_texto(instrucciones, i, 2, b)
        if i in (1, 6):
            instrucciones.cell(row=i, column=1).font = Font(bold=True)
    libro.active = 1
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()
