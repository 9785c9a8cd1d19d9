"""Rolling an import back exactly: what it inserted removed, what it changed put back as it was, from the batch's
record of its changes. A record changed after the import stops the rollback with nothing written, and the refusal
names every such record (its title, who changed it and when), not only the first.

Both versions of a record go back: the working one, and, when the import published it (an admin's validated import),
the published one too, in the same transaction: the version the public saw before the import is written back
exactly (its links included, the progress reports the import published removed), or the record leaves the public
boards when it had none. An import that did not publish leaves the published versions untouched.

`plan_de_reversion` says beforehand what a rollback would do, record by record (deleted or restored, and which of
their fields go back to what), and which records block it: the page shows it before asking for confirmation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

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
    deshace: str  # the fields that go back, «lo de ahora → lo de antes», or what deleting means; and the public's
    bloqueo: str | None = None  # why it cannot be rolled back (changed since, or gone)
    publica: str | None = None  # what happens to its published version, when the import published it


@dataclass
class PlanDeReversion:
    importacion: int
    pasos: list[PasoDeReversion] = field(default_factory=list)

    @property
    def bloqueos(self) -> list[PasoDeReversion]:
        return [p for p in self.pasos if p.bloqueo]

    def cuenta(self, accion: str) -> int:
        return sum(p.accion == accion for p in self.pasos)

    def aviso_publico(self) -> str | None:
        """What the rollback changes in what the public sees (None: nothing, the import published nothing)."""
        vuelven = sum(p.publica == PUBLICA_VUELVE for p in self.pasos)
        retiradas = sum(p.publica == PUBLICA_SE_RETIRA for p in self.pasos)
        if not vuelven and not retiradas:
            return None
        partes = ([f"{estilo.cantidad(vuelven, 'registro vuelve', 'registros vuelven')} a la versión publicada "
                   "antes de la importación"] if vuelven else []) + (
            [f"{estilo.cantidad(retiradas, 'registro deja', 'registros dejan')} de verse en público (no estaba"
             f"{'n' if retiradas != 1 else ''} publicado{'s' if retiradas != 1 else ''})"] if retiradas else [])
        return "La importación se validó y publicó: al revertirla, " + " y ".join(partes) + "."

    def mensaje_de_rechazo(self) -> str:
        """The refusal, naming every blocking record."""
        bloqueos = self.bloqueos
        nombrados = "; ".join(f"{FORMATOS[p.tabla].singular} {p.registro} «{p.titulo or 'sin título'}» "
                              f"({p.bloqueo})" for p in bloqueos)
        cuantos = estilo.cantidad(len(bloqueos), "registro cambió", "registros cambiaron")
        return (f"No se revirtió nada: {cuantos} después de la importación {self.importacion}: {nombrados}. "
                "Revierta esos cambios a mano o corríjalos con otra carga.")


PUBLICA_VUELVE = "Público: vuelve la versión publicada antes de la importación."
PUBLICA_SE_RETIRA = "Público: deja de verse (no estaba publicado antes de la importación)."
# table → its published twin (whose structure reads a stored published version back)
_PUBLICADAS = {"actividades": "actividades_publicadas", "compromisos": "compromisos_publicados",
               "capacitaciones": "capacitaciones_publicadas"}


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


def _publica(fila: dict) -> str | None:
    if not fila["publicada"]:
        return None
    return PUBLICA_SE_RETIRA if fila["publicada_antes"] is None else PUBLICA_VUELVE


def _deshace(fila: dict, nombres: Nombres) -> str:
    """What a rollback puts back on one record: each field the import changed, «now → before» (a review state that
    did not move is left out), then what becomes of its published version."""
    publica = _publica(fila)
    if fila["accion"] == "insertar":
        return "Se borra: lo agregó esta importación." + (f" {publica}" if publica else "")
    antes = json.loads(fila["importacion_antes"] or "{}")
    despues = json.loads(fila["importacion_despues"] or "{}")
    tipo, formato = FORMATOS[fila["tabla"]].tipo, FORMATOS[fila["tabla"]]
    partes = [f"{etiqueta_de(c, formato)}: {texto_de(c, despues.get(c), nombres, tipo)}{FLECHA}"
              f"{texto_de(c, antes.get(c), nombres, tipo)}" for c in sorted(antes, key=_orden_de(formato))
              if antes.get(c) != despues.get(c)]
    texto = "; ".join(partes) or "Vuelve a como estaba."
    return f"{texto}{'.' if partes else ''} {publica}" if publica else texto


def _orden_de(formato):
    orden = {c: i for i, c in enumerate(formato.campos)}
    return lambda campo: orden.get(campo, len(orden))


def _plan(cur, id_importacion: int, nombres: Nombres) -> tuple[PlanDeReversion, list[dict]]:
    filas = ejecutar_en(cur, "importar/reversion_registros", {"importacion": id_importacion})
    plan = PlanDeReversion(id_importacion, [PasoDeReversion(
        f["tabla"], f["registro"], f["titulo"] or json.loads(f["antes"] or "{}").get("titulo"),
        "borrar" if f["accion"] == "insertar" else "restaurar", _deshace(f, nombres), _bloqueo(f), _publica(f))
        for f in filas])
    return plan, filas


def plan_de_reversion(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, id_importacion: int
                      ) -> PlanDeReversion:
    """What rolling back an import would do (an admin), without writing anything: every record it would delete or
    restore, with the fields that go back and what becomes of its published version, and every record that blocks
    it."""
    exigir_admin(usuario)
    nombres = nombres_de_catalogos(con)
    with con.cursor() as cur:
        _lote(cur, id_importacion)
        return _plan(cur, id_importacion, nombres)[0]


def revertir(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, id_importacion: int,
             ahora: datetime | None = None) -> int:
    """Undo an import exactly (an admin): inserted records removed, changed ones put back as they were, and the
    published versions the import wrote replaced by the ones before it. Refused, with nothing written, when any
    record was changed after the import; the refusal names them all. Returns how many records it restored."""
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
        _restaurar_publicadas(cur, [c for c in cambios if c["publicada"]], lote, usuario, ahora)
        ejecutar_en(cur, "importar/importacion_marcar_revertida", {"id": id_importacion, "en": ahora,
                                                          "usuario": usuario.usuario})
        auditar(cur, usuario.usuario, "revertir_importacion", "importaciones", id_importacion,
                detalle=f"{len(cambios)} registros restaurados", en=ahora)
    return len(cambios)


def _restaurar_publicadas(cur, publicadas: list[dict], lote: dict, usuario: Usuario, ahora: datetime) -> None:
    """The published versions an import wrote, replaced by the ones before it (or removed, for records it first
    published), a statement per step for the whole batch; audited like every publication."""
    if not publicadas:
        return
    tabla = publicadas[0]["tabla"]  # a batch is of one kind
    cur.register("republicar", pd.DataFrame({
        "registro": pd.Series([c["registro"] for c in publicadas], dtype="int64"),
        "publicada_antes": pd.Series([c["publicada_antes"] for c in publicadas], dtype="object"),
    }))
    try:
        ejecutar_en(cur, f"importar/reversion_auditar_{tabla}", {
            "ahora": ahora, "usuario": usuario.usuario,
            "detalle": f"importación {lote['id']} revertida: vuelve lo publicado antes de ella"})
        ejecutar_en(cur, f"importar/reversion_borrar_publicadas_{tabla}")
        if tabla == "actividades":
            for consulta in ("reversion_borrar_transversales_publicadas", "reversion_borrar_ods_publicadas"):
                ejecutar_en(cur, f"importar/{consulta}")
            ejecutar_en(cur, "importar/reversion_borrar_reportes_publicados", {"en": lote["en"]})
        estructura = ejecutar_en(cur, "importar/estructura_publicada", {"tabla": _PUBLICADAS[tabla]})[0]["estructura"]
        ejecutar_en(cur, f"importar/reversion_restaurar_publicadas_{tabla}", {"estructura": estructura})
        if tabla == "actividades":
            for consulta in ("reversion_restaurar_transversales_publicadas", "reversion_restaurar_ods_publicadas"):
                ejecutar_en(cur, f"importar/{consulta}")
    finally:
        cur.unregister("republicar")


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
