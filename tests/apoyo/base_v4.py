"""A database as main built and wrote it before published versions (schema step 4, main at 1869815): the frozen
steps 1-4, the macros of that time (tests/fixtures/vistas_v4.sql), the seed's CSVs, and the rows and audit trail
its self-report code wrote for a few edits (the JSON exactly as that code wrote it, recorded from a run of it).

What the migration must do with each, by hand:
- EDITADA_VALIDADA_EDITADA: validated (seed) → +10 % sent → validated by admin.x on 06/01/2026 09:00 → +20 % and a
  new title, sent → observed. Published: the +10 % version, its title, validated by admin.x then.
- EDITADA_SIN_ENVIAR: validated (seed) → +5 % saved as a draft. Published: the seed's version, by 'base'.
- REVALIDADA: validated (seed) → +15 % sent → validated by admin.x on 09/01/2026. Published as it is now.
- NUEVA: created by an enlace and sent, never validated. Not published.
- COMPROMISO: a validated commitment (seed) whose status and progress an enlace changed and sent. Published: the
  seed's values.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb

from pizarras.base import esquema
from pizarras.config import CARPETA_SEED
from seed.build import TABLAS_CATALOGO, TABLAS_DATOS
from tests.apoyo.base_v1 import FIXTURES

ENLACE, ADMIN = "enlace.itei", "admin.x"
NUEVA = 9101


def _json(valor: dict) -> str:
    return json.dumps(valor, ensure_ascii=False, sort_keys=True)


def construir_v4(ruta: Path) -> dict:
    """Build it at `ruta`; returns the ids of the records above and their values before the edits."""
    con = duckdb.connect(str(ruta))
    try:
        for paso in esquema.pasos()[:4]:
            con.execute(paso.sql())
            con.execute("create table if not exists esquema (version integer primary key, nombre varchar not null, "
                        "aplicado_en timestamp not null)")
            con.execute("insert into esquema values (?, ?, current_timestamp::timestamp)", [paso.numero, paso.nombre])
        con.execute((FIXTURES / "vistas_v4.sql").read_text(encoding="utf-8"))
        for carpeta, tablas in (("catalogos", TABLAS_CATALOGO), ("datos", TABLAS_DATOS)):
            for tabla in tablas:
                ruta_csv = CARPETA_SEED / carpeta / f"{tabla}.csv"
                columnas = con.execute("select * from read_csv($r, header = true, nullstr = '') limit 0",
                                       {"r": str(ruta_csv)}).description
                nombres = [c[0] for c in columnas]
                tipos = {c: t for c, t, *_ in con.execute(f"describe {tabla}").fetchall() if c in nombres}
                con.execute(f"insert into {tabla} ({', '.join(nombres)}) select * from read_csv($r, header = true, "
                            "columns = $tipos, nullstr = '')", {"r": str(ruta_csv), "tipos": tipos})
        con.execute("insert into reportes_avance select id, reportado_en, avance, estatus, reportado_por "
                    "from actividades")
        casos = _editar(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return casos


def _auditar(con, en, usuario, accion, tabla, registro, antes, despues, detalle=None) -> None:
    con.execute("insert into auditoria (en, usuario, accion, tabla, registro, antes, despues, detalle) "
                "values (?, ?, ?, ?, ?, ?, ?, ?)",
                [en, usuario, accion, tabla, str(registro), _json(antes), _json(despues), detalle])


def _actualizar(con, id_, en, cambios: dict, revision="borrador") -> None:
    """What main's actualizar_actividad wrote: the columns, reported now by the enlace, back to draft, version + 1,
    a report when progress or status moved, and the audit row of the changed fields."""
    antes = dict(zip(["avance", "estatus", "titulo", "revision"], con.execute(
        "select avance, estatus, titulo, revision from actividades where id = ?", [id_]).fetchone(), strict=True))
    asignaciones = ", ".join(f"{c} = ?" for c in cambios)
    con.execute(f"update actividades set {asignaciones}, reportado_por = ?, reportado_en = ?, revision = ?, "
                "version = version + 1 where id = ?", [*cambios.values(), ENLACE, en, revision, id_])
    if "avance" in cambios or "estatus" in cambios:
        fila = con.execute("select avance, estatus from actividades where id = ?", [id_]).fetchone()
        con.execute("insert into reportes_avance values (?, ?, ?, ?, ?)", [id_, en, *fila, ENLACE])
    _auditar(con, en, ENLACE, "actualizar", "actividades", id_,
             {c: antes[c] for c in cambios} | {"revision": antes["revision"]},
             cambios | {"revision": "borrador"})


def _mover(con, tabla, id_, en, usuario, accion, desde, hacia, comentario=None) -> None:
    con.execute(f"update {tabla} set revision = ?, observacion = ?, version = version + 1 where id = ?",
                [hacia, comentario if accion == "observar" else None, id_])
    _auditar(con, en, usuario, accion, tabla, id_, {"revision": desde}, {"revision": hacia}, comentario)


def _editar(con) -> dict:
    ids = [i for (i,) in con.execute("select id from actividades where revision = 'validada' and estatus = "
                                     "'en_proceso' and avance <= 60 order by id limit 3").fetchall()]
    originales = {i: dict(zip(["avance", "titulo", "reportado_en"], con.execute(
        "select avance, titulo, reportado_en from actividades where id = ?", [i]).fetchone(), strict=True))
        for i in ids}
    a, b, c = ids
    _actualizar(con, a, datetime(2026, 1, 5, 10, 0), {"avance": originales[a]["avance"] + 10})
    _mover(con, "actividades", a, datetime(2026, 1, 5, 10, 0), ENLACE, "enviar", "borrador", "enviada")
    _mover(con, "actividades", a, datetime(2026, 1, 6, 9, 0), ADMIN, "validar", "enviada", "validada")
    _actualizar(con, a, datetime(2026, 1, 7, 10, 0), {"avance": originales[a]["avance"] + 20,
                                                      "titulo": "Título cambiado"})
    _mover(con, "actividades", a, datetime(2026, 1, 7, 10, 0), ENLACE, "enviar", "borrador", "enviada")
    _mover(con, "actividades", a, datetime(2026, 1, 8, 9, 0), ADMIN, "observar", "enviada", "observada",
           "Falta la evidencia")

    _actualizar(con, b, datetime(2026, 1, 5, 11, 0), {"avance": originales[b]["avance"] + 5})

    _actualizar(con, c, datetime(2026, 1, 5, 12, 0), {"avance": originales[c]["avance"] + 15})
    _mover(con, "actividades", c, datetime(2026, 1, 5, 12, 0), ENLACE, "enviar", "borrador", "enviada")
    _mover(con, "actividades", c, datetime(2026, 1, 9, 9, 0), ADMIN, "validar", "enviada", "validada")

    con.execute(
        "insert into actividades (id, organismo, programa, eje, titulo, tipo, estatus, avance, periodo, "
        "reportado_por, reportado_en, revision, es_demo, fuente) values (?, 'ITEI', 'PROTAI', 'PROTAI-T3', "
        "'Nueva del enlace', 'Informe', 'programada', 0, 2026, ?, ?, 'borrador', false, 'Autorreporte')",
        [NUEVA, ENLACE, datetime(2026, 1, 5, 13, 0)])
    con.execute("insert into reportes_avance values (?, ?, 0, 'programada', ?)",
                [NUEVA, datetime(2026, 1, 5, 13, 0), ENLACE])
    con.execute("insert into auditoria (en, usuario, accion, tabla, registro, despues) values (?, ?, 'crear', "
                "'actividades', ?, ?)", [datetime(2026, 1, 5, 13, 0), ENLACE, str(NUEVA),
                                         _json({"titulo": "Nueva del enlace", "avance": 0})])
    _mover(con, "actividades", NUEVA, datetime(2026, 1, 5, 13, 0), ENLACE, "enviar", "borrador", "enviada")

    compromiso, estatus, avance = con.execute(
        "select id, estatus, avance from compromisos where revision = 'validada' and avance is not null "
        "and avance < 90 order by id limit 1").fetchone()
    con.execute("update compromisos set estatus = 'en_proceso', avance = ?, revision = 'borrador', "
                "version = version + 1 where id = ?", [avance + 10, compromiso])
    _auditar(con, datetime(2026, 1, 5, 14, 0), ENLACE, "actualizar", "compromisos", compromiso,
             {"avance": avance, "estatus": estatus, "revision": "validada"},
             {"avance": avance + 10, "estatus": "en_proceso", "revision": "borrador"})
    _mover(con, "compromisos", compromiso, datetime(2026, 1, 5, 14, 0), ENLACE, "enviar", "borrador", "enviada")
    return {"editada_validada_editada": a, "editada_sin_enviar": b, "revalidada": c, "nueva": NUEVA,
            "compromiso": compromiso, "compromiso_antes": (estatus, avance), "originales": originales}
