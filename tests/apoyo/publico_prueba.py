"""A copy of the fixture database with records people have not had validated yet, for tests of what is public."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

# (table, id, review state): one of each unpublished state, and a hostile title on a draft.
SIN_VALIDAR = [("actividades", 2, "borrador"), ("actividades", 4, "enviada"), ("actividades", 5, "observada"),
               ("compromisos", 2, "enviada"), ("capacitaciones", 3, "borrador")]
TITULO_HOSTIL = "=HYPERLINK(\"http://malo.example\")"
PUBLICADAS = {"actividades": "actividades_publicadas", "compromisos": "compromisos_publicados",
              "capacitaciones": "capacitaciones_publicadas"}


def nunca_validado(con: duckdb.DuckDBPyConnection, tabla: str, id_: int, estado: str) -> None:
    """Make a fixture record one that was never validated: its review state, and no published version."""
    con.execute(f"update {tabla} set revision = ? where id = ?", [estado, id_])
    con.execute(f"delete from {PUBLICADAS[tabla]} where id = ?", [id_])
    if tabla == "actividades":
        for vinculos in ("actividad_ejes_transversales_publicadas", "actividad_ods_publicadas", "reportes_publicados"):
            con.execute(f"delete from {vinculos} where actividad = ?", [id_])


def con_registros_sin_validar(origen: Path, destino: Path) -> Path:
    shutil.copy(origen, destino)
    con = duckdb.connect(str(destino))
    try:
        for tabla, id_, estado in SIN_VALIDAR:
            nunca_validado(con, tabla, id_, estado)
        con.execute("update capacitaciones_publicadas set titulo = ? where id = 1", [TITULO_HOSTIL])
        # A validated record whose text looks like a formula: CSV and XLSX must not run it.
        con.execute("update capacitaciones set titulo = ? where id = 1", [TITULO_HOSTIL])
        con.execute("checkpoint")
    finally:
        con.close()
    return destino
