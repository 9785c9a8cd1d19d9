"""What the self-report forms need from the core: a save that changes nothing writes nothing, a save and a send are
one transaction, a repeated send is harmless, a second identical creation asks first, a draft can be deleted by its
author, and an enlace is told what came back observed."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from pizarras.escritura import autorreporte
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.reglas import DatosInvalidos
from tests.apoyo.comparar import instantanea
from tests.apoyo.cuentas_prueba import NUEVA, como

AHORA = datetime(2025, 6, 2, 10, 0)
ENLACE, OTRO_ENLACE_ITEI, ADMIN = como("enlace.itei"), como("enlace.itei"), como("admin.snt")
ESCRITAS = ("actividades", "actividad_ejes_transversales", "actividad_ods", "reportes_avance", "capacitaciones",
            "compromisos", "auditoria")
CAPACITACION = {"organismo": "ITEI", "titulo": "Taller de datos abiertos", "tipo": "taller", "modalidad": "virtual",
                "fecha_inicio": "10/03/2025", "participantes": 30}


def fila(con, id_):
    return con.execute("select avance, revision, version from actividades where id = ?", [id_]).fetchone()


def acciones(con, tabla, id_):
    return [a for (a,) in con.execute("select accion from auditoria where tabla = ? and registro = ? order by id",
                                      [tabla, str(id_)]).fetchall()]


def test_a_save_that_changes_nothing_writes_nothing(con_escritura):
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    antes = instantanea(con, ESCRITAS)
    with pytest.raises(DatosInvalidos, match="no cambió ningún dato"):
        autorreporte.actualizar_actividad(con, ENLACE, id_, 1, {"avance": 40, "notas": "  "}, AHORA)
    assert instantanea(con, ESCRITAS) == antes


def test_save_and_send_is_one_transaction_and_a_send_without_changes_only_sends(con_escritura):
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    version = autorreporte.actualizar_actividad(con, ENLACE, id_, 1, {"avance": 60}, AHORA, enviar=True)
    assert fila(con, id_) == (60, "enviada", version)
    assert acciones(con, "actividades", id_) == ["crear", "actualizar", "enviar"]
    autorreporte.cambiar_revision(con, ADMIN, "actividades", id_, version, "observar", "Falta la evidencia")
    version = fila(con, id_)[2]
    autorreporte.actualizar_actividad(con, ENLACE, id_, version, {}, AHORA, enviar=True)
    assert fila(con, id_) == (60, "enviada", version + 1)
    assert acciones(con, "actividades", id_)[-2:] == ["observar", "enviar"]


def test_a_send_refused_by_the_rules_writes_neither_the_save_nor_the_send(con_escritura):
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    antes = instantanea(con, ESCRITAS)
    with pytest.raises(DatosInvalidos, match="entre 0 y 100"):
        autorreporte.actualizar_actividad(con, ENLACE, id_, 1, {"avance": 150}, AHORA, enviar=True)
    assert instantanea(con, ESCRITAS) == antes


def test_the_same_send_twice_from_a_stale_form_is_harmless(con_escritura):
    """A double click, or the same change from a second tab: the record holds those values and is sent."""
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    version = autorreporte.actualizar_actividad(con, ENLACE, id_, 1, {"avance": 60}, AHORA, enviar=True)
    antes = instantanea(con, ESCRITAS)
    assert autorreporte.actualizar_actividad(con, ENLACE, id_, 1, {"avance": 60}, AHORA, enviar=True) == version
    assert instantanea(con, ESCRITAS) == antes


def test_a_different_change_from_a_stale_form_is_a_conflict_with_the_stored_values(con_escritura):
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    autorreporte.actualizar_actividad(con, ENLACE, id_, 1, {"avance": 60}, AHORA)
    antes = instantanea(con, ESCRITAS)
    with pytest.raises(CambioConcurrente) as error:
        autorreporte.actualizar_actividad(con, OTRO_ENLACE_ITEI, id_, 1, {"avance": 40, "notas": "Mi nota"}, AHORA,
                                          enviar=True)
    assert error.value.actual["avance"] == 60 and "enlace.itei" in str(error.value)
    assert instantanea(con, ESCRITAS) == antes


def test_commitments_and_trainings_follow_the_same_rules(con_escritura):
    con = con_escritura
    compromiso = con.execute("select id, version, avance from compromisos where entidad = '14' order by id"
                             ).fetchone()
    id_, version, avance = compromiso
    with pytest.raises(DatosInvalidos, match="no cambió ningún dato"):
        autorreporte.actualizar_compromiso(con, ENLACE, id_, version, {"avance": avance}, AHORA)
    nueva = autorreporte.actualizar_compromiso(con, ENLACE, id_, version, {"avance": 55, "estatus": "en_proceso"}, AHORA,
                                              enviar=True)
    assert con.execute("select avance, revision, version from compromisos where id = ?", [id_]).fetchone() == \
        (55, "enviada", nueva)
    assert acciones(con, "compromisos", id_)[-2:] == ["actualizar", "enviar"]
    cap = autorreporte.crear_capacitacion(con, ENLACE, CAPACITACION, AHORA)
    autorreporte.actualizar_capacitacion(con, ENLACE, cap, 1, {"participantes": 31}, AHORA, enviar=True)
    assert con.execute("select participantes, revision from capacitaciones where id = ?", [cap]).fetchone() == \
        (31, "enviada")


def test_creating_the_same_activity_twice_asks_first(con_escritura):
    con = con_escritura
    primera = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    antes = instantanea(con, ESCRITAS)
    repetida = {**NUEVA, "titulo": "  JORNADA de datos   abiertos "}
    with pytest.raises(autorreporte.PosibleDuplicado, match=f"#{primera}"):
        autorreporte.crear_actividad(con, ENLACE, repetida, AHORA)
    assert instantanea(con, ESCRITAS) == antes
    # Another periodo is another activity; and the person may insist.
    autorreporte.crear_actividad(con, ENLACE, {**NUEVA, "periodo": 2026}, AHORA)
    autorreporte.crear_actividad(con, ENLACE, repetida, AHORA, aunque_exista=True)


def test_creating_the_same_training_twice_asks_first(con_escritura):
    con = con_escritura
    autorreporte.crear_capacitacion(con, ENLACE, CAPACITACION, AHORA)
    with pytest.raises(autorreporte.PosibleDuplicado, match="10/03/2025"):
        autorreporte.crear_capacitacion(con, ENLACE, CAPACITACION, AHORA)
    autorreporte.crear_capacitacion(con, ENLACE, {**CAPACITACION, "fecha_inicio": "11/03/2025"}, AHORA)


def test_its_author_deletes_a_draft_with_its_links_and_the_history_keeps_it(con_escritura):
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    autorreporte.borrar_borrador(con, ENLACE, "actividades", id_, 1, AHORA)
    for tabla, columna in (("actividades", "id"), ("actividad_ods", "actividad"),
                           ("actividad_ejes_transversales", "actividad"), ("reportes_avance", "actividad")):
        assert con.execute(f"select count(*) from {tabla} where {columna} = ?", [id_]).fetchone()[0] == 0
    accion, antes = con.execute("select accion, antes from auditoria where tabla = 'actividades' and registro = ? "
                                "order by id desc limit 1", [str(id_)]).fetchone()
    assert accion == "borrar" and json.loads(antes)["titulo"] == NUEVA["titulo"]


def test_a_published_record_a_stale_form_or_someone_elses_draft_is_not_deleted(con_escritura):
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    antes = instantanea(con, ESCRITAS)
    with pytest.raises(CambioConcurrente):
        autorreporte.borrar_borrador(con, ENLACE, "actividades", id_, 7, AHORA)
    otro = type(ENLACE)("otra.persona", "Otra", "o@itei.org.mx", "enlace", "ITEI")
    with pytest.raises(DatosInvalidos, match="la creó enlace.itei"):
        autorreporte.borrar_borrador(con, otro, "actividades", id_, 1, AHORA)
    assert instantanea(con, ESCRITAS) == antes
    version = autorreporte.cambiar_revision(con, ENLACE, "actividades", id_, 1, "enviar")
    version = autorreporte.cambiar_revision(con, ADMIN, "actividades", id_, version, "validar")
    version = autorreporte.actualizar_actividad(con, ENLACE, id_, version, {"avance": 70}, AHORA)
    with pytest.raises(DatosInvalidos, match="ya se publicó"):
        autorreporte.borrar_borrador(con, ENLACE, "actividades", id_, version, AHORA)
    # A record of the original base (no creation in the audit) is never deleted.
    base = con.execute("select id, version from actividades where organismo = 'ITEI' and id <> ? order by id",
                       [id_]).fetchone()
    with pytest.raises(DatosInvalidos):
        autorreporte.borrar_borrador(con, ADMIN, "actividades", base[0], base[1], AHORA)


def test_an_enlace_is_told_what_came_back_observed(con_escritura):
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, ENLACE, NUEVA, AHORA)
    version = autorreporte.cambiar_revision(con, ENLACE, "actividades", id_, 1, "enviar")
    assert autorreporte.observados_de(con, "ITEI") == []
    autorreporte.cambiar_revision(con, ADMIN, "actividades", id_, version, "observar", "Falta la evidencia")
    assert autorreporte.observados_de(con, "ITEI") == [
        {"tabla": "actividades", "id": id_, "titulo": NUEVA["titulo"], "observacion": "Falta la evidencia"}]
    assert autorreporte.observados_de(con, "IDAIP") == []
