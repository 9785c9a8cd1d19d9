"""Writes: one transaction each, and an audit row (who, when, what, before and after) inside the same transaction."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal

import duckdb

from pizarras.base.consultas import ejecutar_en


class CambioConcurrente(RuntimeError):
    """Someone else changed the record since it was read; nothing was written."""

    def __init__(self, mensaje: str, actual: dict | None = None) -> None:
        super().__init__(mensaje)
        self.actual = actual or {}


@contextmanager
def transaccion(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor in one transaction: committed when the block ends, rolled back on any error.

    DuckDB refuses the second of two concurrent updates of one row ("Conflict on update"): that is reported as a
    `CambioConcurrente`, like a stale version.
    """
    cur = con.cursor()
    try:
        cur.execute("begin")
        try:
            yield cur
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
    except duckdb.TransactionException as error:
        raise CambioConcurrente(
            "Otra persona guardó cambios en este registro al mismo tiempo; no se guardó nada. Recargue y vuelva a "
            "intentarlo."
        ) from error
    finally:
        cur.close()


def a_json(valor) -> str | None:
    """The audit's before/after text, the one format every writer uses (forms, uploads, their rollback snapshots) and
    the history view shows: keys sorted, dates ISO 8601, decimals as numbers."""
    if valor is None:
        return None

    def simple(v):
        if isinstance(v, (date, datetime)):
            return v.isoformat()
        if isinstance(v, Decimal):
            return float(v)
        return str(v)

    return json.dumps(valor, ensure_ascii=False, sort_keys=True, default=simple)


def de_json(texto) -> dict:
    """An audit row's before/after as a dict ({} for nothing, or for text that is not a JSON object)."""
    if not isinstance(texto, str) or not texto:
        return {}
    try:
        valor = json.loads(texto)
    except ValueError:
        return {}
    return valor if isinstance(valor, dict) else {}


def auditar(
    cur: duckdb.DuckDBPyConnection,
    usuario: str | None,
    accion: str,
    tabla: str | None = None,
    registro: str | int | None = None,
    antes: dict | None = None,
    despues: dict | None = None,
    detalle: str | None = None,
    en: datetime | None = None,
) -> None:
    ejecutar_en(
        cur,
        "auditoria/auditoria_insertar",
        {
            "en": en or datetime.now(),
            "usuario": usuario,
            "accion": accion,
            "tabla": tabla,
            "registro": None if registro is None else str(registro),
            "antes": a_json(antes),
            "despues": a_json(despues),
            "detalle": detalle,
        }
    )
