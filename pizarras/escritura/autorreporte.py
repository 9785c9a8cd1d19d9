"""Self-report writes: activities, commitment updates and the review of both.

Every function takes the acting user and checks, in the core, that the user may do it (pizarras.escritura.permisos); checks
the values with the shared rules (pizarras.escritura.reglas); writes in one transaction with its audit row; and saves a change
only if the record's version is the one the person read — otherwise `CambioConcurrente` says who changed it and
nothing is written. Callers clear the read caches after a write.

Review: borrador → enviada → validada, or observada (with the reviewer's comment, back to the enlace). Any change of
a record's content puts its working version back to borrador; the public keeps reading the version last validated
(pizarras.escritura.publicacion), which only a validation replaces and `retirar_edicion` restores.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from pizarras.base.consultas import ejecutar, ejecutar_en
from pizarras.escritura.auditoria import CambioConcurrente, auditar, transaccion
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.permisos import exigir_admin, exigir_entidad, exigir_organismo
from pizarras.escritura.publicacion import leer_publicada, publicar, restaurar_publicada
from pizarras.escritura.reglas import (
    DatosInvalidos,
    Problema,
    leer_catalogos,
    revisar_actividad,
    revisar_avance_compromiso,
    revisar_capacitacion,
)
from pizarras.etiquetas import VALORES
from pizarras.texto import normalizar

CAMPOS_ACTIVIDAD = (
    "organismo", "programa", "eje", "transversales", "ods", "titulo", "descripcion", "tipo", "fecha_inicio",
    "fecha_fin", "periodo", "estatus", "avance", "evidencia_url", "notas",
)
CAMPOS_COMPROMISO = ("estatus", "avance", "notas")
CAMPOS_CAPACITACION = (
    "organismo", "titulo", "tipo", "modalidad", "tema", "eje", "fecha_inicio", "fecha_fin", "participantes", "mujeres",
    "hombres", "sujetos_obligados", "publico", "notas",
)
ESTADOS_REVISION = VALORES["revision"]  # borrador, enviada, observada, validada
# action → (states it starts from, state it leads to)
TRANSICIONES = {
    "enviar": (frozenset({"borrador", "observada"}), "enviada"),
    "validar": (frozenset({"enviada"}), "validada"),
    "observar": (frozenset({"enviada"}), "observada"),
}
_TABLAS = {
    "actividades": ("autorreporte/actividad_por_id", "autorreporte/actividad_revision", "la actividad"),
    "compromisos": ("autorreporte/compromiso_por_id", "autorreporte/compromiso_revision", "el compromiso"),
    "capacitaciones": ("autorreporte/capacitacion_por_id", "autorreporte/capacitacion_revision", "la capacitación"),
}


def _uno(cur, consulta: str, id_: int) -> dict | None:
    filas = ejecutar_en(cur, consulta, {"id": id_})
    return filas[0] if filas else None


def _conflicto(cur, tabla: str, id_: int, que: str) -> CambioConcurrente:
    actual = _uno(cur, _TABLAS[tabla][0], id_) or {}
    ultimo = ejecutar_en(cur, "auditoria/ultimo_cambio", {"tabla": tabla, "registro": str(id_)})
    quien = f"{ultimo[0]['usuario']} el {ultimo[0]['en']:%d/%m/%Y a las %H:%M}" if ultimo else "otra persona"
    return CambioConcurrente(
        f"No se guardó: {que} cambió mientras la tenía abierta ({quien}; ahora va en la versión "
        f"{actual.get('version', '?')}). Revise sus valores actuales y vuelva a aplicar su cambio.",
        actual,
    )


def _exigir_valida(problemas: list[Problema]) -> None:
    if problemas:
        raise DatosInvalidos(problemas)


def leer_actividad(con: duckdb.DuckDBPyConnection, id_: int) -> dict | None:
    with con.cursor() as cur:
        return _uno(cur, "autorreporte/actividad_por_id", id_)


def _guardar_vinculos(cur, id_: int, limpios: dict) -> None:
    ejecutar_en(cur, "autorreporte/actividad_borrar_vinculos_transversales", {"id": id_})
    ejecutar_en(cur, "autorreporte/actividad_borrar_vinculos_ods", {"id": id_})
    if limpios["transversales"]:
        ejecutar_en(cur, "autorreporte/actividad_vincular_transversales", {"id": id_, "ejes": limpios["transversales"]})
    if limpios["ods"]:
        ejecutar_en(cur, "autorreporte/actividad_vincular_ods", {"id": id_, "ods": limpios["ods"]})


def _columnas_actividad(limpios: dict) -> dict:
    return {c: limpios.get(c) for c in CAMPOS_ACTIVIDAD if c not in ("transversales", "ods", "organismo")}


def _leer_para_cambiar(cur, usuario: Usuario | None, tabla: str, id_: int, campos: tuple, cambios: dict):
    """The stored record and the values it would have with `cambios`; authorised on the stored organismo, not on
    what the request says it is (the organismo of a record never changes)."""
    leer, _, nombre = _TABLAS[tabla]
    antes = _uno(cur, leer, id_)
    if antes is None:
        raise DatosInvalidos([Problema("id", f"no existe {nombre} {id_}.")])
    exigir_organismo(usuario, antes["organismo"])
    datos = {c: antes[c] for c in campos} | {k: v for k, v in cambios.items() if k in campos}
    datos["organismo"] = antes["organismo"]
    return antes, datos


def campos_cambiados(antes: dict, limpios: dict, campos: tuple) -> list[str]:
    return sorted(c for c in campos if _comparable(antes[c]) != _comparable(limpios[c]))


def _auditar_cambio(cur, usuario: Usuario, tabla: str, id_: int, antes: dict, limpios: dict, campos: tuple,
                    ahora: datetime, detalle: str | None = None) -> None:
    """The audit row of a content change: the changed fields before and after, and the review state it reset."""
    cambiados = campos_cambiados(antes, limpios, campos)
    auditar(cur, usuario.usuario, "actualizar", tabla, id_,
            antes={c: antes[c] for c in cambiados} | {"revision": antes["revision"]},
            despues={c: limpios[c] for c in cambiados} | {"revision": "borrador"}, detalle=detalle, en=ahora)


def crear_actividad(
    con: duckdb.DuckDBPyConnection, usuario: Usuario | None, datos: dict, ahora: datetime | None = None,
    aunque_exista: bool = False,
) -> int:
    """Add an activity of the user's organismo as a draft; returns its id. One whose title the organismo already
    has in that periodo is refused (a second click, a form sent twice) unless `aunque_exista`."""
    exigir_organismo(usuario, datos.get("organismo"))
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        limpios, problemas = revisar_actividad(datos, leer_catalogos(cur))
        _exigir_valida(problemas)
        if not aunque_exista:
            _exigir_nuevo(ejecutar_en(cur, "autorreporte/actividades_del_periodo", {
                "organismo": limpios["organismo"], "periodo": limpios["periodo"]}), limpios["titulo"],
                f"la actividad #{{id}} del periodo {limpios['periodo']}")
        return insertar_actividad(cur, usuario, limpios, ahora)


class PosibleDuplicado(DatosInvalidos):
    """A new record whose title its organismo already has: created only when the person says so."""


def _exigir_nuevo(existentes: list[dict], titulo: str, cual: str) -> None:
    iguales = [f for f in existentes if normalizar(f["titulo"]) == normalizar(titulo)]
    if iguales:
        raise PosibleDuplicado([Problema("duplicado", (
            f"ya existe {cual.format(id=iguales[0]['id'])} con el título «{iguales[0]['titulo']}»; no se creó "
            "otra. Si de verdad es otra, marque «Crear aunque ya exista una con este título»."))])


def insertar_actividad(cur, usuario: Usuario, limpios: dict, ahora: datetime, detalle: str | None = None) -> int:
    """Write a checked new activity (a draft) with its links, first report and audit row, inside `cur`'s
    transaction; the caller authorised it. Returns its id."""
    id_ = ejecutar_en(cur, "autorreporte/actividad_siguiente_id")[0]["id"]
    ejecutar_en(cur, "autorreporte/actividad_insertar", {
        **_columnas_actividad(limpios), "id": id_, "organismo": limpios["organismo"],
        "usuario": usuario.usuario, "ahora": ahora,
    })
    _guardar_vinculos(cur, id_, limpios)
    ejecutar_en(cur, "autorreporte/reporte_avance_insertar", {"id": id_, "ahora": ahora, "avance": limpios["avance"],
                                                 "estatus": limpios["estatus"], "usuario": usuario.usuario})
    auditar(cur, usuario.usuario, "crear", "actividades", id_, despues=limpios, detalle=detalle, en=ahora)
    return id_


def actualizar_actividad(
    con: duckdb.DuckDBPyConnection,
    usuario: Usuario | None,
    id_: int,
    version: int,
    cambios: dict,
    ahora: datetime | None = None,
    enviar: bool = False,
) -> int:
    """Change an activity read at `version` and, with `enviar`, send it for review, in one transaction; returns the
    new version. See `_guardar_o_enviar` for a save that changes nothing."""
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        antes, datos = _leer_para_cambiar(cur, usuario, "actividades", id_, CAMPOS_ACTIVIDAD, cambios)
        limpios, problemas = revisar_actividad(datos, leer_catalogos(cur))
        _exigir_valida(problemas)
        return _guardar_o_enviar(
            cur, usuario, "actividades", id_, version, antes, limpios, CAMPOS_ACTIVIDAD, enviar, ahora,
            lambda: guardar_actividad(cur, usuario, id_, version, antes, limpios, ahora))


SIN_CAMBIOS = "no cambió ningún dato: no se guardó nada. Cambie un valor, o use «Guardar y enviar a revisión»."


class SinCambios(DatosInvalidos):
    """A save that would change nothing: nothing is written (the second click of a double click, too)."""


def _guardar_o_enviar(cur, usuario: Usuario, tabla: str, id_: int, version: int, antes: dict, limpios: dict,
                      campos: tuple, enviar: bool, ahora: datetime, guardar) -> int:
    """Save the checked values (`guardar()`) and, with `enviar`, send the record for review.

    A save that changes no field writes nothing and makes no version: with `enviar` it only sends the record;
    without, it is refused as «no cambió ningún dato». The same values sent again by a stale form (a double click, a
    second tab) are what is stored already: no conflict, nothing written, and a record already sent stays sent."""
    if campos_cambiados(antes, limpios, campos):
        nueva = guardar()
    elif not enviar:
        raise SinCambios([Problema("cambios", SIN_CAMBIOS)])
    elif antes["version"] != version and antes["revision"] == "enviada":
        return antes["version"]
    else:
        nueva = version
    if enviar:
        return _cambiar_revision(cur, usuario, tabla, id_, nueva, "enviar", None, ahora)
    return nueva


def guardar_actividad(cur, usuario: Usuario, id_: int, version: int, antes: dict, limpios: dict, ahora: datetime,
                      detalle: str | None = None) -> int:
    """Write checked values over the activity read as `antes` at `version` (back to draft), with a new report when
    the progress or status moved and the audit row, inside `cur`'s transaction. Returns the new version."""
    filas = ejecutar_en(cur, "autorreporte/actividad_actualizar", {
        **_columnas_actividad(limpios), "id": id_, "version": version, "usuario": usuario.usuario, "ahora": ahora,
    })
    if not filas:
        raise _conflicto(cur, "actividades", id_, "la actividad")
    _guardar_vinculos(cur, id_, limpios)
    if (limpios["avance"], limpios["estatus"]) != (antes["avance"], antes["estatus"]):
        ejecutar_en(cur, "autorreporte/reporte_avance_insertar", {"id": id_, "ahora": ahora, "avance": limpios["avance"],
                                                     "estatus": limpios["estatus"], "usuario": usuario.usuario})
    _auditar_cambio(cur, usuario, "actividades", id_, antes, limpios, CAMPOS_ACTIVIDAD, ahora, detalle)
    return filas[0]["version"]


