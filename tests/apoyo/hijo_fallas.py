"""Child process for the fault tests: it reports each step on stdout, one word a line, so the parent can act on it.

    python tests/apoyo/hijo_fallas.py retener RUTA            open RUTA, say "abierta", hold it until stdin closes
    python tests/apoyo/hijo_fallas.py escribir RUTA MODO      commit one activity, then start a large write transaction
                                                         and block forever at the point MODO names:
        en_curso    inside the bulk insert, while it is still running (a UDF blocks on a row past 300 000)
        sin_commit  after the bulk insert (activities and their ODS), an update and a delete, before commit

The parent kills the child with SIGKILL at the reported point; the child never commits the large transaction.
"""

from __future__ import annotations

import sys
import threading

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

# Synthetic activities: ids from here on, never used by the fixture or the seed.
PRIMER_ID = 1_000_000
FILAS = 500_000
FILA_DE_BLOQUEO = 300_000
ID_CONFIRMADO = 999_999


def avisar(palabra: str) -> None:
    sys.stdout.write(palabra + "\n")
    sys.stdout.flush()


def bloquear() -> None:
    # Nothing ever sets it: the process stays here until the parent kills it.
    threading.Event().wait()


def insertar_actividades(con: duckdb.DuckDBPyConnection, desde: int, hasta: int, columna_id: str = "i") -> None:
    """Insert synthetic activities with ids `desde`..`hasta`-1 that satisfy every constraint of the schema."""
    con.execute(
        f"""
        insert into actividades (id, organismo, programa, eje, titulo, descripcion, tipo, fecha_inicio, fecha_fin,
                                 estatus, avance, evidencia_url, periodo, reportado_por, reportado_en, revision,
                                 es_demo, fuente)
        select {columna_id}, 'ITEI', 'PROTAI', 'PROTAI-T1', 'Actividad sintética ' || i, null, 'Capacitación',
               date '2025-01-01', date '2025-12-31', 'en_proceso', (i % 101)::integer, null, 2025,
               'prueba@fallas', timestamp '2025-05-01 10:00:00', 'enviada', true, 'prueba de fallas'
        from range($desde, $hasta) r(i)
        """,
        {"desde": desde, "hasta": hasta},
    )


def insertar_ods(con: duckdb.DuckDBPyConnection, desde: int, hasta: int) -> None:
    """Align activities `desde`..`hasta`-1 with ODS 16."""
    con.execute("insert into actividad_ods select i, 16 from range($d, $h) r(i)", {"d": desde, "h": hasta})


def escribir(ruta: str, modo: str) -> None:
    con = duckdb.connect(ruta)
    con.execute("set threads = 1")  # one pipeline thread: the blocking row is reached after the earlier ones
    # A memory limit makes DuckDB write the uncommitted row groups into the database file before commit: the kill
    # then interrupts a transaction that has already changed the file, the hard case for recovery.
    con.execute("set memory_limit = '128MB'")

    # A committed write just before the crash: it must survive (WAL replay).
    insertar_actividades(con, ID_CONFIRMADO, ID_CONFIRMADO + 1)
    avisar("confirmada")

    con.execute("begin")
    if modo == "en_curso":

        def marca(ids: pa.Array) -> pa.Array:
            if pc.max(ids).as_py() >= PRIMER_ID + FILA_DE_BLOQUEO:
                avisar("en_curso")
                bloquear()
            return ids

        con.create_function("marca", marca, ["BIGINT"], "BIGINT", type="arrow")
        insertar_actividades(con, PRIMER_ID, PRIMER_ID + FILAS, columna_id="marca(i)")
        raise AssertionError("unreachable: the insert blocks inside marca()")

    insertar_actividades(con, PRIMER_ID, PRIMER_ID + FILAS)
    insertar_ods(con, PRIMER_ID, PRIMER_ID + FILAS)
    con.execute("update actividades set avance = 0, titulo = 'Sobrescrito' where id < $a", {"a": PRIMER_ID})
    con.execute("delete from stl_integrantes")
    avisar("sin_commit")
    bloquear()


def retener(ruta: str) -> None:
    con = duckdb.connect(ruta)
    avisar("abierta")
    sys.stdin.read()  # returns when the parent closes our stdin
    con.close()


if __name__ == "__main__":
    orden, *argumentos = sys.argv[1:]
    {"escribir": escribir, "retener": retener}[orden](*argumentos)
