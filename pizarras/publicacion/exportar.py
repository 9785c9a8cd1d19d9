"""Downloads of what a board shows (CSV and XLSX), safe to open in a spreadsheet program.

Text cells that start with = + - @ (or a tab / carriage return) are prefixed with an apostrophe so Excel, LibreOffice
and Google Sheets show them as text instead of running them as formulas (OWASP "CSV injection"). Numbers stay numbers.
The XLSX has a first sheet saying which filters were applied (by name) and when the data was extracted. Each column
is written by its kind in `pizarras.etiquetas` (dates as real dates shown dd/mm/aaaa, counts with thousands
separators, averages to one decimal as on screen, keys as whole numbers), with a width that fits it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from pizarras import estilo, etiquetas

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


FORMATO_XLSX = {
    "fecha": "dd/mm/yyyy",
    "fecha_hora": "dd/mm/yyyy hh:mm",
    "entero": "#,##0",
    "clave": "0",
    "claves": "0",
    "avance": "0",
    "porcentaje": "0.0",
}
ANCHO_MAXIMO = 60
# A worksheet holds 1,048,576 rows (Excel's limit, also LibreOffice's): the header and this many data rows.
FILAS_MAXIMAS_XLSX = 1_048_575


def a_csv(tabla: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so Excel opens accents correctly; dates day first, as on screen."""
    segura = tabla_segura(tabla)
    for columna in segura.columns:
        tipo = etiquetas.tipo_de(str(columna))
        if tipo == "fecha":
            segura[columna] = segura[columna].map(lambda v: None if estilo.vacio(v) else estilo.fecha(v))
        elif tipo == "fecha_hora":
            segura[columna] = segura[columna].map(lambda v: None if estilo.vacio(v) else estilo.fecha_hora(v))
    return segura.to_csv(index=False).encode("utf-8-sig")


def _valor_excel(valor: object, tipo: str = "texto") -> object:
    if valor is None or (not isinstance(valor, str) and pd.isna(valor)):
        return None
    if isinstance(valor, pd.Timestamp):
        valor = valor.to_pydatetime()
    if hasattr(valor, "item"):  # numpy scalars
        valor = valor.item()
    if tipo in ("entero", "clave", "avance") and isinstance(valor, float) and valor.is_integer():
        return int(valor)
    if tipo == "porcentaje" and isinstance(valor, float):
        return round(valor, 1)
    if tipo == "claves" and isinstance(valor, str) and valor.strip().isdigit():
        return int(valor)
    return valor


def _ancho(encabezado: str, columna: pd.Series, tipo: str) -> float:
    """A column width (in characters) that fits the header and most values, capped for long free text."""
    if tipo in ("fecha", "clave", "avance", "porcentaje"):
        largo = 11
    elif tipo == "fecha_hora":
        largo = 16
    else:
        muestra = columna.head(200).map(lambda v: len(str(v)) if not estilo.vacio(v) else 0)
        largo = int(muestra.quantile(0.9)) if len(muestra) else 0
    return float(min(ANCHO_MAXIMO, max(len(encabezado), largo) + 2))


def a_xlsx(
    tabla: pd.DataFrame, titulo: str, filtros_aplicados: Sequence[tuple[str, str]], extraido: datetime | None = None
) -> bytes:
    """A workbook: sheet 'Filtros' (title, extraction date, filters) then sheet 'Datos' (the table).

    A table longer than a worksheet keeps its first FILAS_MAXIMAS_XLSX rows, and the 'Filtros' sheet says so: a
    file no spreadsheet program opens would help nobody, and CSV carries every row."""
    extraido = extraido or datetime.now()
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet(HOJA_FILTROS)
    hoja.column_dimensions["A"].width = 28
    hoja.column_dimensions["B"].width = 60
    negrita = Font(bold=True)

    def fila_etiquetada(etiqueta: str, valor: object) -> list:
        celda = WriteOnlyCell(hoja, value=etiqueta)
        celda.font = negrita
        return [celda, _celda_texto(hoja, valor)]

    hoja.append(fila_etiquetada("Pizarras de Avance — SNT", titulo))
    fila_fecha = fila_etiquetada("Fecha de extracción", extraido.replace(microsecond=0))
    fila_fecha[1].number_format = FORMATO_XLSX["fecha_hora"]
    hoja.append(fila_fecha)
    hoja.append(fila_etiquetada("Registros", len(tabla)))
    if len(tabla) > FILAS_MAXIMAS_XLSX:
        hoja.append(fila_etiquetada("Atención", _nota_filas_de_mas(len(tabla))))
        tabla = tabla.head(FILAS_MAXIMAS_XLSX)
    hoja.append([])
    hoja.append(fila_etiquetada("Filtro", "Valores"))
    for etiqueta, valores in filtros_aplicados:
        hoja.append(fila_etiquetada(etiqueta, valores))

    datos = libro.create_sheet(HOJA_DATOS)
    tipos = [etiquetas.tipo_de(str(c)) for c in tabla.columns]
    for i, (columna, tipo) in enumerate(zip(tabla.columns, tipos, strict=True), start=1):
        datos.column_dimensions[get_column_letter(i)].width = _ancho(str(columna), tabla[columna], tipo)
    datos.append([_celda_texto(datos, str(c), negrita) for c in tabla.columns])
    segura = tabla_segura(tabla)
    for fila in segura.itertuples(index=False, name=None):
        datos.append([_celda_dato(datos, _valor_excel(v, t), t) for v, t in zip(fila, tipos, strict=True)])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def _nota_filas_de_mas(filas: int) -> str:
    return (f"La hoja «{HOJA_DATOS}» trae las primeras {estilo.entero(FILAS_MAXIMAS_XLSX)} de "
            f"{estilo.entero(filas)} filas: es el límite de una hoja de Excel. El CSV las trae todas.")


def _celda_texto(hoja, valor: object, fuente: Font | None = None) -> WriteOnlyCell:
    celda = WriteOnlyCell(hoja, value=valor)
    if isinstance(valor, str):
        celda.data_type = "s"  # never a formula, whatever the text starts with
    if fuente is not None:
        celda.font = fuente
    return celda


def _celda_dato(hoja, valor: object, tipo: str) -> WriteOnlyCell:
    celda = _celda_texto(hoja, valor)
    if valor is not None and tipo in FORMATO_XLSX:
        celda.number_format = FORMATO_XLSX[tipo]
    return celda
