"""Schema versions: a database built before versions existed migrates with every row kept; newer ones are refused.

The baseline database is built as main built it before the self-report issue: schema step 1 (the baseline,
frozen), the macros of that time (tests/fixtures/vistas_v1.sql, committed for this purpose) and the seed's CSVs.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from pizarras.arranque import migrar
from pizarras.base import esquema
from pizarras.base.esquema import EsquemaIncompatible, version_actual, version_de
from seed.build import TABLAS_CATALOGO, TABLAS_DATOS, construir
from tests.apoyo.base_v1 import construir_v1
from tests.apoyo.base_v4 import construir_v4


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


# ------------------------------------------------------------------------------------------------ published versions


def test_a_baseline_database_gets_a_published_version_of_each_validated_record_and_no_other(base_v1):
    migrar(base_v1)
    con = duckdb.connect(str(base_v1), read_only=True)
    try:
        for tabla, publicada in (("actividades", "actividades_publicadas"), ("compromisos", "compromisos_publicados"),
                                 ("capacitaciones", "capacitaciones_publicadas")):
            validadas = con.execute(f"select list(id order by id) from {tabla} where revision = 'validada'").fetchone()
            assert validadas == con.execute(f"select list(id order by id) from {publicada}").fetchone(), tabla
            columnas_trabajo = [c for (c,) in con.execute(
                f"select column_name from duckdb_columns() where table_name = '{tabla}' order by column_index").fetchall()]
            lista = ", ".join(columnas_trabajo)
            assert con.execute(f"select {lista} from {tabla} where revision = 'validada' except "
                               f"select {lista} from {publicada}").fetchall() == [], tabla
        # 9001 was 'pendiente' (sent, never validated): not public.
        assert con.execute("select count(*) from actividades_publicadas where id = 9001").fetchone()[0] == 0
        assert con.execute("select count(*) from auditoria").fetchone()[0] == 0  # nothing to recover, nothing audited
    finally:
        con.close()


@pytest.fixture()
def base_v4(tmp_path):
    ruta = tmp_path / "pizarras.duckdb"
    return ruta, construir_v4(ruta)


def test_a_database_of_schema_4_migrates_with_every_row_kept(base_v4):
    ruta, _ = base_v4
    con = duckdb.connect(str(ruta), read_only=True)
    tablas = [t for (t,) in con.execute("select table_name from duckdb_tables() where table_name <> 'esquema'").fetchall()]
    con.close()
    antes = {t: filas(ruta, t, columnas(ruta, t)) for t in tablas}
    columnas_v4 = {t: columnas(ruta, t) for t in tablas}

    resultado = migrar(ruta)

    assert (resultado.version_inicial, resultado.version_final) == (4, version_actual())
    for tabla in tablas:
        if tabla != "auditoria":
            assert filas(ruta, tabla, columnas_v4[tabla]) == antes[tabla], tabla
    # The audit trail keeps every row; the migration adds one per recovered publication.
    ahora = filas(ruta, "auditoria", columnas_v4["auditoria"])
    assert set(antes["auditoria"]) <= set(ahora) and len(ahora) == len(antes["auditoria"]) + 3


def _publicada(ruta, tabla, id_):
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        cursor = con.execute(f"select * from {tabla} where id = ?", [id_])
        fila = cursor.fetchone()
        return None if fila is None else dict(zip([d[0] for d in cursor.description], fila, strict=True))
    finally:
        con.close()


def test_records_an_edit_took_off_the_public_boards_get_their_last_validated_state_back(base_v4):
    ruta, casos = base_v4
    originales = casos["originales"]
    migrar(ruta)

    a = casos["editada_validada_editada"]  # validated at +10 % by admin.x, then edited again and observed
    publicada = _publicada(ruta, "actividades_publicadas", a)
    assert (publicada["avance"], publicada["titulo"]) == (originales[a]["avance"] + 10, originales[a]["titulo"])
    assert (publicada["validada_en"], publicada["validada_por"]) == (datetime(2026, 1, 6, 9, 0), "admin.x")
    assert publicada["revision"] == "validada" and publicada["observacion"] is None
    assert publicada["reportado_en"] == datetime(2026, 1, 5, 10, 0)  # the report it was validated with
    trabajo = _publicada(ruta, "actividades", a)
    assert (trabajo["avance"], trabajo["titulo"], trabajo["revision"]) == (
        originales[a]["avance"] + 20, "Título cambiado", "observada")

    b = casos["editada_sin_enviar"]  # the seed's version, never validated through the app
    publicada = _publicada(ruta, "actividades_publicadas", b)
    assert publicada["avance"] == originales[b]["avance"] and publicada["validada_por"] == "base"
    assert publicada["reportado_en"] == originales[b]["reportado_en"]

    c = casos["revalidada"]  # validated now: published as it is, with the validation's date and account
    publicada = _publicada(ruta, "actividades_publicadas", c)
    assert (publicada["avance"], publicada["validada_en"], publicada["validada_por"]) == (
        originales[c]["avance"] + 15, datetime(2026, 1, 9, 9, 0), "admin.x")

    assert _publicada(ruta, "actividades_publicadas", casos["nueva"]) is None  # never validated

    compromiso = _publicada(ruta, "compromisos_publicados", casos["compromiso"])
    assert (compromiso["estatus"], compromiso["avance"]) == casos["compromiso_antes"]

    con = duckdb.connect(str(ruta), read_only=True)
    try:
        # The public sees what it saw before the edits: each recovered record's reports up to the edit only.
        assert con.execute("select list(avance order by en) from reportes_publicados where actividad = ?",
                           [b]).fetchone()[0] == [originales[b]["avance"]]
        assert con.execute("select list(avance order by en) from reportes_publicados where actividad = ?",
                           [a]).fetchone()[0] == [originales[a]["avance"], originales[a]["avance"] + 10]
        recuperadas = con.execute("select tabla, cast(registro as integer) from auditoria where accion = 'publicar' "
                                  "order by all").fetchall()
        assert recuperadas == sorted([("actividades", a), ("actividades", b), ("compromisos", casos["compromiso"])])
        # The public figures: every activity validated before plus the two recovered ones.
        publicas = con.execute("select count(*) from actividades_filtradas(null, null, null, null, null, null, null, "
                               "null, true)").fetchone()[0]
        validadas = con.execute("select count(*) from actividades where revision = 'validada'").fetchone()[0]
        assert publicas == validadas + 2
    finally:
        con.close()


def _a_la_version_5(ruta: Path) -> None:
    """Apply step 5 to a database of schema 4, as the app of that time did (its macros are not needed here)."""
    con = duckdb.connect(str(ruta))
    try:
        con.execute("begin")
        paso = esquema.pasos()[4]
        paso.aplicar(con)
        con.execute("insert into esquema values (?, ?, current_timestamp::timestamp)", [paso.numero, paso.nombre])
        con.execute("commit")
        con.execute("checkpoint")
    finally:
        con.close()


def test_a_database_of_schema_5_gets_the_indicator_tables_with_every_row_kept(base_v4):
    ruta, _ = base_v4
    _a_la_version_5(ruta)
    con = duckdb.connect(str(ruta), read_only=True)
    tablas = [t for (t,) in con.execute("select table_name from duckdb_tables() where table_name <> 'esquema'").fetchall()]
    con.close()
    antes = {t: filas(ruta, t, columnas(ruta, t)) for t in tablas}

    resultado = migrar(ruta)

    assert (resultado.version_inicial, resultado.version_final) == (5, version_actual())
    for tabla in tablas:
        assert filas(ruta, tabla, columnas(ruta, tabla)) == antes[tabla], tabla
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        # It holds the demo activities, so it gets the demo indicator set, every sheet unverified and marked demo.
        assert con.execute("select count(*), count(*) filter (where es_demo and not verificado) "
                           "from indicadores").fetchone() == (16, 16)
        assert con.execute("select count(*) from mediciones_publicadas").fetchone()[0] > 0
        assert con.execute("select count(*) from mediciones_leidas(true)").fetchone()[0] == con.execute(
            "select count(*) from mediciones where revision = 'validada'").fetchone()[0]
    finally:
        con.close()


def test_a_database_without_demo_records_migrates_to_an_empty_indicator_catalogue(base_v4):
    ruta, _ = base_v4
    con = duckdb.connect(str(ruta))
    for tabla in ("actividad_ods", "actividad_ejes_transversales", "reportes_avance"):
        con.execute(f"delete from {tabla} where actividad in (select id from actividades where es_demo)")
    con.execute("delete from actividades where es_demo")
    con.close()

    migrar(ruta)

    con = duckdb.connect(str(ruta), read_only=True)
    try:
        assert con.execute("select count(*) from indicadores").fetchone()[0] == 0
    finally:
        con.close()
