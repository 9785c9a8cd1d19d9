"""Rolling an import back exactly: what it inserted removed, what it changed put back as it was, from the batch's
record of its changes. A record changed after the import stops the rollback with nothing written, and the refusal
names every such record (its title, who changed it and when), not only the first.

`plan_de_reversion` says beforehand what a rollback would do, record by record (deleted or restored, and which of
their fields go back to what), and which records block it: the page shows it before asking for confirmation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from pizarras import estilo
from pizarras.base.consultas import ejecutar_en
from pizarras.cargas.formatos import FORMATOS
from pizarras.cargas.vista_previa import etiqueta_de
from pizarras.escritura.auditoria import CambioConcurrente, auditar, transaccion
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.legible import FLECHA, Nombres, nombres_de_catalogos, texto_de
from pizarras.escritura.permisos import exigir_admin


@dataclass(frozen=True)
class PasoDeReversion:
    """One record a rollback touches: deleted (the import created it) or restored (the import changed it)."""

    tabla: str
    registro: int
    titulo: str | None
    accion: str  # "borrar" or "restaurar"
    deshace: str  # the fields that go back, «lo de ahora → lo de antes», or what deleting means
    bloqueo: str | None = None  # why it cannot be rolled back (changed since, or gone)


@dataclass
class PlanDeReversion:
    importacion: int
    pasos: list[PasoDeReversion] = field(default_factory=list)

    @property
    def bloqueos(self) -> list[PasoDeReversion]:
        return [p for p in self.pasos if p.bloqueo]

    def cuenta(self, accion: str) -> int:
        return sum(p.accion == accion for p in self.pasos)

    def mensaje_de_rechazo(self) -> str:
        """The refusal, naming every blocking record."""
        bloqueos = self.bloqueos
        nombrados = "; ".join(f"{FORMATOS[p.tabla].singular} {p.registro} «{p.titulo or 'sin título'}» "
                              f"({p.bloqueo})" for p in bloqueos)
        cuantos = estilo.cantidad(len(bloqueos), "registro cambió", "registros cambiaron")
        return (f"No se revirtió nada: {cuantos} después de la importación {self.importacion}: {nombrados}. "
                "Revierta esos cambios a mano o corríjalos con otra carga.")


def _restauradas(tabla: str, *otras: str) -> tuple[str, ...]:
    """The columns a rollback puts back: what the upload writes but the organismo (it never changes), then `otras`
    and the review state."""
    return (*(c for c in FORMATOS[tabla].escritas if c != "organismo"), *otras, "revision", "observacion")


def _lote(cur, id_importacion: int) -> dict:
    lote = ejecutar_en(cur, "importar/importacion_por_id", {"id": id_importacion})
    if not lote:
        raise ValueError(f"No existe la importación {id_importacion}.")
    if lote[0]["revertida_en"] is not None:
        raise ValueError(f"La importación {id_importacion} ya se revirtió.")
    return lote[0]


def _bloqueo(fila: dict) -> str | None:
    if fila["version"] is None:
        return "ya no existe"
    if fila["version"] == fila["version_despues"]:
        return None
    if fila["cambiado_por"]:
        return f"lo cambió {fila['cambiado_por']} el {estilo.fecha_hora(fila['cambiado_en'])}"
    return "cambió después de la importación"


def _deshace(fila: dict, nombres: Nombres) -> str:
    """What a rollback puts back on one record: each field the import changed, «now → before»."""
    if fila["accion"] == "insertar":
        return "Se borra: lo agregó esta importación."
    antes = json.loads(fila["importacion_antes"] or "{}")
    despues = json.loads(fila["importacion_despues"] or "{}")
    tipo, formato = FORMATOS[fila["tabla"]].tipo, FORMATOS[fila["tabla"]]
    partes = [f"{etiqueta_de(c, formato)}: {texto_de(c, despues.get(c), nombres, tipo)}{FLECHA}"
              f"{texto_de(c, antes.get(c), nombres, tipo)}" for c in sorted(antes, key=_orden_de(formato))]
    return "; ".join(partes) or "Vuelve a como estaba."


def _orden_de(formato):
    orden = {c: i for i, c in enumerate(formato.campos)}
    return lambda campo: orden.get(campo, len(orden))


def _plan(cur, id_importacion: int, nombres: Nombres) -> tuple[PlanDeReversion, list[dict]]:
    filas = ejecutar_en(cur, "importar/reversion_registros", {"importacion": id_importacion})
    plan = PlanDeReversion(id_importacion, [PasoDeReversion(
        f["tabla"], f["registro"], f["titulo"] or json.loads(f["antes"] or "{}").get("titulo"),
        "borrar" if f["accion"] == "insertar" else "restaurar", _deshace(f, nombres), _bloqueo(f)) for f in filas])
    return plan, filas


def plan_de_reversion(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, id_importacion: int
                      ) -> PlanDeReversion:
    """What rolling back an import would do (an admin), without writing anything: every record it would delete or
    restore, with the fields that go back, and every record that blocks it."""
    exigir_admin(usuario)
    nombres = nombres_de_catalogos(con)
    with con.cursor() as cur:
        _lote(cur, id_importacion)
        return _plan(cur, id_importacion, nombres)[0]


def revertir(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, id_importacion: int,
             ahora: datetime | None = None) -> int:
    """Undo an import exactly (an admin): inserted records removed, changed ones put back as they were. Refused,
    with nothing written, when any record was changed after the import; the refusal names them all. Returns how
    many records it restored."""
    exigir_admin(usuario)
    ahora = ahora or datetime.now()
    nombres = nombres_de_catalogos(con)
    with transaccion(con) as cur:
        lote = _lote(cur, id_importacion)
        plan, cambios = _plan(cur, id_importacion, nombres)
        if plan.bloqueos:
            raise CambioConcurrente(plan.mensaje_de_rechazo())
        for cambio in cambios:
            _DESHACER[cambio["tabla"]](cur, cambio, lote["en"])
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


# table → how a change is undone
_DESHACER = {
    "actividades": _deshacer_actividad,
    "capacitaciones": _deshacer_capacitacion,
    "compromisos": _deshacer_compromiso,
}