def _comparable(valor):
    if isinstance(valor, (list, tuple)):
        return sorted(valor)
    if isinstance(valor, datetime):
        return valor.date()
    if isinstance(valor, str) and not valor.strip():
        return None
    return valor


def _entidad_de(cur, organismo: str | None) -> str | None:
    filas = ejecutar_en(cur, "autorreporte/organismo_existe", {"organismo": organismo}) if organismo else []
    return filas[0]["entidad"] if filas else None


def actualizar_compromiso(
    con: duckdb.DuckDBPyConnection,
    usuario: Usuario | None,
    id_: int,
    version: int,
    cambios: dict,
    ahora: datetime | None = None,
    enviar: bool = False,
) -> int:
    """Update a commitment's status, progress and notes (an enlace of its entidad, or an admin) and, with `enviar`,
    send it for review, in one transaction. Returns the new version."""
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        antes = _uno(cur, "autorreporte/compromiso_por_id", id_)
        if antes is None:
            raise DatosInvalidos([Problema("id", f"no existe el compromiso {id_}.")])
        exigir_entidad(usuario, antes["entidad"], _entidad_de(cur, usuario.organismo if usuario else None))
        datos = {c: antes[c] for c in CAMPOS_COMPROMISO} | {k: v for k, v in cambios.items() if k in CAMPOS_COMPROMISO}
        limpios, problemas = revisar_avance_compromiso(datos, leer_catalogos(cur))
        _exigir_valida(problemas)

        def guardar() -> int:
            filas = ejecutar_en(cur, "autorreporte/compromiso_actualizar", {
                "id": id_, "version": version, "estatus": limpios["estatus"], "avance": limpios["avance"],
                "notas": limpios["notas"],
            })
            if not filas:
                raise _conflicto(cur, "compromisos", id_, "el compromiso")
            _auditar_cambio(cur, usuario, "compromisos", id_, antes, limpios, CAMPOS_COMPROMISO, ahora)
            return filas[0]["version"]

        return _guardar_o_enviar(cur, usuario, "compromisos", id_, version, antes, limpios, CAMPOS_COMPROMISO, enviar,
                                 ahora, guardar)


