"""A database exactly as main built it before schema versions (schema step 1, the macros of that time in
tests/fixtures/vistas_v1.sql and the seed's CSVs): what the migration tests start from."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pizarras.base import esquema
from pizarras.config import CARPETA_SEED
from seed.build import TABLAS_CATALOGO, TABLAS_DATOS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# The baseline called a report awaiting review 'pendiente'; the seed's CSVs now say 'enviada'.
_A_V1 = "case revision when 'enviada' then 'pendiente' else revision end"


def construir_v1(ruta: Path, con_registros_nuevos: bool = True) -> Path:
    """A database exactly as main built it before schema versions: baseline tables and macros, the seed's rows,
    and (unless told otherwise) rows added after the build: an activity with its links, a training, a commitment."""
    con = duckdb.connect(str(ruta))
    try:
        con.execute((esquema.CARPETA_MIGRACIONES / "001_base.sql").read_text(encoding="utf-8"))
        con.execute((FIXTURES / "vistas_v1.sql").read_text(encoding="utf-8"))
        for carpeta, tablas in (("catalogos", TABLAS_CATALOGO), ("datos", TABLAS_DATOS)):
            for tabla in tablas:
                tipos = {c: t for c, t, *_ in con.execute(f"describe {tabla}").fetchall()}
                seleccion = "* replace (" + _A_V1 + " as revision)" if tabla == "actividades" else "*"
                con.execute(
                    f"insert into {tabla} select {seleccion} "
                    "from read_csv($ruta, header = true, columns = $tipos, nullstr = '')",
                    {"ruta": str(CARPETA_SEED / carpeta / f"{tabla}.csv"), "tipos": tipos},
                )
        if con_registros_nuevos:
            _agregar_registros_nuevos(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return ruta


def _agregar_registros_nuevos(con: duckdb.DuckDBPyConnection) -> None:
    """Rows added to the old database after its build: they must survive the migration."""
    con.execute(
        "insert into actividades values (9001, 'ITEI', 'PROTAI', 'PROTAI-T3', 'Informe trimestral', null, "
        "'Informe', '2025-01-10', '2025-03-31', 'en_proceso', 40, 'https://itei.org.mx/informe', 2025, "
        "'enlace.itei', '2025-04-01 10:00:00', 'pendiente', false, 'Autorreporte')"
    )
    con.execute("insert into actividad_ods values (9001, 16)")
    con.execute("insert into actividad_ejes_transversales values (9001, 'PROTAI-X1')")
    con.execute(
        "insert into capacitaciones values (9001, 'Taller de datos', 'taller', 'ITEI', 'ITEI', '14', 'virtual', "
        "'Datos abiertos', null, '2025-02-01', '2025-02-01', 25, 15, 10, 4, 'Sujetos obligados', false, null)"
    )
    con.execute(
        "insert into compromisos values (9001, '14', 'Plan de prueba', 9, '2025-2026', 2025, 2026, "
        "'Compromiso de prueba', null, null, null, 16, false, 'en_proceso', null, 30, null, null, false, null)"
    )
