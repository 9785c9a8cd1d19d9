"""What a board says about its active filters: one short label per chosen value, and the place it covers.

The filters live in a sidebar that a phone or a projected slide keeps closed, so every board repeats them under its
title ("Región Norte · PROTAI 2022-2026 · ODS 16 · 2024 · En proceso") and names its place in the title. Labels come
from the catalogs, never from the URL text. This module only builds labels; `pizarras.ui.chips` draws them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pizarras.lectura.filtros import DEFINICIONES, POR_CLAVE, Filtros, Opcion

# From the most specific place to the widest: the title names the narrowest level chosen.
NIVELES_DE_LUGAR = ("organismo", "entidad", "region")


@dataclass(frozen=True)
class Chip:
    """One chosen value of one filter, as the board shows it."""

    clave: str  # the filter (URL parameter)
    valor: str | int  # the catalog key
    etiqueta: str  # what the chip says

    @property
    def filtro(self) -> str:
        return POR_CLAVE[self.clave].etiqueta


def etiqueta_corta(clave: str, opcion: Opcion) -> str:
    """The short name of a value: its sigla for an organismo, "ODS 16" for an ODS, the catalog name otherwise."""
    if clave == "ods":
        return f"ODS {opcion.clave}"
    if clave == "organismo":
        return opcion.nombre.split(" — ")[0]  # "ITEI — Jalisco": the entidad is a filter of its own
    return opcion.nombre


def _nombres(clave: str, opciones: Mapping[str, Sequence[Opcion]]) -> dict:
    return {o.clave: etiqueta_corta(clave, o) for o in opciones.get(clave, [])}


def chips(filtros: Filtros, opciones: Mapping[str, Sequence[Opcion]]) -> list[Chip]:
    """Every chosen value of every user filter, in the sidebar's order; none when nothing is filtered."""
    lista = []
    for definicion in DEFINICIONES:
        nombres = _nombres(definicion.clave, opciones)
        for valor in filtros.valores(definicion.clave):
            lista.append(Chip(definicion.clave, valor, nombres.get(valor, str(valor))))
    return lista


def sin_valor(filtros: Filtros, chip: Chip) -> tuple:
    """The values left in the chip's filter once the chip is removed."""
    return tuple(v for v in filtros.valores(chip.clave) if v != chip.valor)


def _enumerar(nombres: list[str]) -> str:
    return nombres[0] if len(nombres) == 1 else f"{', '.join(nombres[:-1])} y {nombres[-1]}"


def alcance(filtros: Filtros, opciones: Mapping[str, Sequence[Opcion]]) -> str | None:
    """The place a board covers when a place filter is set ("Región Norte", "Durango y Jalisco"); None = national."""
    for clave in NIVELES_DE_LUGAR:
        valores = filtros.valores(clave)
        if valores:
            nombres = _nombres(clave, opciones)
            return _enumerar([nombres.get(v, str(v)) for v in valores])
    return None


def titulo_con_alcance(titulo: str, filtros: Filtros, opciones: Mapping[str, Sequence[Opcion]],
                       nacional: str | None = None) -> str:
    """A board's title with its place: `nacional` (or `titulo`) without place filters, "`titulo` — place" with one."""
    lugar = alcance(filtros, opciones)
    if lugar is None:
        return nacional or titulo
    return f"{titulo} — {lugar}"