def crear_capacitacion(
    con: duckdb.DuckDBPyConnection, usuario: Usuario | None, datos: dict, ahora: datetime | None = None,
    aunque_exista: bool = False,
) -> int:
    """Add a training the user's organismo organised, as a draft; its entidad is the organismo's. Returns its id.
    One with a title the organismo already has on the same start day is refused unless `aunque_exista`."""
    exigir_organismo(usuario, datos.get("organismo"))
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        limpios, problemas = revisar_capacitacion(datos, leer_catalogos(cur))
        _exigir_valida(problemas)
        if not aunque_exista:
            _exigir_nuevo(ejecutar_en(cur, "autorreporte/capacitaciones_del_dia", {
                "organismo": limpios["organismo"], "fecha_inicio": limpios["fecha_inicio"]}), limpios["titulo"],
                f"la capacitación #{{id}} del {limpios['fecha_inicio']:%d/%m/%Y}")
        organismo = ejecutar_en(cur, "autorreporte/organismo_existe", {"organismo": limpios["organismo"]})[0]
        id_ = ejecutar_en(cur, "autorreporte/capacitacion_siguiente_id")[0]["id"]
        ejecutar_en(cur, "autorreporte/capacitacion_insertar", {
            **{c: limpios[c] for c in CAMPOS_CAPACITACION}, "id": id_, "organizador": organismo["sigla"],
            "entidad": organismo["entidad"],
        })
        auditar(cur, usuario.usuario, "crear", "capacitaciones", id_, despues=limpios, en=ahora)
    return id_


