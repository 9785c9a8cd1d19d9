"""Spreadsheets the upload tests build at run time: the activities template's headers, a valid new row of each
kind, and a workbook from rows (XLSX, or OpenDocument as LibreOffice Calc saves it)."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook

from pizarras.cargas.formatos import COLUMNAS_ACTIVIDADES, COLUMNAS_CAPACITACIONES

ENCABEZADOS = [c.encabezado for c in COLUMNAS_ACTIVIDADES]
NUEVA = ["", "itei", "protai", "PROTAI-T3", "PROTAI-X1", "16", "Jornada de análisis de datos", "", "Capacitación",
         "10/03/2025", "2025-03-31", 2025, "En proceso", "45%", "", ""]
TALLER = ["", "ITEI", "Taller de versiones públicas", "Taller", "virtual", "Versiones públicas", "PROTAI-T3",
          "10/04/2025", "10/04/2025", 40, 25, 15, 12, "Sujetos obligados", ""]
ENCABEZADOS_CAPACITACIONES = [c.encabezado for c in COLUMNAS_CAPACITACIONES]


def xlsx(filas: list[list], encabezados=ENCABEZADOS, antes: list[list] | None = None) -> bytes:
    libro = Workbook()
    hoja = libro.active
    hoja.title = "Datos"
    for fila in (antes or []) + [encabezados] + filas:
        hoja.append(fila)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def ods(filas: list[list], encabezados=ENCABEZADOS) -> bytes:
    """An OpenDocument spreadsheet (written by odfpy, as pandas writes .ods) with the sheet «Datos»."""
    salida = io.BytesIO()
    pd.DataFrame(filas, columns=encabezados).to_excel(salida, engine="odf", sheet_name="Datos", index=False)
    return salida.getvalue()
