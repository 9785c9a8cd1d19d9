"""Faults under a live audience: a writer killed mid-transaction, readers racing writers, a file held elsewhere.

No sleeps: every step waits on an event (a word from a child process on a pipe, a reader's progress counter) with
a deadline, so the interleavings the assertions need always happen and a hang fails instead of blocking.
"""

from __future__ import annotations

import signal
import threading

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from pizarras.base.consultas import cargar, ejecutar
from pizarras.lectura.filtros import Filtros, parametros_para
from pizarras.ui import datos
from tests.apoyo.comparar import contenido, contenido_de, huella_archivo
from tests.apoyo.datos_prueba import HOY, TOTAL_ACTIVIDADES, construir_pequena
from tests.apoyo.hijo_fallas import FILAS, ID_CONFIRMADO, PRIMER_ID, insertar_actividades, insertar_ods
from tests.apoyo.paginas import APP, metrica
from tests.apoyo.procesos import LIMITE, Hijo, retenida

# --- SIGKILL in the middle of a large write transaction -------------------------------------------------------


@pytest.mark.parametrize("modo", ["en_curso", "sin_commit"])
def test_a_writer_killed_mid_transaction_leaves_only_committed_rows(modo, tmp_path):
    ruta = construir_pequena(tmp_path / "pizarras.duckdb")
    antes = contenido_de(ruta)

    with Hijo("escribir", str(ruta), modo) as hijo:
        hijo.esperar("confirmada")  # one activity committed (so far only in the WAL)
        confirmada = huella_archivo(ruta, con_wal=False)
        hijo.esperar(modo)  # 500 000 activities inserted (or being inserted), not committed
        # The uncommitted row groups have already been written into the database file (see hijo_fallas.py).
        assert huella_archivo(ruta, con_wal=False) != confirmada
        hijo.matar()
    assert hijo.proceso.returncode == -signal.SIGKILL

    con = duckdb.connect(str(ruta))  # restart, read-write as the app opens it
    try:
        despues = contenido(con)
        actividades = despues["filas"].pop("actividades")
        esperadas = antes["filas"].pop("actividades")
        assert [f for f in actividades if f[0] != ID_CONFIRMADO] == esperadas  # earlier rows intact, none added
        assert [f[0] for f in actividades if f[0] == ID_CONFIRMADO] == [ID_CONFIRMADO]  # the commit survived
        assert despues == antes  # every other table row for row, and columns, constraints, macros

        # No ghost keys: the interrupted ids can be inserted and committed again.
        con.execute("begin")
        insertar_actividades(con, PRIMER_ID, PRIMER_ID + FILAS)
        con.execute("commit")
        con.execute("checkpoint")
    finally:
        con.close()
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        assert con.execute("select count(*) from actividades").fetchone()[0] == TOTAL_ACTIVIDADES + 1 + FILAS
    finally:
        con.close()


# --- Readers on threads while one writer commits and another rolls back ---------------------------------------

LECTORES = 4
RONDAS = 6
LOTE = 10  # activities the writer commits per round
DESCARTADAS = 7  # activities the other writer inserts and rolls back, per round
ID_ESCRITOR = 2_000_000
ID_DESCARTADO = 3_000_000
AVANCE_ORIGINAL = 340  # sum of avance over the six fixture activities (tests/apoyo/datos_prueba.py)

LECTURA = f"""
select
    (select count(*) from actividades),
    (select count(*) from actividades where id >= {ID_ESCRITOR} and id < {ID_DESCARTADO}),
    (select count(*) from actividad_ods where actividad >= {ID_ESCRITOR} and actividad < {ID_DESCARTADO}),
    (select count(*) from actividades where id >= {ID_DESCARTADO}),
    (select sum(avance) from actividades where id <= {TOTAL_ACTIVIDADES})
"""


