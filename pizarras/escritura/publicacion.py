"""The published version of a record: what the public reads, written only when the record is validated.

Every activity, commitment and training has a working version (its table: the latest, drafts and edits under
review included) and, once validated, a published one (its `*_publicadas` twin, with when it was last updated and
when and by whom it was validated). An edit of a published record changes the working version only, so every
public board, download, slide and the static site keep showing the published one until a reviewer validates the
edit; sending it back keeps the published version; the enlace can withdraw the edit (`retirar`), which puts the
working version back to the published one.

`publicar` writes the published versions of many records at once (a registered relation of ids): one validation,
a bulk validation and an import validated by an admin share it. Each publication is audited with the published
version before and after, whole: the history of what the public saw.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from pizarras.base.consultas import ejecutar, ejecutar_en

TABLAS = ("actividades", "compromisos", "capacitaciones")
# table → the statement that reads one published record
_LEER = {
    "actividades": "publicacion/actividad_publicada",
    "compromisos": "publicacion/compromiso_publicado",
    "capacitaciones": "publicacion/capacitacion_publicada",
}
_RETIRAR = {
    "actividades": "publicacion/retirar_actividad",
    "compromisos": "publicacion/retirar_compromiso",
    "capacitaciones": "publicacion/retirar_capacitacion",
}


def publicar(cur: duckdb.DuckDBPyConnection, tabla: str, ids: list[int], usuario: str, ahora: datetime,
             detalle: str | None = None, auditar: bool = True) -> None:
    """Make the working versions of `ids` (already validated by the caller) the published ones, inside `cur`'s
    transaction: their links and, for an activity whose progress or status moved, a published report dated now.
    `auditar=False` only for a build from seed/, whose records were published before any account existed."""
    if tabla not in TABLAS:
        raise ValueError(f"tabla desconocida: {tabla}")
    if not ids:
        return
    cur.register("a_publicar", pd.DataFrame({"id": pd.Series(list(dict.fromkeys(ids)), dtype="int64")}))
    try:
        if auditar:
            ejecutar_en(cur, f"publicacion/auditar_{tabla}", {"ahora": ahora, "usuario": usuario, "detalle": detalle})
        ejecutar_en(cur, f"publicacion/borrar_{tabla}")
        ejecutar_en(cur, f"publicacion/insertar_{tabla}", {"ahora": ahora, "usuario": usuario})
        if tabla == "actividades":
            for consulta in ("borrar_transversales", "borrar_ods", "insertar_transversales", "insertar_ods"):
                ejecutar_en(cur, f"publicacion/{consulta}")
            ejecutar_en(cur, "publicacion/insertar_reportes", {"ahora": ahora})
    finally:
        cur.unregister("a_publicar")


def leer_publicada(cur: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> dict | None:
    """The published version of one record (None: it was never validated), inside `cur`'s transaction."""
    filas = ejecutar_en(cur, _LEER[tabla], {"id": id_})
    return filas[0] if filas else None


def publicada(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> dict | None:
    with con.cursor() as cur:
        return leer_publicada(cur, tabla, id_)


def restaurar_publicada(cur: duckdb.DuckDBPyConnection, tabla: str, id_: int, version: int) -> int | None:
    """Put the working version of a record back to its published one (links included), if it is still at `version`;
    the new version, or None when someone changed it meanwhile. The caller authorises and audits."""
    filas = ejecutar_en(cur, _RETIRAR[tabla], {"id": id_, "version": version})
    if not filas:
        return None
    if tabla == "actividades":
        for consulta in ("autorreporte/actividad_borrar_vinculos_transversales",
                         "autorreporte/actividad_borrar_vinculos_ods",
                         "publicacion/restaurar_vinculos_transversales", "publicacion/restaurar_vinculos_ods"):
            ejecutar_en(cur, consulta, {"id": id_})
    return filas[0]["version"]


def versiones_publicadas(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> pd.DataFrame:
    """Every version of one record the public has seen, newest first: when it was published, by whom, and the
    version itself (its audit row's `despues`, JSON) beside the one before it (`antes`)."""
    return ejecutar(con, "publicacion/versiones_publicadas", {"tabla": tabla, "registro": str(id_)})