def actualizar_capacitacion(
    con: duckdb.DuckDBPyConnection,
    usuario: Usuario | None,
    id_: int,
    version: int,
    cambios: dict,
    ahora: datetime | None = None,
    enviar: bool = False,
) -> int:
    """Change a training read at `version` (its organiser's enlace, or an admin) and, with `enviar`, send it for
    review, in one transaction; returns the new version."""
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        antes, datos = _leer_para_cambiar(cur, usuario, "capacitaciones", id_, CAMPOS_CAPACITACION, cambios)
        limpios, problemas = revisar_capacitacion(datos, leer_catalogos(cur))
        _exigir_valida(problemas)

        def guardar() -> int:
            filas = ejecutar_en(cur, "autorreporte/capacitacion_actualizar", {
                **{c: limpios[c] for c in CAMPOS_CAPACITACION if c != "organismo"}, "id": id_, "version": version,
            })
            if not filas:
                raise _conflicto(cur, "capacitaciones", id_, "la capacitación")
            _auditar_cambio(cur, usuario, "capacitaciones", id_, antes, limpios, CAMPOS_CAPACITACION, ahora)
            return filas[0]["version"]

        return _guardar_o_enviar(cur, usuario, "capacitaciones", id_, version, antes, limpios, CAMPOS_CAPACITACION,
                                 enviar, ahora, guardar)


