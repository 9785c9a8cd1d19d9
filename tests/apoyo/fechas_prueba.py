"""The fixture database with known validation dates: a build validates commitments and trainings when it runs (their
sources carry no review date), so tests that read «Datos validados al …» give each one its own date first.

Activities are validated when they were reported (tests/apoyo/datos_prueba.py): 1 ITEI 2023-07-01, 2 ITEI 2024-11-15,
3 IDAIP 2025-02-01, 4 IDAIP 2024-04-01, 5 INAI 2025-04-02 (federal: not on the map), 6 IVAI 2022-12-05.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb

# Commitments: 1 and 2 are Jalisco's (ITEI's entidad), 3 Durango's. Trainings: 1 by ITEI (Jalisco), 2 national
# (no organiser of the SNT), 3 by IDAIP (Durango).
COMPROMISOS = {1: datetime(2025, 5, 10, 9, 0), 2: datetime(2025, 5, 20, 13, 15), 3: datetime(2024, 1, 15, 8, 0)}
CAPACITACIONES = {1: datetime(2025, 3, 1, 10, 0), 2: datetime(2024, 6, 30, 12, 0), 3: datetime(2025, 5, 25, 17, 40)}

# Known answers.
NACIONAL = "Datos validados al 25/05/2025"  # training 3, the newest of the three kinds
ACTIVIDADES = "Datos validados al 02/04/2025"  # activity 5 (INAI): a slide of activities only
MAPA_ACTIVIDADES = "Datos validados al 01/02/2025"  # activity 3: INAI is federal and off the map
COMPROMISOS_TODOS = "Datos validados al 20/05/2025"  # commitment 2


def fijar(con: duckdb.DuckDBPyConnection) -> None:
    for tabla, fechas in (("compromisos_publicados", COMPROMISOS), ("capacitaciones_publicadas", CAPACITACIONES)):
        for id_, en in fechas.items():
            con.execute(f"update {tabla} set validada_en = ? where id = ?", [en, id_])


def copia_con_fechas(origen: Path, destino: Path) -> Path:
    shutil.copy(origen, destino)
    con = duckdb.connect(str(destino))
    try:
        fijar(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return destino
