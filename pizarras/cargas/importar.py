"""Importing a checked upload: its whole plan in one transaction or nothing, written a batch at a time, with one
audit row per record and the batch's record of what it changed (which pizarras.cargas.reversion undoes).

An upload changes the working versions: sent for review, the published versions (what the public reads,
pizarras.escritura.publicacion) stay as they are. An admin's import that validates publishes what it writes, in the
same transaction, keeping in the batch's record the published version each record had (its rollback puts it back).
Validating a file means its content is validated: a row equal to a record whose edit awaits review is validated and
published as it is ("validada sin cambios"); without validating it stays untouched, and a row equal to a validated
record is never written, so the same file twice is a no-op either way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from pizarras.base.consultas import cargar, ejecutar, ejecutar_en
from pizarras.cargas.formatos import FORMATOS
from pizarras.cargas.revision import Revision, ambitos_permitidos
from pizarras.escritura import autorreporte, publicacion
from pizarras.escritura.auditoria import CambioConcurrente, a_json, auditar, transaccion
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.permisos import NoAutorizado, exigir_admin, exigir_escritura


@dataclass(frozen=True)
class ResultadoImportacion:
    id: int | None
    insertadas: int
    actualizadas: int
    sin_cambio: int  # rows left as they were
    validadas_sin_cambios: int = 0  # rows equal to a record under review, validated and published as they are


_SIGUIENTE_ID = {"actividades": "autorreporte/actividad_siguiente_id", "capacitaciones": "autorreporte/capacitacion_siguiente_id"}
_MAXIMO_NOMBRADOS = 10  # records a conflict names before "…"


def _registrar(cur, nombre: str, filas: list[dict], columnas: tuple) -> bool:
    """Register `filas` as the relation `nombre` on `cur` for the named statements that read it; False if none."""
    if not filas:
        return False
    cur.register(nombre, pd.DataFrame(filas, columns=list(columnas)))
    return True


def importar(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, revision: Revision, validar: bool = False,
             ahora: datetime | None = None) -> ResultadoImportacion:
    """Write a checked file's plan in one transaction: the rows enter review as sent (or, when an admin validates,
    validated and published, the unchanged rows whose record awaited review included), with their links, reports,
    one audit row each, the batch and what it changed; an unchanged file writes nothing; importing the same checked
    file again returns the first result and writes nothing more (a double click). Rows are written a batch at a time
    (registered relations), not one statement per row: 100,000 rows in seconds rather than minutes."""
    exigir_escritura(usuario)
    if validar:
        exigir_admin(usuario)
    if not revision.valida:
        raise ValueError("El archivo tiene errores; corríjalos antes de importar.")
    if revision.importada is not None:  # the same checked file again (a double click): written once
        return revision.importada
    # What the batch writes, in file order: new and changed rows, and (validating) the unchanged under review.
    escritas = [p for p in revision.plan if p.accion != "sin_cambio" or (validar and p.en_revision)]
    if not escritas:
        return ResultadoImportacion(None, 0, 0, revision.cuenta("sin_cambio"))
    ahora = ahora or datetime.now()
    estado = "validada" if validar else "enviada"
    formato = FORMATOS[revision.tipo]
    with con.cursor() as cur:
        permitidos = set(ambitos_permitidos(cur, usuario, formato))
    for p in escritas:  # authorised again at write time, on the stored record for an update
        if (p.antes or p.limpios).get(formato.ambito) not in permitidos:
            raise NoAutorizado(f"La fila {p.fila} es de otro {formato.ambito}.")
    nuevas = [p for p in escritas if p.accion == "insertar"]
    cambiadas = [p for p in escritas if p.accion == "actualizar"]
    sin_cambios = [p for p in escritas if p.accion == "sin_cambio"]
    cambios = [p for p in escritas if p.accion != "sin_cambio"]
    with transaccion(con) as cur:
        id_importacion = ejecutar_en(cur, "importar/importacion_siguiente_id")[0]["id"]
        if nuevas:
            primer_id = ejecutar_en(cur, _SIGUIENTE_ID[formato.tabla])[0]["id"]
            for i, p in enumerate(nuevas):
                p.id = primer_id + i
        parametros = {"usuario": usuario.usuario, "ahora": ahora, "revision": estado}
        insertar, actualizar = f"importar/importar_insertar_{formato.tabla}", f"importar/importar_actualizar_{formato.tabla}"
        if _registrar(cur, "nuevas", [{**{c: p.limpios[c] for c in formato.escritas}, "id": p.id} for p in nuevas],
                      ("id", *formato.escritas)):
            ejecutar_en(cur, insertar, _solo(parametros, insertar))
        otras = []  # rows whose record changed after the check
        if _registrar(cur, "cambiadas", [{**{c: p.limpios[c] for c in formato.escritas}, "id": p.id,
                                          "version": p.version} for p in cambiadas],
                      ("id", "version", *formato.escritas)):
            escritos = {f["id"] for f in ejecutar_en(cur, actualizar, _solo(parametros, actualizar))}
            otras += [p for p in cambiadas if p.id not in escritos]
        if _registrar(cur, "validadas", [{"id": p.id, "version": p.version} for p in sin_cambios], ("id", "version")):
            escritos = {f["id"] for f in ejecutar_en(cur, f"importar/importar_validar_{formato.tabla}")}
            otras += [p for p in sin_cambios if p.id not in escritos]
        if otras:
            otras.sort(key=lambda p: p.fila)
            cuales = ", ".join(f"{p.id} (fila {p.fila})" for p in otras[:_MAXIMO_NOMBRADOS]) + (
                "…" if len(otras) > _MAXIMO_NOMBRADOS else "")
            raise CambioConcurrente(
                f"No se importó nada: {len(otras)} {'registro cambió' if len(otras) == 1 else 'registros cambiaron'}"
                f" después de revisar el archivo ({formato.singular} {cuales}). La página lo revisa de nuevo: "
                "compare la vista previa con lo guardado e importe otra vez.")
        if formato.tipo == "actividades":
            _vinculos_y_reportes(cur, cambios, cambiadas, ahora, usuario)
        _registrar(cur, "auditoria_lote", [_auditoria(p, formato, estado) for p in escritas],
                   ("accion", "registro", "antes", "despues"))
        detalle = f"importación {id_importacion} ({revision.archivo})"
        ejecutar_en(cur, "importar/importar_insertar_auditoria", {"en": ahora, "usuario": usuario.usuario,
                                                         "tabla": formato.tabla, "detalle": detalle})
        _registrar(cur, "cambios_lote", [{
            "orden": orden, "registro": p.id, "accion": "insertar" if p.antes is None else "actualizar",
            "antes": a_json(p.antes), "version_despues": 1 if p.antes is None else p.version + 1,
        } for orden, p in enumerate(escritas, start=1)], ("orden", "registro", "accion", "antes", "version_despues"))
        ejecutar_en(cur, "importar/importar_insertar_cambios", {"importacion": id_importacion, "tabla": formato.tabla})
        if validar:  # published like a validation, after keeping what the public saw before (for a rollback)
            ejecutar_en(cur, f"importar/importar_publicadas_antes_{formato.tabla}", {"importacion": id_importacion})
            publicacion.publicar(cur, formato.tabla, [p.id for p in escritas], usuario.usuario, ahora,
                                 detalle=detalle)
        resultado = ResultadoImportacion(id_importacion, len(nuevas), len(cambiadas),
                                         revision.cuenta("sin_cambio") - len(sin_cambios), len(sin_cambios))
        ejecutar_en(cur, "importar/importacion_insertar", {
            "id": id_importacion, "en": ahora, "usuario": usuario.usuario, "tipo": formato.tipo,
            "archivo": revision.archivo, "sha256": revision.sha256, "insertadas": resultado.insertadas,
            "actualizadas": resultado.actualizadas, "sin_cambio": resultado.sin_cambio, "validadas": validar,
        })
        auditar(cur, usuario.usuario, "importar", "importaciones", id_importacion,
                despues={"archivo": revision.archivo, "sha256": revision.sha256, "insertadas": resultado.insertadas,
                         "actualizadas": resultado.actualizadas, "sin_cambio": resultado.sin_cambio,
                         "validadas_sin_cambios": resultado.validadas_sin_cambios}, en=ahora)
    revision.importada = resultado
    return resultado


def _auditoria(p, formato, estado: str) -> dict:
    """One written row's audit: created, changed (the fields that changed and the review state), or validated as it
    is (only its review state moved, as a validation in «Revisión» is audited)."""
    if p.antes is None:
        return {"accion": "crear", "registro": str(p.id), "antes": None,
                "despues": a_json(p.limpios | {"revision": estado})}
    if p.accion == "sin_cambio":
        return {"accion": "validar", "registro": str(p.id), "antes": a_json({"revision": p.antes["revision"]}),
                "despues": a_json({"revision": estado})}
    campos = autorreporte.campos_cambiados(p.antes, p.limpios, formato.campos)
    return {"accion": "actualizar", "registro": str(p.id),
            "antes": a_json({c: p.antes[c] for c in campos} | {"revision": p.antes["revision"]}),
            "despues": a_json({c: p.limpios[c] for c in campos} | {"revision": estado})}


def _solo(parametros: dict, consulta: str) -> dict:
    """The parameters a named statement declares (the kinds' statements take different ones)."""
    return {k: v for k, v in parametros.items() if k in cargar(consulta).parametros}


def _vinculos_y_reportes(cur, cambios: list, cambiadas: list, ahora: datetime, usuario: Usuario) -> None:
    """An activity batch's transversal ejes and ODS (replacing the changed ones') and its progress reports."""
    if cambiadas:
        ejecutar_en(cur, "importar/importar_borrar_transversales")
        ejecutar_en(cur, "importar/importar_borrar_ods")
    if _registrar(cur, "vinculos_transversales", [{"actividad": p.id, "eje": e} for p in cambios
                                                  for e in p.limpios["transversales"]], ("actividad", "eje")):
        ejecutar_en(cur, "importar/importar_insertar_transversales")
    if _registrar(cur, "vinculos_ods", [{"actividad": p.id, "ods": o} for p in cambios for o in p.limpios["ods"]],
                  ("actividad", "ods")):
        ejecutar_en(cur, "importar/importar_insertar_ods")
    movidas = [p for p in cambios if p.antes is None or
               (p.limpios["avance"], p.limpios["estatus"]) != (p.antes["avance"], p.antes["estatus"])]
    if _registrar(cur, "reportes_lote", [{"actividad": p.id, "avance": p.limpios["avance"],
                                          "estatus": p.limpios["estatus"]} for p in movidas],
                  ("actividad", "avance", "estatus")):
        ejecutar_en(cur, "importar/importar_insertar_reportes", {"ahora": ahora, "usuario": usuario.usuario})


def importaciones(con: duckdb.DuckDBPyConnection):
    """Every import batch, newest first."""
    return ejecutar(con, "importar/importaciones_lista", {})
