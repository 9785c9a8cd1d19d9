"""The look of every board and the one Spanish formatting of values: status colours, a colour-blind-safe palette,
chart text, and how numbers, dates and months are written (pages, charts, detail views and exports all use these).

ODS colours are data (the `ods` catalog holds the official UN colours); everything else that is colour lives here.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

import pandas as pd

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETA = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

COLOR_ESTATUS = {
    "programada": "#56B4E9",
    "en_proceso": "#E69F00",
    "concluida": "#009E73",
    "cancelada": "#999999",
}
COLOR_NO_ALINEADO = "#BBBBBB"  # commitments with no ODS, and any "no data" share of a chart
COLOR_REJILLA = "#E6E6E6"
COLOR_SIN_DATO = "#E3E3E3"  # map tiles outside the filters or without data
COLOR_TEXTO_SECUNDARIO = "#555555"
# Captions and the labels of disabled controls. Streamlit draws them in the text colour at 60 % opacity and at
# 40 % (#828180 and #A8A7A5 on this theme): 3.9:1 and 2.3:1 on white, below WCAG's 4.5:1. This warm grey is 6.2:1 on
# white and 5.8:1 on the sidebar (FONDO_BARRA), still lighter than the text.
COLOR_LEYENDA = "#63615E"
FONDO = "#FFFFFF"
FONDO_BARRA = "#F8F8F7"  # Streamlit 1.67's light sidebar
COLOR_SEXO = {"mujer": PALETA[2], "hombre": PALETA[1]}
# Chart text: the UI's own font (Streamlit loads "Source Sans"; "Source Sans Pro" is not loaded and fell back to
# another face) in the UI's text colour, large enough to read on a projector (contrast ~12:1 on white).
FUENTE = '"Source Sans", "Source Sans 3", sans-serif'
COLOR_TEXTO = "#31333F"
TAMANO_TEXTO = 15
TAMANO_TITULO = 18

SIN_DATO = "—"
MESES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


def vacio(valor: object) -> bool:
    """None, NaN, pandas NA or NaT (a list or array is not one empty value)."""
    try:
        return bool(pd.isna(valor))
    except (TypeError, ValueError):
        return False


def entero(valor: float | int | None) -> str:
    """12345 → '12,345' (Mexican usage: comma for thousands); None → '—'."""
    if vacio(valor):
        return SIN_DATO
    return f"{round(valor):,}"


def porcentaje(valor: float | int | None, decimales: int = 1) -> str:
    """A 0–100 value as '45.3 %'; None → '—'."""
    if vacio(valor):
        return SIN_DATO
    return f"{valor:,.{decimales}f} %"


def color_ods(color_catalogo: str | None) -> str:
    """The official colour the `ods` catalog holds for an ODS; neutral grey when there is none (no alignment)."""
    if isinstance(color_catalogo, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", color_catalogo):
        return color_catalogo.upper()
    return COLOR_NO_ALINEADO


def cantidad(valor: int, singular: str, plural: str) -> str:
    """'1 capacitación', '1,234 capacitaciones'."""
    return f"{entero(valor)} {singular if valor == 1 else plural}"


def tamano(n_bytes: int) -> str:
    """A size on disk or on the wire: '512 B', '850 KB', '3.2 MB', '1.4 GB' (binary units, one decimal from MB)."""
    if n_bytes < 1024:
        return f"{n_bytes} B"
    if n_bytes < 1024**2:
        return f"{n_bytes / 1024:,.0f} KB"
    if n_bytes < 1024**3:
        return f"{n_bytes / 1024**2:,.1f} MB"
    return f"{n_bytes / 1024**3:,.1f} GB"


def fecha(valor) -> str:
    """A date or timestamp as '15/11/2024' (day first, as in Mexico); None or NaT → '—'."""
    if vacio(valor):
        return SIN_DATO
    return f"{valor:%d/%m/%Y}"


def fecha_hora(valor) -> str:
    """A timestamp as '15/11/2024 19:24'; None or NaT → '—'."""
    if vacio(valor):
        return SIN_DATO
    return f"{valor:%d/%m/%Y %H:%M}"


def mes(valor: date | datetime | pd.Timestamp) -> str:
    """The month of a date as 'ene 2023' (plotly's own month names are English)."""
    return f"{MESES[valor.month - 1]} {valor.year}"


def lista(elementos: list[str]) -> str:
    """'a', 'a y b', 'a, b y c'."""
    if len(elementos) <= 1:
        return "".join(elementos)
    return ", ".join(elementos[:-1]) + " y " + elementos[-1]


def aclarar(color: str, fraccion: float = 0.55) -> str:
    """'#0072B2' mixed with white: the same hue, lighter (for bars that count for less)."""
    canales = [int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * fraccion):02X}" for c in canales)


def paso_entero(maximo: float, marcas: int = 6) -> int:
    """A whole tick step (1, 2, 5, 10, 20, 50…) giving at most about `marcas` ticks from 0 to `maximo`: a count axis
    never shows 0.5 or the same whole number twice."""
    bruto = max(1.0, float(maximo) / marcas)
    potencia = 10 ** math.floor(math.log10(bruto))
    for factor in (1, 2, 5, 10):
        if factor * potencia >= bruto:
            return int(factor * potencia)
    return int(10 * potencia)
