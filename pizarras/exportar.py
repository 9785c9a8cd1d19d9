"""Downloads of what a board shows, safe to open in a spreadsheet program.

Text cells that start with = + - @ (or a tab / carriage return) are prefixed with an apostrophe so Excel, LibreOffice
and Google Sheets show them as text instead of running them as formulas (OWASP "CSV injection"). Numbers stay numbers.
"""

from __future__ import annotations

import pandas as pd

_INICIOS_PELIGROSOS = ("=", "+", "-", "@", "\t", "\r")


def celda_segura(valor: object) -> object:
    if isinstance(valor, str) and valor.startswith(_INICIOS_PELIGROSOS):
        return "'" + valor
    return valor


def tabla_segura(tabla: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns cannot be read as formulas."""
    segura = tabla.copy()
    for columna in segura.columns:
        if segura[columna].dtype == object or pd.api.types.is_string_dtype(segura[columna]):
            segura[columna] = segura[columna].map(celda_segura)
    return segura


def a_csv(tabla: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so Excel opens accents correctly."""
    return tabla_segura(tabla).to_csv(index=False).encode("utf-8-sig")
