"""The reviewer's core (pizarras.escritura.revision): the queue's filters and order, validation in two steps that
names rule-breakers and refuses them unless told, all or nothing, sending back with a comment, and «Qué cambió»."""

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
    assert list(problemas.columns) == ["Tipo", "Núm.", "Organismo o entidad", "Título", "Regla que no cumple"]
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


def test_what_changed_since_the_last_validation(con):
    admin, enlace = como("admin.snt"), como("enlace.itei")
    revision.validar(con, admin, [("actividades", 2, 3)], ahora=datetime(2025, 5, 2, 8))
    v = autorreporte.actualizar_actividad(con, enlace, 2, 4, {
        "avance": 80, "evidencia_url": "https://itei.org.mx/informe.pdf", "fecha_fin": "15/05/2025"},
        datetime(2025, 5, 10, 9))
    v = autorreporte.actualizar_actividad(con, enlace, 2, v, {"avance": 100, "estatus": "concluida", "notas": "Listo"},
                                          datetime(2025, 5, 11, 9))
    v = autorreporte.actualizar_actividad(con, enlace, 2, v, {"notas": None}, datetime(2025, 5, 11, 10))
    cambio = revision.que_cambio(con, "actividades", 2)
    assert cambio.desde == "desde su última validación, el 02/05/2025 08:00"
    filas = {f["Campo"]: (f["Antes"], f["Después"]) for f in cambio.filas.to_dict("records")}
    # The 50 → 60 before the validation is not listed; the notes written and erased are not either.
    assert filas == {"Fecha de término": ("31/12/2024", "15/05/2025"), "Estatus": ("En proceso", "Concluida"),
                     "Avance (%)": ("60", "100"),
                     "Evidencia (URL)": ("—", "https://itei.org.mx/informe.pdf")}


def test_what_changed_since_creation_when_never_validated(con):
    enlace = como("enlace.itei")
    id_ = autorreporte.crear_actividad(con, enlace, NUEVA, datetime(2025, 5, 1, 9))
    v = autorreporte.actualizar_actividad(con, enlace, id_, 1, {"avance": 55, "ods": [5, 16], "transversales": []},
                                          datetime(2025, 5, 3, 9))
    autorreporte.cambiar_revision(con, enlace, "actividades", id_, v, "enviar")
    cambio = revision.que_cambio(con, "actividades", id_)
    assert cambio.desde.startswith("desde su alta, el 01/05/2025 09:00")
    ods = {n: nombre for n, nombre in con.execute("select numero, nombre from ods").fetchall()}
    transversal = con.execute("select nombre from ejes where clave = 'PROTAI-X1'").fetchone()[0]
    assert cambio.filas.to_dict("records") == [
        {"Campo": "Ejes transversales", "Antes": transversal, "Después": "—"},
        {"Campo": "ODS", "Antes": f"16 {ods[16]}", "Después": f"5 {ods[5]}; 16 {ods[16]}"},
        {"Campo": "Avance (%)", "Antes": "40", "Después": "55"},
    ]


def test_what_changed_without_history_says_so(con):
    cambio = revision.que_cambio(con, "actividades", 1)
    assert cambio.desde == "La bitácora no registra cambios de este registro." and cambio.filas.empty


def test_the_queue_is_the_same_function_as_before():
    assert revision.cola_de_revision is autorreporte.cola_de_revision
