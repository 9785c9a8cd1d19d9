"""Accounts for tests, created at run time (no password or hash of a real user is ever in git)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pizarras import cuentas

CLAVE = "clave-de-prueba-2025"
# usuario → (rol, organismo). ITEI is Jalisco's garante (entidad 14); IDAIP is Durango's (10).
USUARIOS = {
    "admin.snt": ("admin", None),
    "enlace.itei": ("enlace", "ITEI"),
    "enlace.idaip": ("enlace", "IDAIP"),
    "evaluacion": ("evaluador", None),
}


def crear_usuarios(ruta: Path) -> Path:
    con = duckdb.connect(str(ruta))
    try:
        for usuario, (rol, organismo) in USUARIOS.items():
            cuentas.agregar(con, usuario, CLAVE, rol, f"Persona {usuario}", f"{usuario}@prueba.mx", organismo)
        con.execute("checkpoint")
    finally:
        con.close()
    return ruta


def copia(origen: Path, destino: Path) -> Path:
    shutil.copy(origen, destino)
    return destino
