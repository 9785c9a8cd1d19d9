"""A stored value in words, the one way every screen writes it: catalog values by their names (the estatus «En
proceso», a programa's and an eje's full name, the organismo's acronym, an ODS as «16 Paz…»), review states and
training kinds by their labels, dates dd/mm/aaaa, thousands with a comma, and "—" for nothing (never None, NaN or
JSON). The upload preview and a rollback's plan (pizarras.cargas), «Qué cambió» in the review
(pizarras.escritura.revision), a record's history (pizarras.escritura.historial) and a conflict's two sides all use
it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import pandas as pd

from pizarras import estilo, etiquetas
from pizarras.base.consultas import ejecutar_en
from pizarras.escritura.autorreporte import ESTADOS_REVISION
from pizarras.escritura.reglas import ETIQUETAS, MODALIDADES, TIPOS_CAPACITACION

FLECHA = " → "
SIN_DATO = estilo.SIN_DATO
_TEMAS = {"actividades": "actividad", "compromisos": "compromiso", "capacitaciones": "capacitacion"}


def etiqueta_de_campo(campo: str, tipo: str = "actividades") -> str:
    """A field's name as the forms call it (reglas.ETIQUETAS), else as the boards' tables do, else its key."""
    if campo in ETIQUETAS:
        return ETIQUETAS[campo]
    try:
        return etiquetas.etiqueta(campo, _TEMAS.get(tipo))
    except KeyError:
        return campo.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Nombres:
    """What each catalog value is called: {catalog: {key: name}} (organismo, programa, eje, estatus, ods)."""

    por_catalogo: dict[str, dict[str, str]] = field(default_factory=dict)

    def de(self, catalogo: str, clave) -> str:
        return self.por_catalogo.get(catalogo, {}).get(str(clave), str(clave))


def nombres_de_catalogos(con: duckdb.DuckDBPyConnection) -> Nombres:
    por_catalogo: dict[str, dict[str, str]] = {}
    with con.cursor() as cur:
        for fila in ejecutar_en(cur, "catalogos/nombres_de_valores"):
            por_catalogo.setdefault(fila["catalogo"], {})[str(fila["clave"])] = fila["nombre"]
    return Nombres(por_catalogo)


def vacio(valor) -> bool:
    if valor is None or (isinstance(valor, str) and not valor.strip()):
        return True
    if isinstance(valor, (list, tuple)):
        return not valor
    return estilo.vacio(valor)


def _numero(valor) -> str:
    if isinstance(valor, bool):
        return "Sí" if valor else "No"
    if isinstance(valor, float) and not valor.is_integer():
        return f"{valor:,.1f}"
    try:
        return f"{int(valor):,}"
    except (TypeError, ValueError):
        return str(valor)


def texto_de(campo: str, valor, nombres: Nombres, tipo: str = "actividades") -> str:
    """One stored or cleaned value as the reader sees it: names for keys, dd/mm/aaaa, "—" for nothing."""
    if vacio(valor):
        return SIN_DATO
    if campo == "estatus":
        nombre = nombres.de("estatus", valor)
        return etiquetas.valor("estatus_compromiso", nombre) if tipo == "compromisos" else nombre
    if campo in ("organismo", "programa", "eje"):
        return nombres.de(campo, valor)
    if campo == "transversales":
        return "; ".join(nombres.de("eje", v) for v in valor)
    if campo == "ods":
        return "; ".join(nombres.de("ods", v) for v in valor)
    if campo == "revision":
        return ESTADOS_REVISION.get(str(valor), str(valor))
    if tipo == "capacitaciones" and campo == "tipo":
        return TIPOS_CAPACITACION.get(str(valor), str(valor))
    if campo == "modalidad":
        return MODALIDADES.get(str(valor), str(valor))
    if campo.startswith("fecha_") or isinstance(valor, (date, datetime, pd.Timestamp)):
        return fecha(valor)
    if campo == "periodo":
        return _numero(valor).replace(",", "")
    if isinstance(valor, (int, float)):
        return _numero(valor)
    if isinstance(valor, (list, tuple)):
        return ", ".join(map(str, valor))
    return str(valor).strip()


def fecha(valor) -> str:
    if isinstance(valor, str):
        try:
            return estilo.fecha(date.fromisoformat(valor[:10]))
        except ValueError:
            return valor
    return estilo.fecha(valor)


def antes_y_despues(campo: str, antes, despues, nombres: Nombres, tipo: str = "actividades") -> str:
    return texto_de(campo, antes, nombres, tipo) + FLECHA + texto_de(campo, despues, nombres, tipo)
