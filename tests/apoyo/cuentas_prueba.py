"""Accounts for tests, created at run time (no password or hash of a real user is ever in git)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pizarras.escritura import cuentas
from pizarras.escritura.cuentas import Usuario

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


# A valid new activity of ITEI, as the self-report form sends it.
NUEVA = {
    "organismo": "ITEI", "programa": "PROTAI", "eje": "PROTAI-T3", "transversales": ["PROTAI-X1"], "ods": [16],
    "titulo": "Jornada de datos abiertos", "descripcion": "Con sujetos obligados de Jalisco", "tipo": "Capacitación",
    "fecha_inicio": "01/03/2025", "fecha_fin": "2025-03-31", "periodo": 2025, "estatus": "en_proceso", "avance": "40",
    "evidencia_url": "", "notas": None,
}


def como(usuario: str) -> Usuario:
    """The account `usuario` of USUARIOS, as the write functions receive it."""
    rol, organismo = USUARIOS[usuario]
    return Usuario(usuario, usuario, f"{usuario}@prueba.mx", rol, organismo)
