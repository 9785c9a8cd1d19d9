"""A record's history as a person reads it: who did what and when, and each changed field as «antes → después» in
labels (catalogue names, dd/mm/aaaa, «—» for nothing), never the audit's JSON."""

from __future__ import annotations

import json
from datetime import date, datetime

import duckdb
import pandas as pd

from pizarras import estilo
from pizarras.base.consultas import ejecutar, ejecutar_en
from pizarras.escritura.autorreporte import ESTADOS_REVISION
from pizarras.escritura.reglas import ETIQUETAS, MODALIDADES, TIPOS_CAPACITACION

ACCIONES = {
    "crear": "Creó", "actualizar": "Cambió", "enviar": "Envió a revisión", "validar": "Validó",
    "observar": "Devolvió con observaciones", "borrar": "Borró el borrador",
}
_OTRAS = {"revision": "Revisión", "observacion": "Observación"}
_LARGO = 120  # a long text is cut in the table; the record shows it whole


def nombres_de_valores(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """For each coded field, its codes' names (catalogues and the fixed lists)."""
    with con.cursor() as cur:
        filas = ejecutar_en(cur, "autorreporte/opciones_formulario")
    nombres: dict[str, dict[str, str]] = {"revision": ESTADOS_REVISION, "modalidad": MODALIDADES,
                                          "tipo_capacitacion": TIPOS_CAPACITACION}
    for fila in filas:
        lista = {"eje": "eje", "programa": "programa", "estatus": "estatus", "ods": "ods"}.get(fila["lista"])
        if lista:
            nombres.setdefault(lista, {})[str(fila["clave"])] = fila["nombre"]
    nombres["transversales"] = nombres.get("eje", {})
    return nombres


def valor_legible(campo: str, valor, nombres: dict[str, dict[str, str]], tabla: str = "") -> str:
    if valor is None or valor == "" or valor == []:
        return estilo.SIN_DATO
    if isinstance(valor, list):
        return ", ".join(valor_legible(campo, v, nombres, tabla) for v in valor)
    lista = "tipo_capacitacion" if (campo == "tipo" and tabla == "capacitaciones") else campo
    if lista in nombres:
        return nombres[lista].get(str(valor), str(valor))
    if isinstance(valor, (date, datetime)):
        return f"{valor:%d/%m/%Y}"
    if isinstance(valor, str):
        for formato, largo in (("%Y-%m-%dT%H:%M:%S", 19), ("%Y-%m-%d", 10)):
            try:
                return f"{datetime.strptime(valor[:largo], formato):%d/%m/%Y}"
            except ValueError:
                continue
        texto = " ".join(valor.split())
        return texto if len(texto) <= _LARGO else texto[: _LARGO - 1] + "…"
    if campo == "avance":
        return f"{valor} %"
    return str(valor)


def describir_cambio(antes: dict | None, despues: dict | None, nombres: dict, tabla: str = "") -> str:
    """«Avance (%): 40 % → 60 % · Estatus: …», in the order the forms show the fields."""
    antes, despues = antes or {}, despues or {}
    orden = [*ETIQUETAS, *_OTRAS]
    partes = []
    for campo in orden:
        if campo not in antes and campo not in despues:
            continue
        etiqueta = ETIQUETAS.get(campo) or _OTRAS[campo]
        if campo in antes and campo in despues:
            a, d = (valor_legible(campo, x, nombres, tabla) for x in (antes[campo], despues[campo]))
            if a != d:
                partes.append(f"{etiqueta}: {a} → {d}")
        else:
            valor = valor_legible(campo, despues.get(campo, antes.get(campo)), nombres, tabla)
            if valor != estilo.SIN_DATO:
                partes.append(f"{etiqueta}: {valor}")
    return " · ".join(partes) or estilo.SIN_DATO


def historial_legible(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> pd.DataFrame:
    """Every audited change of one record, newest first: en, usuario, accion, cambios, comentario (all text)."""
    crudo = ejecutar(con, "auditoria/historial", {"tabla": tabla, "registro": str(id_)})
    nombres = nombres_de_valores(con)
    filas = [{
        "en": fila.en, "usuario": fila.usuario or estilo.SIN_DATO,
        "accion": ACCIONES.get(fila.accion, fila.accion.replace("_", " ").capitalize()),
        "cambios": describir_cambio(_json(fila.antes), _json(fila.despues), nombres, tabla),
        "comentario": fila.detalle if isinstance(fila.detalle, str) and fila.detalle else estilo.SIN_DATO,
    } for fila in crudo.itertuples()]
    return pd.DataFrame(filas, columns=["en", "usuario", "accion", "cambios", "comentario"])


def _json(texto) -> dict | None:
    return json.loads(texto) if isinstance(texto, str) and texto else None
