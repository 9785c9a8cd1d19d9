"""The look of every board: status colours, a colour-blind-safe palette, and Spanish number formatting.

ODS colours are data (the `ods` catalog holds the official UN colours); everything else that is colour lives here.
"""

from __future__ import annotations

import math
import re

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETA = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

COLOR_ESTATUS = {
    "programada": "#56B4E9",
    "en_proceso": "#E69F00",
    "concluida": "#009E73",
    "cancelada": "#999999",
}
COLOR_NO_ALINEADO = "#BBBBBB"  # commitments with no ODS, and any "no data" share of a chart
COLOR_REJILLA = "#EEEEEE"
COLOR_SIN_DATO = "#E3E3E3"  # map tiles outside the filters or without data
COLOR_TEXTO_SECUNDARIO = "#555555"
COLOR_SEXO = {"mujer": PALETA[2], "hombre": PALETA[1]}
FUENTE = "Source Sans Pro, sans-serif"


def entero(valor: float | int | None) -> str:
    """12345 → '12,345' (Mexican usage: comma for thousands); None → '—'."""
    if valor is None or (isinstance(valor, float) and math.isnan(valor)):
        return "—"
    return f"{round(valor):,}"


def porcentaje(valor: float | int | None, decimales: int = 1) -> str:
    """A 0–100 value as '45.3 %'; None → '—'."""
    if valor is None or (isinstance(valor, float) and math.isnan(valor)):
        return "—"
    return f"{valor:,.{decimales}f} %"


def color_ods(color_catalogo: str | None) -> str:
    """The official colour the `ods` catalog holds for an ODS; neutral grey when there is none (no alignment)."""
    if isinstance(color_catalogo, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", color_catalogo):
        return color_catalogo.upper()
    return COLOR_NO_ALINEADO


def cantidad(valor: int, singular: str, plural: str) -> str:
    """'1 capacitación', '1,234 capacitaciones'."""
    return f"{entero(valor)} {singular if valor == 1 else plural}"


def fecha(valor) -> str:
    """A date or timestamp as '15/11/2024' (day first, as in Mexico); None or NaT → '—'."""
    if valor is None or valor != valor:  # None, NaN or NaT
        return "—"
    return f"{valor:%d/%m/%Y}"
