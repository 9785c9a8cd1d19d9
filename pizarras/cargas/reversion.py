"""Rolling an import back exactly: what it inserted removed, what it changed put back as it was, from the batch's
record of its changes. A record changed after the import stops the rollback with nothing written."""

from __future__ import annotations

import json
from datetime import datetime

import duckdb

from pizarras.base.consultas import ejecutar_en
from pizarras.cargas.formatos import FORMATOS
from pizarras.escritura.auditoria import CambioConcurrente, auditar, transaccion
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.permisos import exigir_admin


def _restauradas(tabla: str, *otras: str) -> tuple[str, ...]:
    """The columns a rollback puts back: what the upload writes but the organismo (it never changes), then `otras`
    and the review state."""
    return (*(c for c in FORMATOS[tabla].escritas if c != "organismo"), *otras, "revision", "observacion")


def revertir(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, id_importacion: int,
             ahora: datetime | None = None) -> int:
    """Undo an import exactly (an admin): inserted records removed, changed ones put back as they were. Refused,
    with nothing written, when a record was changed after the import. Returns how many records it restored."""
    exigir_admin(usuario)
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        lote = ejecutar_en(cur, "importar/importacion_por_id", {"id": id_importacion})
        if not lote:
            raise ValueError(f"No existe la importación {id_importacion}.")
        if lote[0]["revertida_en"] is not None:
            raise ValueError(f"La importación {id_importacion} ya se revirtió.")
        cambios = ejecutar_en(cur, "importar/importacion_cambios_de", {"importacion": id_importacion})
        for cambio in cambios:
            deshacer, version = _DESHACER[cambio["tabla"]]
            singular = FORMATOS[cambio["tabla"]].singular
            actual = ejecutar_en(cur, version, {"id": cambio["registro"]})
            if not actual or actual[0]["version"] != cambio["version_despues"]:
                raise CambioConcurrente(
                    f"No se revirtió nada: {singular} {cambio['registro']} cambió después de la importación "
                    f"{id_importacion}. Revierta ese cambio a mano o corríjalo con otra carga.")
            deshacer(cur, cambio, lote[0]["en"])
        ejecutar_en(cur, "importar/importacion_marcar_revertida", {"id": id_importacion, "en": ahora,
                                                          "usuario": usuario.usuario})
        auditar(cur, usuario.usuario, "revertir_importacion", "importaciones", id_importacion,
                detalle=f"{len(cambios)} registros restaurados", en=ahora)
    return len(cambios)


def _deshacer_actividad(cur, cambio: dict, importada_en: datetime) -> None:
    id_ = cambio["registro"]
    ejecutar_en(cur, "autorreporte/actividad_borrar_vinculos_transversales", {"id": id_})
    ejecutar_en(cur, "autorreporte/actividad_borrar_vinculos_ods", {"id": id_})
    if cambio["accion"] == "insertar":
        ejecutar_en(cur, "importar/actividad_borrar_reportes", {"id": id_})
        ejecutar_en(cur, "importar/actividad_borrar", {"id": id_})
        return
    antes = json.loads(cambio["antes"])
    ejecutar_en(cur, "importar/actividad_borrar_reportes_de_importacion", {"id": id_, "en": importada_en})
    ejecutar_en(cur, "importar/actividad_restaurar", {
        "id": id_, **{c: antes.get(c) for c in _restauradas("actividades", "reportado_por", "reportado_en")},
    })
    if antes.get("transversales"):
        ejecutar_en(cur, "autorreporte/actividad_vincular_transversales", {"id": id_, "ejes": antes["transversales"]})
    if antes.get("ods"):
        ejecutar_en(cur, "autorreporte/actividad_vincular_ods", {"id": id_, "ods": antes["ods"]})


def _deshacer_capacitacion(cur, cambio: dict, importada_en: datetime) -> None:
    id_ = cambio["registro"]
    if cambio["accion"] == "insertar":
        ejecutar_en(cur, "importar/capacitacion_borrar", {"id": id_})
        return
    antes = json.loads(cambio["antes"])
    ejecutar_en(cur, "importar/capacitacion_restaurar", {
        "id": id_, **{c: antes.get(c) for c in _restauradas("capacitaciones")},
    })


def _deshacer_compromiso(cur, cambio: dict, importada_en: datetime) -> None:
    antes = json.loads(cambio["antes"])
    ejecutar_en(cur, "importar/compromiso_restaurar", {
        "id": cambio["registro"], **{c: antes.get(c) for c in _restauradas("compromisos")},
    })


# table → (how a change is undone, the statement that reads the record's version)
_DESHACER = {
    "actividades": (_deshacer_actividad, "importar/actividad_version"),
    "capacitaciones": (_deshacer_capacitacion, "importar/capacitacion_version"),
    "compromisos": (_deshacer_compromiso, "importar/compromiso_version"),
}