def _cambiar_revision(cur, usuario: Usuario | None, tabla: str, id_: int, version: int, accion: str,
                      comentario: str | None, ahora: datetime) -> int:
    if tabla not in _TABLAS or accion not in TRANSICIONES:
        raise ValueError(f"tabla o acción desconocida: {tabla}, {accion}")
    leer, cambiar, nombre = _TABLAS[tabla]
    antes = _uno(cur, leer, id_)
    if antes is None:
        raise DatosInvalidos([Problema("id", f"no existe {nombre} {id_}.")])
    if accion == "enviar":
        _exigir_ambito(cur, usuario, tabla, antes)
    else:
        exigir_admin(usuario)
    desde, hacia = TRANSICIONES[accion]
    if antes["revision"] not in desde:
        raise DatosInvalidos([Problema("revision", (
            f"{nombre} {id_} está «{ESTADOS_REVISION[antes['revision']]}»; solo se puede {accion} desde "
            f"{' o '.join(ESTADOS_REVISION[e] for e in sorted(desde))}."
        ))])
    comentario = (comentario or "").strip() or None
    if accion == "observar" and not comentario:
        raise DatosInvalidos([Problema("comentario", "escriba qué debe corregir el enlace.")])
    filas = ejecutar_en(cur, cambiar, {"id": id_, "version": version, "revision": hacia,
                                       "observacion": comentario if accion == "observar" else None})
    if not filas:
        raise _conflicto(cur, tabla, id_, nombre)
    auditar(cur, usuario.usuario, accion, tabla, id_, antes={"revision": antes["revision"]},
            despues={"revision": hacia}, detalle=comentario, en=ahora)
    if accion == "validar":
        publicar(cur, tabla, [id_], usuario.usuario, ahora)
    return filas[0]["version"]


def _exigir_ambito(cur, usuario: Usuario | None, tabla: str, antes: dict) -> None:
    """The record's own organismo (activities, trainings) or entidad (commitments) may change it, or an admin."""
    if tabla == "compromisos":
        exigir_entidad(usuario, antes["entidad"], _entidad_de(cur, usuario.organismo if usuario else None))
    else:
        exigir_organismo(usuario, antes["organismo"])


_CAMPOS = {"actividades": CAMPOS_ACTIVIDAD, "compromisos": CAMPOS_COMPROMISO, "capacitaciones": CAMPOS_CAPACITACION}


def retirar_edicion(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, tabla: str, id_: int, version: int,
                    ahora: datetime | None = None) -> int:
    """Withdraw the pending edit of a published record read at `version`: its working version becomes the published
    one again (validated, no comment), audited with what the edit had changed. Its enlace or an admin; returns the
    new version. A record with no published version, or no edit pending, is refused with nothing written."""
    if tabla not in _TABLAS:
        raise ValueError(f"tabla desconocida: {tabla}")
    ahora = ahora or datetime.now()
    leer, _, nombre = _TABLAS[tabla]
    with transaccion(con) as cur:
        antes = _uno(cur, leer, id_)
        if antes is None:
            raise DatosInvalidos([Problema("id", f"no existe {nombre} {id_}.")])
        _exigir_ambito(cur, usuario, tabla, antes)
        publicado = leer_publicada(cur, tabla, id_)
        if publicado is None:
            raise DatosInvalidos([Problema("revision", (
                f"{nombre} {id_} nunca se ha publicado: no hay una versión publicada a la cual volver."))])
        if antes["version"] != version:
            raise _conflicto(cur, tabla, id_, nombre)
        if antes["revision"] == "validada":
            raise DatosInvalidos([Problema("revision", (
                f"{nombre} {id_} no tiene cambios en revisión: ya es la versión publicada."))])
        nueva = restaurar_publicada(cur, tabla, id_, version)
        if nueva is None:
            raise _conflicto(cur, tabla, id_, nombre)
        campos = _CAMPOS[tabla]
        if tabla == "actividades" and (publicado["avance"], publicado["estatus"]) != (antes["avance"], antes["estatus"]):
            ejecutar_en(cur, "autorreporte/reporte_avance_insertar", {
                "id": id_, "ahora": ahora, "avance": publicado["avance"], "estatus": publicado["estatus"],
                "usuario": usuario.usuario})
        cambiados = campos_cambiados(antes, publicado, tuple(c for c in campos if c in publicado))
        auditar(cur, usuario.usuario, "retirar", tabla, id_,
                antes={c: antes[c] for c in cambiados} | {"revision": antes["revision"]},
                despues={c: publicado[c] for c in cambiados} | {"revision": "validada"},
                detalle="cambios retirados: vuelve a la versión publicada", en=ahora)
    return nueva


def cambiar_revision(
    con: duckdb.DuckDBPyConnection,
    usuario: Usuario | None,
    tabla: str,
    id_: int,
    version: int,
    accion: str,
    comentario: str | None = None,
    ahora: datetime | None = None,
) -> int:
    """Send a record for review (its enlace), or validate or send it back with a comment (an admin)."""
    with transaccion(con) as cur:
        return _cambiar_revision(cur, usuario, tabla, id_, version, accion, comentario, ahora or datetime.now())


