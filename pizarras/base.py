"""Opening the DuckDB file, with the two failures people can fix told apart: the file is missing, or another
process holds it (DuckDB allows one writer process). The app and the command line word the advice differently."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import duckdb


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
