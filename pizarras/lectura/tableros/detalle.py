"""The detail view of one record: every field as a readable (label, value) pair, and its sources as links.

Shared by the boards whose table lets the user open a row. Values are text for display; nothing is guessed for an
empty field (it shows as '—').
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from pizarras import estilo, etiquetas

SIN_DATO = "—"


@dataclass(frozen=True)
class Fuente:
    """One source of a record: a link (url set) or a citation in words (url None)."""

    texto: str
    url: str | None = None


def vacio(valor: object) -> bool:
    """None, NaN, pandas NA or NaT."""
    try:
        return bool(pd.isna(valor))
    except (TypeError, ValueError):  # a list or array: not a single empty value
        return False


def texto(valor: object) -> str:
    """A field value as display text: '—' when empty, 'Sí'/'No', dates as dd/mm/aaaa, whole numbers as plain digits
    (ids and years must not get a thousands separator; format counts with `formatos`)."""
    if vacio(valor):
        return SIN_DATO
    if isinstance(valor, bool) or type(valor).__name__ == "bool_":
        return "Sí" if valor else "No"
    if isinstance(valor, datetime):
        return estilo.fecha_hora(valor) if (valor.hour, valor.minute) != (0, 0) else estilo.fecha(valor)
    if isinstance(valor, date):
        return estilo.fecha(valor)
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    if isinstance(valor, int) or type(valor).__name__.startswith("int"):
        return str(int(valor))
    return str(valor).strip() or SIN_DATO


def campos(
    fila: Mapping[str, object],
    etiquetas: Mapping[str, str],
    formatos: Mapping[str, Callable[[object], str]] | None = None,
    vacios: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """(label, text) for every field named in `etiquetas`, in that order.

    `formatos` formats a field's value; `vacios` says what an empty field means when '—' is not enough.
    """
    formatos, vacios = formatos or {}, vacios or {}
    salida = []
    for columna, etiqueta in etiquetas.items():
        valor = fila.get(columna)
        if vacio(valor):
            salida.append((etiqueta, vacios.get(columna, SIN_DATO)))
        elif columna in formatos:
            salida.append((etiqueta, formatos[columna](valor)))
        else:
            salida.append((etiqueta, texto(valor)))
    return salida


def fuentes(valor: object) -> list[Fuente]:
    """The sources of a record: the field may hold several, separated by ' | '; URLs become links."""
    resultado = []
    for parte in etiquetas.separar_fuentes(valor):
        resultado.append(Fuente(parte, parte) if etiquetas.es_enlace(parte) else Fuente(parte))
    return resultado
