"""Step 5, its Python half (after 005_publicadas.sql, in the same transaction): fill the published versions.

A validated record becomes its own published version. A record that is not validated now, but whose last
validated state the audit trail holds, gets that state back as its published version: the edit that took it off
the public boards is undone on a copy, field by field, walking the trail from the newest row back to the last
point where the record was validated. Any other record stays unpublished. Frozen, like the SQL half: it uses no
application code, only the tables as this step leaves them.
"""

from __future__ import annotations

import json

# table → (published table, the expression that says when its content last changed)
_TABLAS = {
    "actividades": ("actividades_publicadas", "t.reportado_en"),
    "compromisos": ("compromisos_publicados", "null::timestamp"),
    "capacitaciones": ("capacitaciones_publicadas", "null::timestamp"),
}
# Audit actions that changed a record's content (their `antes` holds the fields as they were).
_CAMBIOS = ("actualizar",)
_SOLO_REVISION = ("enviar", "observar", "validar")


def aplicar(con) -> None:
    ahora = con.execute("select current_timestamp::timestamp").fetchone()[0]
    revertidas = {f"importación {i} " for (i,) in con.execute(
        "select id from importaciones where revertida_en is not null").fetchall()}
    for tabla, (publicada, actualizada) in _TABLAS.items():
        _publicar_validadas(con, tabla, publicada, actualizada, ahora)
        for id_ in [i for (i,) in con.execute(
                f"select id from {tabla} where revision <> 'validada' and cast(id as varchar) in "
                f"(select registro from auditoria where tabla = ?) order by id", [tabla]).fetchall()]:
            _recuperar(con, tabla, publicada, id_, revertidas, ahora)


def _publicar_validadas(con, tabla: str, publicada: str, actualizada: str, ahora) -> None:
    """The validated records as they are: validated when the trail says so, else when last updated, else now."""
    con.execute(f"""
        insert into {publicada} by name
        with rastro as (
            select cast(registro as integer) as id,
                   max(en) filter (where accion in ('crear', 'actualizar')) as cambiada_en,
                   max(en) filter (where accion = 'validar') as validada_en,
                   arg_max(usuario, id) filter (where accion = 'validar') as validada_por
            from auditoria
            where tabla = $tabla and try_cast(registro as integer) is not null
            group by all
        )
        select t.*, coalesce({actualizada}, r.cambiada_en) as actualizada_en,
               coalesce(r.validada_en, {actualizada}, r.cambiada_en, $ahora) as validada_en,
               coalesce(r.validada_por, 'base') as validada_por
        from {tabla} t
        left join rastro r on r.id = t.id
        where t.revision = 'validada'
    """, {"ahora": ahora, "tabla": tabla})
    if tabla == "actividades":
        con.execute("""
            insert into actividad_ejes_transversales_publicadas
            select t.* from actividad_ejes_transversales t where t.actividad in (select id from actividades_publicadas)
        """)
        con.execute("""
            insert into actividad_ods_publicadas
            select o.* from actividad_ods o where o.actividad in (select id from actividades_publicadas)
        """)
        con.execute("""
            insert into reportes_publicados
            select r.actividad, r.en, r.avance, r.estatus from reportes_avance r
            where r.actividad in (select id from actividades_publicadas)
        """)


def _recuperar(con, tabla: str, publicada: str, id_: int, revertidas: set[str], ahora) -> None:
    cursor = con.execute(f"select * from {tabla} where id = ?", [id_])
    columnas = [d[0] for d in cursor.description]
    estado = dict(zip(columnas, cursor.fetchone(), strict=True))
    if tabla == "actividades":
        estado["transversales"] = [e for (e,) in con.execute(
            "select eje from actividad_ejes_transversales where actividad = ? order by eje", [id_]).fetchall()]
        estado["ods"] = [o for (o,) in con.execute(
            "select ods from actividad_ods where actividad = ? order by ods", [id_]).fetchall()]
    filas = con.execute("select id, en, usuario, accion, antes, despues, detalle from auditoria "
                        "where tabla = ? and registro = ? order by id desc", [tabla, str(id_)]).fetchall()
    deshechas = 0
    quitada_en = None  # when the edit that took it off the public boards was made
    for n, (_, en, usuario, accion, antes, despues, detalle) in enumerate(filas):
        if detalle and any(detalle.startswith(r) for r in revertidas):
            continue  # that import was rolled back: its change is no longer in the record
        antes, despues = _dict(antes), _dict(despues)
        if despues.get("revision") == "validada":
            return _insertar(con, tabla, publicada, estado, columnas, deshechas, en, usuario, quitada_en)
        if accion in _CAMBIOS:
            estado.update({c: v for c, v in antes.items() if c in estado and c != "revision"})
            deshechas += 1
            quitada_en = en
            if antes.get("revision") == "validada":
                # Validated before this edit: by whoever validated it last, if the trail says so.
                validacion = next(((e, u) for _, e, u, a, _, d, _ in filas[n + 1:]
                                   if _dict(d).get("revision") == "validada"), (None, "base"))
                return _insertar(con, tabla, publicada, estado, columnas, deshechas, *validacion, quitada_en)
        elif accion in _SOLO_REVISION:
            deshechas += 1
        elif accion == "crear":
            return  # created and never validated: nothing to publish


def _insertar(con, tabla, publicada, estado, columnas, deshechas, validada_en, validada_por, quitada_en) -> None:
    fila = {c: estado[c] for c in columnas} | {"revision": "validada", "observacion": None,
                                              "version": max(1, estado["version"] - deshechas)}
    if tabla == "actividades" and quitada_en is not None:
        # The trail does not keep who reported and when: the last progress report before the edit says it.
        reporte = con.execute("select arg_max(en, en), arg_max(usuario, en) from reportes_avance "
                              "where actividad = ? and en < ?", [fila["id"], quitada_en]).fetchone()
        if reporte[0] is not None:
            fila["reportado_en"], fila["reportado_por"] = reporte
    actualizada = fila.get("reportado_en")
    fila |= {"actualizada_en": actualizada, "validada_en": validada_en or actualizada or quitada_en,
             "validada_por": validada_por}
    nombres = list(fila)
    con.execute(f"insert into {publicada} ({', '.join(nombres)}) values ({', '.join('?' for _ in nombres)})",
                [fila[c] for c in nombres])
    id_ = fila["id"]
    con.execute("insert into auditoria (en, usuario, accion, tabla, registro, despues, detalle) "
                "values (current_timestamp::timestamp, null, 'publicar', ?, ?, ?, ?)",
                [tabla, str(id_), json.dumps({"version": fila["version"]}),
                 "versión publicada recuperada de la bitácora por la migración al esquema 5"])
    if tabla != "actividades":
        return
    for eje in estado["transversales"] or []:
        con.execute("insert into actividad_ejes_transversales_publicadas values (?, ?)", [id_, eje])
    for ods in estado["ods"] or []:
        con.execute("insert into actividad_ods_publicadas values (?, ?)", [id_, ods])
    # What the public saw: the reports made before the edit that took it off the boards.
    con.execute("insert into reportes_publicados select actividad, en, avance, estatus from reportes_avance "
                "where actividad = ? and (? is null or en < ?)", [id_, quitada_en, quitada_en])


def _dict(texto) -> dict:
    try:
        valor = json.loads(texto) if texto else {}
    except ValueError:
        return {}
    return valor if isinstance(valor, dict) else {}
