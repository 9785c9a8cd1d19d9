"""Downloads of what a board shows (CSV and XLSX), safe to open in a spreadsheet program.

Text cells that start with = + - @ (or a tab / carriage return) are prefixed with an apostrophe so Excel, LibreOffice
and Google Sheets show them as text instead of running them as formulas (OWASP "CSV injection"). Numbers stay numbers.
The XLSX has a first sheet saying which filters were applied and when the data was extracted.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

_INICIOS_PELIGROSOS = ("=", "+", "-", "@", "\t", "\r")
HOJA_FILTROS = "Filtros"
HOJA_DATOS = "Datos"


def celda_segura(valor: object) -> object:
    if isinstance(valor, str) and valor.startswith(_INICIOS_PELIGROSOS):
        return "'" + valor
    return valor


def _es_texto(serie: pd.Series) -> bool:
    return serie.dtype == object or pd.api.types.is_string_dtype(serie)


def tabla_segura(tabla: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns cannot be read as formulas."""
    segura = tabla.copy()
    for columna in segura.columns:
        if _es_texto(segura[columna]):
            segura[columna] = segura[columna].map(celda_segura)
    return segura


def a_csv(tabla: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so Excel opens accents correctly."""
    return tabla_segura(tabla).to_csv(index=False).encode("utf-8-sig")


def _valor_excel(valor: object) -> object:
    if valor is None or (not isinstance(valor, str) and pd.isna(valor)):
        return None
    if isinstance(valor, pd.Timestamp):
        return valor.to_pydatetime()
    if hasattr(valor, "item"):  # numpy scalars
        return valor.item()
    return valor


def a_xlsx(
    tabla: pd.DataFrame, titulo: str, filtros_aplicados: Sequence[tuple[str, str]], extraido: datetime | None = None
) -> bytes:
    """A workbook: sheet 'Filtros' (title, extraction date, filters) then sheet 'Datos' (the table)."""
    extraido = extraido or datetime.now()
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet(HOJA_FILTROS)
    negrita = Font(bold=True)

    def fila_etiquetada(etiqueta: str, valor: object) -> list:
        celda = WriteOnlyCell(hoja, value=etiqueta)
        celda.font = negrita
        return [celda, _celda_texto(hoja, valor)]

    hoja.append(fila_etiquetada("Pizarras de Avance — SNT", titulo))
    hoja.append(fila_etiquetada("Fecha de extracción", extraido.strftime("%Y-%m-%d %H:%M")))
    hoja.append(fila_etiquetada("Registros", len(tabla)))
    hoja.append([])
    hoja.append(fila_etiquetada("Filtro", "Valores"))
    for etiqueta, valores in filtros_aplicados:
        hoja.append(fila_etiquetada(etiqueta, valores))

    datos = libro.create_sheet(HOJA_DATOS)
    datos.append([_celda_texto(datos, str(c), negrita) for c in tabla.columns])
    segura = tabla_segura(tabla)
    for fila in segura.itertuples(index=False, name=None):
        datos.append([_celda_texto(datos, _valor_excel(v)) for v in fila])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def _celda_texto(hoja, valor: object, fuente: Font | None = None) -> WriteOnlyCell:
    celda = WriteOnlyCell(hoja, value=valor)
    if isinstance(valor, str):
        celda.data_type = "s"  # never a formula, whatever the text starts with
    if fuente is not None:
        celda.font = fuente
    return celda
