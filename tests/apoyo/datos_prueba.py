"""The small fixture database: real catalogs plus a handful of hand-written facts whose aggregates are known.

Known answers (cut-off date HOY = 2025-06-01) are written next to the rows so a reader can check them by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from seed.build import cerrar_carga, crear_esquema_y_catalogos
from seed.generate_demo import columnas_de_tabla

HOY = date(2025, 6, 1)
# The baseline's columns (schema step 1), as the seed's CSVs have them: columns added later take their defaults.
COLUMNAS = {t: ", ".join(columnas_de_tabla(t)) for t in ("actividades", "compromisos", "capacitaciones")}

# id, organismo, programa, eje, estatus, avance, periodo, fecha_fin, reportado_en, es_demo
ACTIVIDADES = [
    (1, "ITEI", "PROTAI", "PROTAI-T3", "concluida", 100, 2023, "2023-06-30", "2023-07-01 10:00:00", True),
    (2, "ITEI", "PRONADATOS", "PRONADATOS-T1", "en_proceso", 50, 2024, "2024-12-31", "2024-11-15 09:00:00", True),
    (3, "IDAIP", "PROTAI", "PROTAI-T1", "programada", 0, 2025, "2025-12-31", "2025-02-01 12:00:00", True),
    (4, "IDAIP", "PROTAI", "PROTAI-T3", "cancelada", 20, 2024, "2024-03-01", "2024-04-01 08:30:00", True),
    (5, "INAI", "PROTAI", "PROTAI-T9", "en_proceso", 70, 2025, "2025-03-31", "2025-04-02 16:45:00", True),
    (6, "IVAI", "PT-CGAYTP", "PT-CGAYTP-T1", "concluida", 100, 2022, "2022-11-30", "2022-12-05 11:00:00", False),
]
TRANSVERSALES = [(1, "PROTAI-X1"), (4, "PROTAI-X1"), (4, "PROTAI-X2")]
ODS_ACTIVIDAD = [(1, 16), (2, 5), (5, 16), (5, 17)]

# id, entidad, plan, numero, anio_inicio, anio_fin, ods, estatus, avance, es_demo
COMPROMISOS = [
    (1, "14", "Plan A de Jalisco", 1, 2016, 2018, 16, "concluida", 100, False),
    (2, "14", "Plan B de Jalisco", 2, 2019, 2021, None, "en_proceso", 40, True),
    (3, "10", "Plan de Durango", 1, 2015, 2016, 5, "en_proceso", None, False),
]

# id, organismo, entidad, eje, fecha_inicio, participantes, mujeres, hombres, es_demo
CAPACITACIONES = [
    (1, "ITEI", "14", "PROTAI-T6", "2023-05-10", 100, 60, 40, False),
    (2, None, "00", None, "2020-09-14", 410, None, None, False),
    (3, "IDAIP", "10", "PRONADATOS-T3", "2024-02-01", 30, 18, 12, True),
]

# entidad, sector, sexo, personas
STL = [("14", "publico", "hombre", 5), ("14", "sociedad_civil", "mujer", 3), ("10", "academia", "mujer", 2)]

# Known answers with no filter.
TOTAL_ACTIVIDADES = 6
AVANCE_PROMEDIO = 64.0  # (100 + 50 + 0 + 70 + 100) / 5: cancelled activities do not count
VENCIDAS = 2  # activities 2 and 5
TOTAL_PARTICIPANTES = 540


def llenar(con: duckdb.DuckDBPyConnection) -> None:
    crear_esquema_y_catalogos(con)
    for (i, org, prog, eje, est, av, per, fin, rep, demo) in ACTIVIDADES:
        con.execute(
            f"insert into actividades ({COLUMNAS['actividades']}) values ("
            "?, ?, ?, ?, ?, 'Descripción', 'Capacitación', ?, ?, ?, ?, null, ?, "
            "'enlace@prueba', ?, 'validada', ?, 'prueba')",
            [i, org, prog, eje, f"Actividad {i}", f"{per}-01-01", fin, est, av, per, rep, demo],
        )
    con.executemany("insert into actividad_ejes_transversales values (?, ?)", TRANSVERSALES)
    con.executemany("insert into actividad_ods values (?, ?)", ODS_ACTIVIDAD)
    for (i, ent, plan, num, ini, fin, ods, est, av, demo) in COMPROMISOS:
        con.execute(
            f"insert into compromisos ({COLUMNAS['compromisos']}) values ("
            "?, ?, ?, ?, ?, ?, ?, ?, 'Problema', 'Área', null, ?, ?, ?, null, ?, "
            "null, null, ?, null)",
            [i, ent, plan, num, f"{ini}-{fin}", ini, fin, f"Compromiso {i}", ods, ods is not None, est, av, demo],
        )
    for (i, org, ent, eje, inicio, part, muj, hom, demo) in CAPACITACIONES:
        con.execute(
            f"insert into capacitaciones ({COLUMNAS['capacitaciones']}) values ("
            "?, ?, 'taller', ?, 'Organizador', ?, 'virtual', 'Tema', ?, ?, ?, "
            "?, ?, ?, null, 'Sujetos obligados', ?, null)",
            [i, f"Capacitación {i}", org, ent, eje, inicio, inicio, part, muj, hom, demo],
        )
    con.executemany("insert into stl_integrantes values (?, ?, ?, ?, true, 'prueba')", STL)
    cerrar_carga(con)


def construir_pequena(ruta: Path) -> Path:
    con = duckdb.connect(str(ruta))
    try:
        llenar(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return ruta


def con_presentaciones(ruta: Path) -> Path:
    """The database at `ruta` plus the seed's default decks (what a fresh build loads)."""
    from pizarras.publicacion.presentaciones import cargar_predeterminadas

    con = duckdb.connect(str(ruta))
    try:
        con.execute("begin")
        cargar_predeterminadas(con)
        con.execute("commit")
        con.execute("checkpoint")
    finally:
        con.close()
    return ruta
