"""The fixture database with a few records not validated (every fixture record is validated), for the internal
view's banner: what an admin or evaluador counts beyond the public, with answers worked out by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.apoyo.publico_prueba import nunca_validado

# table -> {id: review state}. Activities 2 (ITEI, en proceso, 50 %) and 5 (INAI, en proceso, 70 %); commitment 2
# (Jalisco, en proceso, 40 %); training 3 (IDAIP, 30 participants).
SIN_VALIDAR = {
    "actividades": {2: "borrador", 5: "enviada"},
    "compromisos": {2: "observada"},
    "capacitaciones": {3: "borrador"},
}
# The national board's figures with no filter, for everyone and for the public (validated only).
ACTIVIDADES = {"interna": "6", "publica": "4"}
AVANCE = {"interna": "64.0 %", "publica": "66.7 %"}  # (100+50+0+70+100)/5 and (100+0+100)/3: cancelled left out
AVISO_NACIONAL = ("Incluye borradores y registros sin validar (4: 2 actividades, 1 compromiso y 1 capacitación). "
                  "El público ve solo lo validado.")


def marcar(con: duckdb.DuckDBPyConnection) -> None:
    for tabla, estados in SIN_VALIDAR.items():
        for id_, revision in estados.items():
            nunca_validado(con, tabla, id_, revision)


def copia_con_sin_validar(origen: Path, destino: Path) -> Path:
    shutil.copy(origen, destino)
    con = duckdb.connect(str(destino))
    try:
        marcar(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return destino
