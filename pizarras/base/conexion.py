"""Opening the DuckDB file, with the two failures people can fix told apart: the file is missing, or another
process holds it (DuckDB allows one writer process). The app and the command line word the advice differently.
`abrir_al_dia` also brings an older database to the code's schema first (pizarras.base.esquema); the app and
the command line call it through `pizarras.arranque`, which adds what a migration seeds from the upper layers."""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path

import duckdb

from pizarras.base.esquema import ResultadoMigracion, Sembrar, migrar

_registro = logging.getLogger("pizarras")


class Motivo(Enum):
    FALTA = "falta"
    TOMADA = "tomada por otro proceso"
    OTRO = "otro"


class BaseNoAbre(RuntimeError):
    def __init__(self, ruta: Path, motivo: Motivo, detalle: str = "") -> None:
        mensaje = {
            Motivo.FALTA: f"No existe la base de datos «{ruta}».",
            Motivo.TOMADA: f"La base de datos «{ruta}» está abierta por otro proceso.",
        }.get(motivo, f"No se pudo abrir la base de datos «{ruta}»: {detalle}")
        super().__init__(mensaje)
        self.ruta, self.motivo = ruta, motivo


def abrir(ruta: Path, solo_lectura: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the existing database file `ruta`; `BaseNoAbre` says why when there is none."""
    if not ruta.is_file():
        raise BaseNoAbre(ruta, Motivo.FALTA)
    try:
        return duckdb.connect(str(ruta), read_only=solo_lectura)
    except duckdb.IOException as error:
        motivo = Motivo.TOMADA if "lock" in str(error).lower() else Motivo.OTRO
        raise BaseNoAbre(ruta, motivo, str(error)) from error


def abrir_al_dia(
    ruta: Path, sembrar: Sembrar | None = None
) -> tuple[duckdb.DuckDBPyConnection, ResultadoMigracion]:
    """Migrate the database at `ruta` if it is older than the code (the log says so, and where the copy went),
    then open it (`sembrar` as in `esquema.migrar`). Raises `EsquemaIncompatible` for a database newer than the
    code, `BaseNoAbre` as `abrir`."""
    if not ruta.is_file():
        raise BaseNoAbre(ruta, Motivo.FALTA)
    try:
        resultado = migrar(ruta, sembrar=sembrar)
    except duckdb.IOException as error:
        motivo = Motivo.TOMADA if "lock" in str(error).lower() else Motivo.OTRO
        raise BaseNoAbre(ruta, motivo, str(error)) from error
    if resultado.respaldo or resultado.macros_reinstaladas:
        _registro.warning("%s (%s)", resultado.mensaje(), ruta)
    return abrir(ruta), resultado
