"""The reviewer's core (pizarras.escritura.revision): the queue's filters and order, validation in two steps that
names rule-breakers and refuses them unless told, all or nothing, sending back with a comment, and «Qué cambió»:
the pending working version against the published one, in the plan of a validation too."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from pizarras.escritura import autorreporte, revision
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.permisos import NoAutorizado
from pizarras.escritura.reglas import DatosInvalidos
from tests.apoyo.comparar import instantanea
from tests.apoyo.cuentas_prueba import NUEVA, como

AHORA = datetime(2025, 6, 2, 10, 0)
ESCRITAS = ("actividades", "compromisos", "capacitaciones", "auditoria")


def revisiones(con, tabla, *ids):
    return [r for (r,) in con.execute(f"select revision from {tabla} where id in ({', '.join(map(str, ids))}) "
                                      "order by id").fetchall()]


@pytest.fixture()
def con(con_escritura):
    """Three records in review: activity 2 (ITEI) and commitment 2 (Jalisco) sent by the ITEI enlace on 1 and 28
    May, and activity 1 (ITEI, concluded without evidence: the form would refuse it) put in review by hand, as an
    old database may hold it."""
    c, enlace = con_escritura, como("enlace.itei")
    v = autorreporte.actualizar_actividad(c, enlace, 2, 1, {"avance": 60}, datetime(2025, 5, 1, 9))
    autorreporte.cambiar_revision(c, enlace, "actividades", 2, v, "enviar", ahora=datetime(2025, 5, 1, 9, 5))
    v = autorreporte.actualizar_compromiso(c, enlace, 2, 1, {"avance": 45}, datetime(2025, 5, 28, 9))
    autorreporte.cambiar_revision(c, enlace, "compromisos", 2, v, "enviar", ahora=datetime(2025, 5, 28, 9, 5))
    c.execute("update actividades set revision = 'enviada' where id = 1")
    return c


def test_the_queue_knows_when_each_record_was_sent(con):
    cola = revision.cola_de_revision(con)
    enviadas = {(f["tabla"], f["id"]): f["enviada_en"] for f in cola.to_dict("records")}
    assert enviadas == {("actividades", 2): pd.Timestamp(2025, 5, 1, 9, 5),
                        ("compromisos", 2): pd.Timestamp(2025, 5, 28, 9, 5),
                        ("actividades", 1): pd.Timestamp(2023, 7, 1, 10)}  # no audit row: its report date


def test_the_queue_filters_by_organismo_kind_and_age_and_sorts_both_ways(con):
    cola = revision.cola_de_revision(con)
    ids = lambda t: list(zip(t["tabla"], t["id"]))  # noqa: E731
    filtrar = lambda **f: revision.filtrar_cola(cola, revision.FiltroCola(**f), AHORA)  # noqa: E731
    assert ids(filtrar()) == [("actividades", 1), ("actividades", 2), ("compromisos", 2)]
    assert ids(filtrar(orden="recientes")) == [("compromisos", 2), ("actividades", 2), ("actividades", 1)]
    assert ids(filtrar(quien=("Jalisco",))) == [("compromisos", 2)]
    assert ids(filtrar(quien=("ITEI",), tipos=("actividades",))) == [("actividades", 1), ("actividades", 2)]
    assert ids(filtrar(tipos=("capacitaciones",))) == []
    assert ids(filtrar(antiguedad="7")) == [("actividades", 1), ("actividades", 2)]  # 28 May is 5 days before
    assert ids(filtrar(antiguedad="30")) == [("actividades", 1), ("actividades", 2)]  # 1 May is 32 days before
    assert ids(filtrar(antiguedad="30", orden="recientes")) == [("actividades", 2), ("actividades", 1)]
    assert list(filtrar()["dias"]) == [702, 32, 5]
    sin_fecha = cola.assign(enviada_en=[None, *cola["enviada_en"][1:]])
    todas = revision.filtrar_cola(sin_fecha, revision.FiltroCola(orden="recientes"), AHORA)
    assert ids(todas)[-1] == ids(filtrar())[0]  # an unknown date goes last, either way
    assert len(revision.filtrar_cola(sin_fecha, revision.FiltroCola(antiguedad="7"), AHORA)) == 1


def test_the_queue_as_shown_has_labels_dates_and_no_none(con):
    vista = revision.vista_de_cola(revision.filtrar_cola(revision.cola_de_revision(con), ahora=AHORA))
    assert list(vista.columns) == ["Tipo", "Núm.", "Organismo o entidad", "Título", "Estatus", "Avance", "Evidencia",
                                   "Reportó", "Enviado", "Días en espera"]
    assert list(vista["Enviado"]) == ["01/07/2023", "01/05/2025", "28/05/2025"]
    assert list(vista["Tipo"]) == ["Actividad", "Actividad", "Compromiso"]
    assert list(vista["Reportó"])[-1] == "—"
    assert not vista.isna().any().any() and "None" not in vista.astype(str).to_string()


def test_the_first_step_lists_the_records_that_break_a_rule_with_the_rule(con):
    instante = instantanea(con, ESCRITAS)
    plan = revision.plan_de_validacion(con, revision.cola_de_revision(con))
    assert plan.sin_problemas == (("actividades", 2, 3), ("compromisos", 2, 3))
    assert [(i.tabla, i.id) for i in plan.con_problemas] == [("actividades", 1)]
    assert "concluida necesita la dirección web de su evidencia" in plan.con_problemas[0].reglas
    problemas = plan.vista_con_problemas()
    assert list(problemas.columns) == ["Tipo", "Núm.", "Organismo o entidad", "Título", "Qué cambia en lo público",
                                       "Regla que no cumple"]
    assert list(plan.vista_sin_problemas()["Núm."]) == [2, 2]
    assert plan.a_validar(False) == [("actividades", 2, 3), ("compromisos", 2, 3)]
    assert plan.a_validar(True)[-1] == ("actividades", 1, 1)
    assert instantanea(con, ESCRITAS) == instante  # the first step writes nothing


def test_a_rule_breaker_is_refused_without_the_flag_and_nothing_is_written(con):
    instante = instantanea(con, ESCRITAS)
    todas = revision.claves(revision.cola_de_revision(con))
    with pytest.raises(DatosInvalidos) as error:
        revision.validar(con, como("admin.snt"), todas, ahora=AHORA)
    assert [p.campo for p in error.value.problemas] == ["Actividad #1"]
    assert "evidencia" in str(error.value)
    assert instantanea(con, ESCRITAS) == instante


def test_the_flag_validates_the_rule_breakers_too_each_audited(con):
    todas = revision.claves(revision.cola_de_revision(con))
    assert revision.validar(con, como("admin.snt"), todas, tambien_con_problemas=True, ahora=AHORA) == 3
    assert revisiones(con, "actividades", 1, 2) == ["validada", "validada"]
    assert revisiones(con, "compromisos", 2) == ["validada"]
    assert con.execute("select count(*) from auditoria where accion = 'validar' and usuario = 'admin.snt'"
                       ).fetchone()[0] == 3


def test_validating_the_ones_without_problems_leaves_the_rule_breaker_in_review(con):
    plan = revision.plan_de_validacion(con, revision.cola_de_revision(con))
    assert revision.validar(con, como("admin.snt"), plan.a_validar(False), ahora=AHORA) == 2
    assert revisiones(con, "actividades", 1, 2) == ["enviada", "validada"]


def test_a_record_changed_meanwhile_stops_the_whole_batch_and_says_who(con):
    plan = revision.plan_de_validacion(con, revision.cola_de_revision(con))
    # Another reviewer validates the commitment between the two steps.
    revision.validar(con, como("admin.snt"), [("compromisos", 2, 3)], ahora=datetime(2025, 6, 2, 9, 30))
    instante = instantanea(con, ESCRITAS)
    with pytest.raises(CambioConcurrente) as error:
        revision.validar(con, como("admin.snt"), plan.a_validar(False), ahora=AHORA)
    assert "No se validó nada" in str(error.value) and "el compromiso #2" in str(error.value)
    assert "admin.snt lo validó el 02/06/2025 a las 09:30" in str(error.value) and "«Validada»" in str(error.value)
    assert instantanea(con, ESCRITAS) == instante
    assert revisiones(con, "actividades", 2) == ["enviada"]  # all or nothing


@pytest.mark.parametrize("usuario", ["enlace.itei", "evaluacion"])
def test_only_an_admin_validates_or_sends_back(con, usuario):
    instante = instantanea(con, ESCRITAS)
    with pytest.raises(NoAutorizado):
        revision.validar(con, como(usuario), [("actividades", 2, 3)])
    with pytest.raises(NoAutorizado):
        revision.devolver(con, como(usuario), "actividades", 2, 3, "Corrija")
    assert instantanea(con, ESCRITAS) == instante


def test_sending_back_needs_a_comment_and_the_version_read(con):
    admin = como("admin.snt")
    instante = instantanea(con, ESCRITAS)
    with pytest.raises(DatosInvalidos) as error:
        revision.devolver(con, admin, "actividades", 2, 3, "   ")
    assert [p.campo for p in error.value.problemas] == ["comentario"]
    with pytest.raises(CambioConcurrente) as error:
        revision.devolver(con, admin, "actividades", 2, 2, "Falta la evidencia")
    assert "No se devolvió y su comentario («Falta la evidencia») no se aplicó a ningún registro: la actividad #2" in str(
        error.value)
    assert instantanea(con, ESCRITAS) == instante
    assert revision.devolver(con, admin, "actividades", 2, 3, "Falta la evidencia", AHORA) == 4
    assert con.execute("select revision, observacion from actividades where id = 2").fetchone() == (
        "observada", "Falta la evidencia")
    with pytest.raises(CambioConcurrente):  # a second click with the same version returns nothing more
        revision.devolver(con, admin, "actividades", 2, 3, "Falta la evidencia")
    assert con.execute("select count(*) from auditoria where accion = 'observar'").fetchone()[0] == 1


def filas_de(cambio) -> dict:
    return {f["Campo"]: (f["Antes"], f["Después"]) for f in cambio.filas.to_dict("records")}


def test_what_changed_is_the_pending_version_against_the_published_one(con):
    admin, enlace = como("admin.snt"), como("enlace.itei")
    cambio = revision.que_cambio(con, "actividades", 2)  # sent at 60 %; the public sees 50 %
    assert cambio.desde.startswith("Frente a la versión publicada (validada el 15/11/2024 09:00)")
    assert cambio.filas.to_dict("records") == [{"Campo": "Avance (%)", "Antes": "50", "Después": "60"}]
    assert (cambio.publicada, cambio.pendiente, cambio.avance) == (True, True, ("50 %", "60 %"))

    revision.validar(con, admin, [("actividades", 2, 3)], ahora=datetime(2025, 5, 2, 8))
    validada = revision.que_cambio(con, "actividades", 2)
    assert validada.filas.empty and not validada.pendiente
    assert validada.desde.startswith("Nada cambia frente a la versión publicada (validada el 02/05/2025 08:00)")
    v = autorreporte.actualizar_actividad(con, enlace, 2, 4, {
        "avance": 80, "evidencia_url": "https://itei.org.mx/informe.pdf", "fecha_fin": "15/05/2025",
        "ods": [5, 16], "transversales": ["PRONADATOS-X1"]}, datetime(2025, 5, 10, 9))
    v = autorreporte.actualizar_actividad(con, enlace, 2, v, {"avance": 100, "estatus": "concluida", "notas": "Listo"},
                                          datetime(2025, 5, 11, 9))
    v = autorreporte.actualizar_actividad(con, enlace, 2, v, {"notas": None}, datetime(2025, 5, 11, 10))
    cambio = revision.que_cambio(con, "actividades", 2)
    ods = {n: nombre for n, nombre in con.execute("select numero, nombre from ods").fetchall()}
    transversal = con.execute("select nombre from ejes where clave = 'PRONADATOS-X1'").fetchone()[0]
    # Against what the public sees (60 % since the validation), in the form's order; the notes written and erased
    # are no change to the public.
    assert list(filas_de(cambio).items()) == [
        ("Ejes transversales", ("—", transversal)),
        ("ODS", (f"5 {ods[5]}", f"5 {ods[5]}; 16 {ods[16]}")),
        ("Fecha de término", ("31/12/2024", "15/05/2025")),
        ("Estatus", ("En proceso", "Concluida")),
        ("Avance (%)", ("60", "100")),
        ("Evidencia (URL)", ("—", "https://itei.org.mx/informe.pdf")),
    ]
    assert cambio.campos == ("transversales", "ods", "fecha_fin", "estatus", "avance", "evidencia_url")


def test_a_record_never_published_is_shown_as_new_with_its_values(con):
    enlace = como("enlace.itei")
    id_ = autorreporte.crear_actividad(con, enlace, NUEVA, datetime(2025, 5, 1, 9))
    v = autorreporte.actualizar_actividad(con, enlace, id_, 1, {"avance": 55, "ods": [5, 16], "transversales": []},
                                          datetime(2025, 5, 3, 9))
    autorreporte.cambiar_revision(con, enlace, "actividades", id_, v, "enviar")
    cambio = revision.que_cambio(con, "actividades", id_)
    assert not cambio.publicada and cambio.pendiente and cambio.avance is None
    assert "nunca se ha publicado" in cambio.desde.lower()
    ods = {n: nombre for n, nombre in con.execute("select numero, nombre from ods").fetchall()}
    filas = filas_de(cambio)
    assert set(a for a, _ in filas.values()) == {"—"}  # the public has seen nothing of it
    assert filas["Título"] == ("—", "Jornada de datos abiertos")
    assert filas["ODS"] == ("—", f"5 {ods[5]}; 16 {ods[16]}")
    assert filas["Avance (%)"] == ("—", "55") and filas["Estatus"] == ("—", "En proceso")
    assert filas["Fecha de inicio"] == ("—", "01/03/2025") and filas["Organismo"] == ("—", "ITEI")
    # Empty fields say nothing: no evidence, no notes, no transversal eje.
    assert not {"Evidencia (URL)", "Notas", "Ejes transversales"} & set(filas)
    assert cambio.resumen == "Nueva: nunca se ha publicado"


def test_commitments_and_trainings_against_their_published_versions(con):
    enlace = como("enlace.itei")
    compromiso = revision.que_cambio(con, "compromisos", 2)  # sent at 45 %; the public sees 40 %
    assert filas_de(compromiso) == {"Avance (%)": ("40", "45")}
    v = autorreporte.actualizar_capacitacion(con, enlace, 1, 1, {"participantes": 120, "notas": "Con video"},
                                             datetime(2025, 5, 3, 9))
    capacitacion = revision.que_cambio(con, "capacitaciones", 1)
    assert list(filas_de(capacitacion).items()) == [("Participantes", ("100", "120")), ("Notas", ("—", "Con video"))]
    assert capacitacion.revision == "borrador" and capacitacion.pendiente and capacitacion.avance is None
    autorreporte.actualizar_compromiso(con, enlace, 2, 3, {"estatus": "concluida", "avance": 100})
    # A commitment's status in the commitments' own words («Concluido», not the activities' «Concluida»).
    assert filas_de(revision.que_cambio(con, "compromisos", 2)) == {"Estatus": ("En proceso", "Concluido"),
                                                                    "Avance (%)": ("40", "100")}
    assert v == 2  # a draft of the training: saved, not sent


def test_observing_keeps_the_diff_and_withdrawing_or_validating_ends_it(con):
    admin, enlace = como("admin.snt"), como("enlace.itei")
    v = revision.devolver(con, admin, "actividades", 2, 3, "Falta la evidencia", AHORA)
    devuelta = revision.que_cambio(con, "actividades", 2)
    assert devuelta.revision == "observada" and filas_de(devuelta) == {"Avance (%)": ("50", "60")}
    autorreporte.retirar_edicion(con, enlace, "actividades", 2, v, AHORA)
    retirada = revision.que_cambio(con, "actividades", 2)
    assert retirada.filas.empty and not retirada.pendiente


def test_the_plan_says_what_each_record_changes_publicly(con):
    enlace = como("enlace.itei")
    v = autorreporte.actualizar_actividad(con, enlace, 2, 3, {"ods": [16], "titulo": "Datos abiertos de Jalisco: "
                                                              "una segunda edición con los municipios"}, AHORA)
    autorreporte.cambiar_revision(con, enlace, "actividades", 2, v, "enviar")
    nueva = autorreporte.crear_actividad(con, enlace, NUEVA, AHORA)
    autorreporte.cambiar_revision(con, enlace, "actividades", nueva, 1, "enviar")
    instante = instantanea(con, ESCRITAS)
    plan = revision.plan_de_validacion(con, revision.cola_de_revision(con))
    assert instantanea(con, ESCRITAS) == instante
    ods = {n: nombre for n, nombre in con.execute("select numero, nombre from ods").fetchall()}
    resumen = dict(zip(plan.vista_sin_problemas()["Núm."], plan.vista_sin_problemas()["Qué cambia en lo público"]))
    # Each value cut at 40 characters: the record's own table has them whole.
    assert resumen[2] == (f"ODS: 5 {ods[5]} → 16 {ods[16]}; Título: Actividad 2 → Datos abiertos de Jalisco: una "
                          "segunda…; Avance: 50 % → 60 %")
    assert resumen[nueva] == "Nueva: nunca se ha publicado"
    assert plan.resumen_de("compromisos", 2) == "Avance: 40 % → 45 %"
    # Activity 1 was put in review with nothing changed: validating it changes nothing the public sees.
    assert list(plan.vista_con_problemas()["Qué cambia en lo público"]) == ["Nada: ya es lo publicado"]


def test_what_changed_reads_many_records_at_once_and_leaves_out_what_no_longer_exists(con):
    cambios = revision.cambios_de(con, [("actividades", 2), ("compromisos", 2), ("actividades", 99)])
    assert set(cambios) == {("actividades", 2), ("compromisos", 2)}
    assert cambios[("actividades", 2)].filas.equals(revision.que_cambio(con, "actividades", 2).filas)
    assert revision.que_cambio(con, "actividades", 99).desde == "Actividad #99 ya no existe."


def test_the_queue_is_the_same_function_as_before():
    assert revision.cola_de_revision is autorreporte.cola_de_revision
