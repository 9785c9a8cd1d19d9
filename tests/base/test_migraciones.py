"""Schema versions: a database built before versions existed migrates with every row kept; newer ones are refused.

The baseline database is built as main built it before the self-report issue: schema step 1 (the baseline,
frozen), the macros of that time (tests/fixtures/vistas_v1.sql, committed for this purpose) and the seed's CSVs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pizarras.arranque import migrar
from pizarras.base import esquema
from pizarras.base.esquema import EsquemaIncompatible, version_actual, version_de
from seed.build import TABLAS_CATALOGO, TABLAS_DATOS, construir
from tests.apoyo.base_v1 import construir_v1


def filas(ruta: Path, tabla: str, columnas: list[str]) -> list[tuple]:
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        lista = ", ".join(columnas)
        return con.execute(f"select {lista} from {tabla} order by all").fetchall()
    finally:
        con.close()


def columnas(ruta: Path, tabla: str) -> list[str]:
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return [c for c, *_ in con.execute(f"describe {tabla}").fetchall()]
    finally:
        con.close()


@pytest.fixture()
def base_v1(tmp_path) -> Path:
    return construir_v1(tmp_path / "pizarras.duckdb")


def test_a_baseline_database_migrates_with_every_row_kept(base_v1):
    tablas = TABLAS_CATALOGO + TABLAS_DATOS
    antes = {t: filas(base_v1, t, columnas(base_v1, t)) for t in tablas}
    columnas_v1 = {t: columnas(base_v1, t) for t in tablas}
    original = base_v1.read_bytes()

    resultado = migrar(base_v1)

    assert (resultado.version_inicial, resultado.version_final) == (1, version_actual())
    for tabla in tablas:
        despues = filas(base_v1, tabla, columnas_v1[tabla])
        if tabla == "actividades":  # the one renamed state
            i = columnas_v1[tabla].index("revision")
            despues = sorted(f[:i] + ("pendiente" if f[i] == "enviada" else f[i],) + f[i + 1:] for f in despues)
        assert despues == antes[tabla], tabla
    # The copy beside the database is the original file, named with both versions.
    assert resultado.respaldo.parent == base_v1.parent and "v1-a-v" in resultado.respaldo.name
    assert resultado.respaldo.read_bytes() == original
    con = duckdb.connect(str(base_v1), read_only=True)
    try:
        assert version_de(con) == version_actual()
        # The current macros replaced the baseline's (one more argument: the review rule).
        publicas = con.execute(
            "select count(*) from actividades_filtradas(null, null, null, null, null, null, null, null, true)"
        ).fetchone()[0]
        todas = con.execute(
            "select count(*) from actividades_filtradas(null, null, null, null, null, null, null, null, false)"
        ).fetchone()[0]
        assert todas == len(antes["actividades"]) and 0 < publicas < todas
        # Each activity's current progress is its first report.
        assert con.execute("select count(*) from reportes_avance").fetchone()[0] == todas
        assert con.execute("select revision, version from actividades where id = 9001").fetchone() == ("enviada", 1)
    finally:
        con.close()


def test_a_migrated_database_matches_a_fresh_build(base_v1, tmp_path):
    migrar(base_v1)
    nueva = construir(tmp_path / "nueva.duckdb")
    con = duckdb.connect(str(nueva), read_only=True)
    try:
        tablas_nuevas = sorted(t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall())
    finally:
        con.close()
    for tabla in tablas_nuevas:
        assert columnas(base_v1, tabla) == columnas(nueva, tabla), tabla


def test_a_migrated_database_gets_the_default_presentations_a_fresh_build_has(base_v1, tmp_path):
    migrar(base_v1)
    nueva = construir(tmp_path / "nueva.duckdb")

    for tabla, columnas_comparadas in (("presentaciones", ["clave", "titulo", "descripcion", "intervalo", "creada_por"]),
                                       ("diapositivas", ["presentacion", "posicion", "vista", "titulo", "filtros"])):
        migradas = filas(base_v1, tabla, columnas_comparadas)
        assert migradas and migradas == filas(nueva, tabla, columnas_comparadas), tabla


def test_migrating_twice_changes_nothing(base_v1):
    migrar(base_v1)
    segunda = migrar(base_v1)
    assert segunda.respaldo is None and not segunda.macros_reinstaladas
    assert segunda.version_inicial == segunda.version_final == version_actual()


def test_a_database_newer_than_the_code_is_refused_untouched(base_v1):
    migrar(base_v1)
    con = duckdb.connect(str(base_v1))
    con.execute("insert into esquema values (99, 'del_futuro', current_timestamp::timestamp)")
    con.execute("checkpoint")
    con.close()
    antes = base_v1.read_bytes()
    with pytest.raises(EsquemaIncompatible, match="versión 99"):
        migrar(base_v1)
    assert base_v1.read_bytes() == antes


def test_a_failing_step_leaves_the_original_file_untouched(base_v1, tmp_path, monkeypatch):
    pasos = tmp_path / "pasos"
    shutil.copytree(esquema.CARPETA_MIGRACIONES, pasos)
    siguiente = version_actual() + 1
    # Half of the step works, then a statement fails: nothing of it may stay.
    (pasos / f"{siguiente:03d}_roto.sql").write_text(
        "create table a_medias (x integer); insert into actividades (id) values (1);", encoding="utf-8"
    )
    monkeypatch.setattr(esquema, "CARPETA_MIGRACIONES", pasos)
    antes = base_v1.read_bytes()
    with pytest.raises(duckdb.Error):
        migrar(base_v1)
    assert base_v1.read_bytes() == antes
    restos = sorted(p.name for p in base_v1.parent.iterdir() if p.is_file())
    assert [r for r in restos if "migrando" in r] == []