def test_readers_on_threads_see_only_committed_states(tmp_path):
    ruta = construir_pequena(tmp_path / "pizarras.duckdb")
    con = duckdb.connect(str(ruta))  # the app's pattern: one connection per process, a cursor per thread
    comprometidos = {TOTAL_ACTIVIDADES + r * LOTE for r in range(RONDAS + 1)}
    kpi = cargar("tableros/kpi_actividades")
    parametros_kpi = parametros_para(kpi.parametros, Filtros(), hoy=HOY)

    errores: list[str] = []
    vistos = [set() for _ in range(LECTORES)]
    lecturas = [0] * LECTORES
    progreso = threading.Condition()
    detener = threading.Event()

    def leer(i: int) -> None:
        try:
            cursor = con.cursor()
            while not detener.is_set():
                total, escritas, ods_escritas, descartadas, avance = cursor.execute(LECTURA).fetchone()
                if total not in comprometidos:
                    errores.append(f"lector {i}: {total} actividades, que no es un estado confirmado")
                if escritas != total - TOTAL_ACTIVIDADES or ods_escritas != escritas:
                    errores.append(f"lector {i}: instantánea incoherente {total, escritas, ods_escritas}")
                if descartadas or avance != AVANCE_ORIGINAL:
                    errores.append(f"lector {i}: vio cambios revertidos ({descartadas} filas, avance {avance})")
                por_consulta = int(ejecutar(con, "tableros/kpi_actividades", parametros_kpi)["actividades"].iloc[0])
                if por_consulta not in comprometidos:
                    errores.append(f"lector {i}: kpi_actividades dio {por_consulta}")
                vistos[i].add(total)
                with progreso:
                    lecturas[i] += 1
                    progreso.notify_all()
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            errores.append(f"lector {i}: {type(error).__name__}: {error}")
            with progreso:
                progreso.notify_all()

    def esperar_lecturas() -> None:
        """Every reader finishes two more reads: at least one of them starts after this call."""
        with progreso:
            meta = [n + 2 for n in lecturas]
            listo = progreso.wait_for(
                lambda: errores or all(n >= m for n, m in zip(lecturas, meta, strict=True)), timeout=LIMITE
            )
        if errores:
            raise RuntimeError("un lector falló")
        if not listo:
            raise TimeoutError(f"los lectores no avanzaron: {lecturas}")

    def escribir() -> None:
        try:
            cursor = con.cursor()
            for r in range(RONDAS):
                desde = ID_ESCRITOR + r * LOTE
                cursor.execute("begin")
                insertar_actividades(cursor, desde, desde + LOTE)
                insertar_ods(cursor, desde, desde + LOTE)
                esperar_lecturas()  # readers run while the transaction is open ...
                cursor.execute("commit")
                esperar_lecturas()  # ... and after it commits
        except Exception as error:  # noqa: BLE001
            errores.append(f"escritor: {type(error).__name__}: {error}")

    def descartar() -> None:
        try:
            cursor = con.cursor()
            for r in range(RONDAS):
                desde = ID_DESCARTADO + r * DESCARTADAS
                cursor.execute("begin")
                insertar_actividades(cursor, desde, desde + DESCARTADAS)
                cursor.execute(f"update actividades set avance = 1 where id <= {TOTAL_ACTIVIDADES}")
                esperar_lecturas()  # readers run while these changes exist, uncommitted
                cursor.execute("rollback")
        except Exception as error:  # noqa: BLE001
            errores.append(f"revertidor: {type(error).__name__}: {error}")

    lectores = [threading.Thread(target=leer, args=(i,), daemon=True) for i in range(LECTORES)]
    escritores = [threading.Thread(target=escribir, daemon=True), threading.Thread(target=descartar, daemon=True)]
    try:
        for hilo in lectores + escritores:
            hilo.start()
        for hilo in escritores:
            hilo.join(timeout=LIMITE)
    finally:
        detener.set()
        for hilo in lectores:
            hilo.join(timeout=LIMITE)
    assert not any(h.is_alive() for h in lectores + escritores), "un hilo no terminó a tiempo"
    assert errores == []
    # Each reader read between every pair of commits, so it saw every committed state, and only those.
    assert all(v == comprometidos for v in vistos), vistos
    total, escritas, _, descartadas, avance = con.execute(LECTURA).fetchone()
    assert (total, escritas, descartadas, avance) == (max(comprometidos), RONDAS * LOTE, 0, AVANCE_ORIGINAL)
    con.close()


# --- The database file held by another process ----------------------------------------------------------------


def test_the_app_explains_in_spanish_when_another_process_holds_the_database(tmp_path, monkeypatch):
    ruta = construir_pequena(tmp_path / "ocupada.duckdb")  # a path no cached connection points to yet
    monkeypatch.setenv("PIZARRAS_DB", str(ruta))
    try:
        with retenida(ruta):
            at = AppTest.from_file(APP, default_timeout=30).run()
            assert not at.exception
            errores = [e.value for e in at.error]
            assert len(errores) == 1
            assert "está abierta por otro proceso" in errores[0]
            assert "Cierre ese proceso y recargue la página" in errores[0]
            assert not at.metric  # the frame stops: no board is drawn on a missing connection

        # The failure is not cached: once the other process lets go, a reload shows the board.
        at = AppTest.from_file(APP, default_timeout=30).run()
        assert not at.exception and not at.error
        assert metrica(at, "Actividades") == str(TOTAL_ACTIVIDADES)
    finally:
        datos._conexion.clear()  # drop the cached connection that holds this temporary file
        st.cache_data.clear()
