"""Where things live on disk; the database path comes from the environment so tests and tools can point elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
CARPETA_CONSULTAS = RAIZ / "queries"
CARPETA_SEED = RAIZ / "seed"
RUTA_DB_PREDETERMINADA = RAIZ / "data" / "pizarras.duckdb"


def ruta_db() -> Path:
    """The DuckDB file the app and every command use: $PIZARRAS_DB, else data/pizarras.duckdb."""
    valor = os.environ.get("PIZARRAS_DB", "").strip()
    return Path(valor) if valor else RUTA_DB_PREDETERMINADA
