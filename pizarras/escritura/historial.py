"""A record's history as a person reads it: who did what and when, and each changed field as «antes → después» in
labels (catalogue names, dd/mm/aaaa, «—» for nothing), never the audit's JSON."""

from __future__ import annotations

import duckdb
import pandas as pd

from pizarras import estilo
from pizarras.base.consultas import ejecutar
from pizarras.escritura.auditoria import de_json
from pizarras.escritura.legible import FLECHA, Nombres, nombres_de_catalogos, texto_de
from pizarras.escritura.reglas import ETIQUETAS

ACCIONES = {
    "crear": "Creó", "actualizar": "Cambió", "enviar": "Envió a revisión", "validar": "Validó",
    "observar": "Devolvió con observaciones", "borrar": "Borró el borrador",
}
_LARGO = 120  # a long text is cut in the table; the record shows it whole


def _corto(texto: str) -> str:
    texto = " ".join(texto.split())
    return texto if len(texto) <= _LARGO else texto[: _LARGO - 1] + "…"


def describir_cambio(antes: dict | None, despues: dict | None, nombres: Nombres, tabla: str = "actividades") -> str:
    """«Avance (%): 40 → 60 · Estatus: …», in the order the forms show the fields."""
    antes, despues = antes or {}, despues or {}
    partes = []
    for campo in ETIQUETAS:  # in the order the forms show the fields
        if campo not in antes and campo not in despues:
            continue
        etiqueta = ETIQUETAS[campo]
        if campo in antes and campo in despues:
            a, d = (_corto(texto_de(campo, x, nombres, tabla)) for x in (antes[campo], despues[campo]))
            if a != d:
                partes.append(f"{etiqueta}: {a}{FLECHA}{d}")
        else:
            valor = _corto(texto_de(campo, despues.get(campo, antes.get(campo)), nombres, tabla))
            if valor != estilo.SIN_DATO:
                partes.append(f"{etiqueta}: {valor}")
    return " · ".join(partes) or estilo.SIN_DATO


def historial_legible(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> pd.DataFrame:
    """Every audited change of one record, newest first: en, usuario, accion, cambios, comentario (all text)."""
    crudo = ejecutar(con, "auditoria/historial", {"tabla": tabla, "registro": str(id_)})
    nombres = nombres_de_catalogos(con)
    filas = [{
        "en": fila.en, "usuario": fila.usuario or estilo.SIN_DATO,
        "accion": ACCIONES.get(fila.accion, fila.accion.replace("_", " ").capitalize()),
        "cambios": describir_cambio(de_json(fila.antes), de_json(fila.despues), nombres, tabla),
        "comentario": fila.detalle if isinstance(fila.detalle, str) and fila.detalle else estilo.SIN_DATO,
    } for fila in crudo.itertuples()]
    return pd.DataFrame(filas, columns=["en", "usuario", "accion", "cambios", "comentario"])
