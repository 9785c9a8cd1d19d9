"""A record's history as a person reads it: who did what and when, and each changed field as «antes → después» in
labels (catalogue names, dd/mm/aaaa, «—» for nothing), never the audit's JSON. Also what the public saw of it: each
published version, when and by whom it was validated and what changed for the public (`versiones_publicadas`)."""

from __future__ import annotations

import duckdb
import pandas as pd

from pizarras import estilo
from pizarras.base.consultas import ejecutar
from pizarras.escritura import publicacion
from pizarras.escritura.auditoria import de_json
from pizarras.escritura.legible import FLECHA, Nombres, etiqueta_de_campo, nombres_de_catalogos, texto_de
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


# What a published version holds that is not what the public reads of the record: keys, review bookkeeping, who
# reported and when (a new report time is not a change of content), and the publication's own dates.
_NO_PUBLICO = frozenset({"id", "version", "revision", "observacion", "notas", "reportado_por", "reportado_en",
                         "actualizada_en", "validada_en", "validada_por"})
PRIMERA = "Primera versión publicada"
SIN_CAMBIOS = "Sin cambios en lo publicado"
POR_LA_BASE = "Carga de la base (registro de origen, ya revisado)"  # `validada_por` 'base': a build or migration


def _publico(campo: str, valor, nombres: Nombres, tabla: str) -> str:
    if campo == "ods" and valor is not None and not isinstance(valor, (list, tuple)):
        valor = [valor]  # a commitment has one ODS, an activity a list
    return _corto(texto_de(campo, valor, nombres, tabla))


def cambios_publicos(antes: dict, despues: dict, nombres: Nombres, tabla: str = "actividades") -> str:
    """What a publication changed for the public, field by field in the record's order: «Avance (%): 50 → 60 · …»."""
    partes = []
    for campo in [*despues, *(c for c in antes if c not in despues)]:
        if campo in _NO_PUBLICO:
            continue
        a, d = (_publico(campo, x.get(campo), nombres, tabla) for x in (antes, despues))
        if a != d:
            partes.append(f"{etiqueta_de_campo(campo, tabla)}: {a}{FLECHA}{d}")
    return " · ".join(partes) or SIN_CAMBIOS


# Only an admin validates, and admins are the Secretaría Ejecutiva: the public history names the office, not the
# account (accounts are never public, like in the open data).
POR_LA_SECRETARIA = "Secretaría Ejecutiva"


def _quien(usuario) -> str:
    if not isinstance(usuario, str) or not usuario:
        return estilo.SIN_DATO
    return POR_LA_BASE if usuario == "base" else POR_LA_SECRETARIA


def versiones_publicadas(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> pd.DataFrame:
    """Every version of one record the public has seen, newest first: en (when it was validated, a timestamp),
    validada_por and cambios (what changed for the public, in words). The version a build or a migration published
    has no audit row of its own: it is the one before the oldest audited publication (or, with none, the published
    row itself), dated by its own `validada_en`. Empty for a record never validated."""
    crudo = publicacion.versiones_publicadas(con, tabla, id_)
    nombres = nombres_de_catalogos(con)
    filas = []
    for fila in crudo.itertuples():
        antes, despues = de_json(fila.antes), de_json(fila.despues)
        filas.append({"en": pd.Timestamp(fila.en), "validada_por": _quien(fila.usuario),
                      "cambios": cambios_publicos(antes, despues, nombres, tabla) if antes else PRIMERA})
    origen = de_json(crudo["antes"].iloc[-1]) if len(crudo) else (publicacion.publicada(con, tabla, id_) or {})
    if origen.get("validada_en") is not None:
        filas.append({"en": pd.Timestamp(origen["validada_en"]), "validada_por": _quien(origen.get("validada_por")),
                      "cambios": PRIMERA})
    return pd.DataFrame(filas, columns=["en", "validada_por", "cambios"])