_BORRABLES = {
    "actividades": ("importar/actividad_borrar_reportes", "autorreporte/actividad_borrar_vinculos_transversales",
                    "autorreporte/actividad_borrar_vinculos_ods", "importar/actividad_borrar"),
    "capacitaciones": ("importar/capacitacion_borrar",),
}


def borrar_borrador(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, tabla: str, id_: int, version: int,
                    ahora: datetime | None = None) -> None:
    """Delete a draft that was never published: by the person who created it, or an admin. Audited with the whole
    record, so the history keeps what was deleted. A published record is never deleted (it is edited instead)."""
    if tabla not in _BORRABLES:
        raise ValueError(f"no se borran registros de {tabla}")
    ahora = ahora or datetime.now()
    leer, _, nombre = _TABLAS[tabla]
    with transaccion(con) as cur:
        antes = _uno(cur, leer, id_)
        if antes is None:
            raise DatosInvalidos([Problema("id", f"no existe {nombre} {id_} (¿ya se borró?).")])
        exigir_organismo(usuario, antes["organismo"])
        if antes["version"] != version:
            raise _conflicto(cur, tabla, id_, nombre)
        acciones = ejecutar_en(cur, "auditoria/acciones_de_registro", {"tabla": tabla, "registro": str(id_)})
        autor = next((a["usuario"] for a in acciones if a["accion"] in ("crear", "importar")), None)
        publicada = (leer_publicada(cur, tabla, id_) is not None or any(a["accion"] == "validar" for a in acciones)
                     or (autor is None and not antes.get("es_demo")))
        if publicada or antes["revision"] not in ("borrador", "observada"):
            raise DatosInvalidos([Problema("revision", (
                f"{nombre} {id_} ya se publicó alguna vez (o viene de la base original): no se borra; corríjala y "
                "envíela a revisión."))])
        if autor != usuario.usuario and not usuario.edita_lo_ajeno:
            raise DatosInvalidos([Problema("revision", (
                f"{nombre} {id_} la creó {autor or 'otra persona'}: solo quien la creó (o la Secretaría Ejecutiva) "
                "borra un borrador."))])
        for consulta in _BORRABLES[tabla]:
            ejecutar_en(cur, consulta, {"id": id_})
        auditar(cur, usuario.usuario, "borrar", tabla, id_, antes=antes, en=ahora)


def historial(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> pd.DataFrame:
    """Every audited change of one record, newest first (who, when, what, before and after)."""
    return ejecutar(con, "auditoria/historial", {"tabla": tabla, "registro": str(id_)})


# ------------------------------------------------------------------------------------------------ reads for the pages
# Never cached: a person must see their own change at once.


def actividades_de(con: duckdb.DuckDBPyConnection, organismo: str) -> pd.DataFrame:
    return ejecutar(con, "autorreporte/actividades_de_organismo", {"organismo": organismo})


def compromisos_de(con: duckdb.DuckDBPyConnection, entidad: str) -> pd.DataFrame:
    return ejecutar(con, "autorreporte/compromisos_de_entidad", {"entidad": entidad})


def capacitaciones_de(con: duckdb.DuckDBPyConnection, organismo: str) -> pd.DataFrame:
    return ejecutar(con, "autorreporte/capacitaciones_de_organismo", {"organismo": organismo})


def observados_de(con: duckdb.DuckDBPyConnection, organismo: str) -> list[dict]:
    """What the secretariat sent back to the organismo, with its comment (tabla, id, titulo, observacion)."""
    with con.cursor() as cur:
        return ejecutar_en(cur, "autorreporte/observados_de_organismo", {"organismo": organismo})


def cola_de_revision(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return ejecutar(con, "autorreporte/cola_revision", {})


def entidad_de_organismo(con: duckdb.DuckDBPyConnection, organismo: str) -> str | None:
    with con.cursor() as cur:
        return _entidad_de(cur, organismo)


def opciones_formulario(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    """The form's choices by list: programa, eje (with its programa and kind), estatus, ods, tipo."""
    with con.cursor() as cur:
        filas = ejecutar_en(cur, "autorreporte/opciones_formulario")
    listas: dict[str, list[dict]] = {}
    for fila in filas:
        listas.setdefault(fila["lista"], []).append(fila)
    return listas
