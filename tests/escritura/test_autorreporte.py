"""Self-report writes through the package API: roles, validation, review, audit, versions."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from pizarras.escritura import autorreporte, cuentas, revision
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.permisos import NoAutorizado
from pizarras.escritura.reglas import DatosInvalidos
from tests.apoyo.comparar import instantanea
from tests.apoyo.cuentas_prueba import NUEVA, USUARIOS, como

AHORA = datetime(2025, 6, 2, 10, 0)


def quien(usuario: str) -> Usuario:
    return como(usuario)


def cuenta(con, sql, *parametros):
    return con.execute(sql, list(parametros)).fetchone()[0]


# Everything a write could touch: refused writes must leave it identical.
ESCRITAS = ("actividades", "actividad_ejes_transversales", "actividad_ods", "compromisos", "reportes_avance")


# ------------------------------------------------------------------------------------------------ roles


def test_an_enlace_creates_a_draft_of_its_own_organismo_with_links_history_and_audit(con_escritura):
    con = con_escritura
    id_ = autorreporte.crear_actividad(con, quien("enlace.itei"), NUEVA, AHORA)
    fila = con.execute(
        "select organismo, revision, version, avance, fecha_inicio::varchar, es_demo, reportado_por "
        "from actividades where id = ?", [id_]
    ).fetchone()
    assert fila == ("ITEI", "borrador", 1, 40, "2025-03-01", False, "enlace.itei")
    assert cuenta(con, "select count(*) from actividad_ejes_transversales where actividad = ?", id_) == 1
    assert cuenta(con, "select list(ods) from actividad_ods where actividad = ?", id_) == [16]
    assert cuenta(con, "select count(*) from reportes_avance where actividad = ?", id_) == 1
    accion, despues = con.execute(
        "select accion, despues from auditoria where tabla = 'actividades' and registro = ?", [str(id_)]
    ).fetchone()
    assert accion == "crear" and json.loads(despues)["titulo"] == NUEVA["titulo"]


@pytest.mark.parametrize("usuario", ["enlace.idaip", "evaluacion"])
def test_an_activity_of_another_organismo_is_refused_and_nothing_is_written(con_escritura, usuario):
    antes = instantanea(con_escritura, ESCRITAS)
    with pytest.raises(NoAutorizado):
        autorreporte.crear_actividad(con_escritura, quien(usuario), NUEVA, AHORA)
    # Activity 1 is ITEI's: an IDAIP enlace forging a request for it is refused by the core.
    with pytest.raises(NoAutorizado):
        autorreporte.actualizar_actividad(con_escritura, quien(usuario), 1, 1, {"avance": 10}, AHORA)
    with pytest.raises(NoAutorizado):
        # Claiming the record is IDAIP's does not help: the stored organismo is what counts.
        autorreporte.actualizar_actividad(con_escritura, quien(usuario), 1, 1, {"organismo": "IDAIP"}, AHORA)
    assert instantanea(con_escritura, ESCRITAS) == antes
    assert cuenta(con_escritura, "select count(*) from auditoria where tabla = 'actividades'") == 0


def test_an_admin_writes_for_any_organismo_and_nobody_logged_out_writes(con_escritura):
    id_ = autorreporte.crear_actividad(con_escritura, quien("admin.snt"), {**NUEVA, "organismo": "IDAIP",
                                       "transversales": []}, AHORA)
    assert cuenta(con_escritura, "select organismo from actividades where id = ?", id_) == "IDAIP"
    with pytest.raises(NoAutorizado):
        autorreporte.crear_actividad(con_escritura, None, NUEVA, AHORA)


def test_an_enlace_updates_commitments_of_its_entidad_only(con_escritura):
    # Commitments 1 and 2 are Jalisco's (ITEI), 3 is Durango's (IDAIP).
    version = autorreporte.actualizar_compromiso(con_escritura, quien("enlace.itei"), 2, 1,
                                                 {"estatus": "en_proceso", "avance": 55}, AHORA)
    assert version == 2
    assert con_escritura.execute("select avance, revision from compromisos where id = 2").fetchone() == (55, "borrador")
    antes = instantanea(con_escritura, ESCRITAS)
    for usuario, compromiso in (("enlace.itei", 3), ("enlace.idaip", 1), ("evaluacion", 1)):
        with pytest.raises(NoAutorizado):
            autorreporte.actualizar_compromiso(con_escritura, quien(usuario), compromiso, 1, {"avance": 1}, AHORA)
    assert instantanea(con_escritura, ESCRITAS) == antes


# ------------------------------------------------------------------------------------------------ rules


@pytest.mark.parametrize(
    "cambio, campo",
    [
        ({"avance": 101}, "avance"),
        ({"avance": "cuarenta"}, "avance"),
        ({"estatus": "concluida", "avance": 90}, "avance"),
        ({"estatus": "concluida", "avance": 100}, "evidencia_url"),
        ({"fecha_fin": "01/01/2025"}, "fecha_fin"),
        ({"evidencia_url": "itei.org.mx/informe"}, "evidencia_url"),
        ({"titulo": "  "}, "titulo"),
        ({"eje": "PRONADATOS-T1"}, "eje"),
        ({"transversales": ["PROTAI-T1"]}, "transversales"),
        ({"ods": [18]}, "ods"),
        ({"titulo": "x\x00y"}, "titulo"),
    ],
)
def test_invalid_values_are_refused_naming_the_field(con_escritura, cambio, campo):
    antes = instantanea(con_escritura, ESCRITAS)
    with pytest.raises(DatosInvalidos) as error:
        autorreporte.crear_actividad(con_escritura, quien("enlace.itei"), {**NUEVA, **cambio}, AHORA)
    assert campo in {p.campo for p in error.value.problemas}
    assert instantanea(con_escritura, ESCRITAS) == antes


def test_a_concluded_activity_with_evidence_is_accepted(con_escritura):
    id_ = autorreporte.crear_actividad(con_escritura, quien("enlace.itei"), {
        **NUEVA, "estatus": "concluida", "avance": "100%", "evidencia_url": "https://itei.org.mx/informe.pdf"}, AHORA)
    assert cuenta(con_escritura, "select avance from actividades where id = ?", id_) == 100


def test_hostile_text_is_stored_as_text(con_escritura):
    titulo = "![x](http://malo.example/pixel.png) <img src=x onerror=alert(1)> =HYPERLINK(\"http://x\")"
    id_ = autorreporte.crear_actividad(con_escritura, quien("enlace.itei"), {**NUEVA, "titulo": titulo}, AHORA)
    assert cuenta(con_escritura, "select titulo from actividades where id = ?", id_) == titulo


# ------------------------------------------------------------------------------------------------ review


def test_review_goes_draft_sent_validated_and_back_to_draft_on_change(con_escritura):
    con, enlace, admin = con_escritura, quien("enlace.itei"), quien("admin.snt")
    id_ = autorreporte.crear_actividad(con, enlace, NUEVA, AHORA)
    with pytest.raises(NoAutorizado):  # the enlace cannot validate its own work
        autorreporte.cambiar_revision(con, enlace, "actividades", id_, 1, "validar")
    with pytest.raises(DatosInvalidos):  # a draft is not validated before it is sent
        autorreporte.cambiar_revision(con, admin, "actividades", id_, 1, "validar")
    v = autorreporte.cambiar_revision(con, enlace, "actividades", id_, 1, "enviar", ahora=AHORA)
    with pytest.raises(DatosInvalidos, match="qué debe corregir"):
        autorreporte.cambiar_revision(con, admin, "actividades", id_, v, "observar", "  ")
    v = autorreporte.cambiar_revision(con, admin, "actividades", id_, v, "observar", "Falta la evidencia", AHORA)
    assert con.execute("select revision, observacion from actividades where id = ?", [id_]).fetchone() == (
        "observada", "Falta la evidencia")
    v = autorreporte.cambiar_revision(con, enlace, "actividades", id_, v, "enviar", ahora=AHORA)
    v = autorreporte.cambiar_revision(con, admin, "actividades", id_, v, "validar", ahora=AHORA)
    assert cuenta(con, "select revision from actividades where id = ?", id_) == "validada"
    v = autorreporte.actualizar_actividad(con, enlace, id_, v, {"avance": 60}, AHORA)
    assert cuenta(con, "select revision from actividades where id = ?", id_) == "borrador"
    acciones = [a for (a,) in con.execute(
        "select accion from auditoria where tabla = 'actividades' and registro = ? order by id", [str(id_)]
    ).fetchall()]
    assert acciones == ["crear", "enviar", "observar", "enviar", "validar", "publicar", "actualizar"]


def test_bulk_validation_is_all_or_nothing(con_escritura):
    con, enlace, admin = con_escritura, quien("enlace.itei"), quien("admin.snt")
    a = autorreporte.crear_actividad(con, enlace, NUEVA, AHORA)
    b = autorreporte.crear_actividad(con, enlace, {**NUEVA, "titulo": "Otra"}, AHORA)
    va = autorreporte.cambiar_revision(con, enlace, "actividades", a, 1, "enviar")
    with pytest.raises(DatosInvalidos):  # b is still a draft
        revision.validar(con, admin, [("actividades", a, va), ("actividades", b, 1)])
    assert cuenta(con, "select revision from actividades where id = ?", a) == "enviada"
    vb = autorreporte.cambiar_revision(con, enlace, "actividades", b, 1, "enviar")
    assert revision.validar(con, admin, [("actividades", a, va), ("actividades", b, vb)]) == 2
    assert cuenta(con, "select count(*) from actividades where id in (?, ?) and revision = 'validada'", a, b) == 2


def test_the_audit_row_keeps_before_and_after(con_escritura):
    autorreporte.actualizar_actividad(con_escritura, quien("enlace.itei"), 2, 1, {"avance": 75}, AHORA)
    usuario, antes, despues = con_escritura.execute(
        "select usuario, antes, despues from auditoria where tabla = 'actividades' and registro = '2'"
    ).fetchone()
    assert usuario == "enlace.itei"
    assert json.loads(antes) == {"avance": 50, "revision": "validada"}
    assert json.loads(despues) == {"avance": 75, "revision": "borrador"}
    historia = autorreporte.historial(con_escritura, "actividades", 2)
    assert list(historia["accion"]) == ["actualizar"]
    assert cuenta(con_escritura, "select count(*) from reportes_avance where actividad = 2") == 2


def test_the_second_of_two_editors_is_told_and_nothing_is_overwritten(con_escritura):
    # Both read activity 2 at version 1; the first save wins, the second is refused with the other's change.
    autorreporte.actualizar_actividad(con_escritura, quien("enlace.itei"), 2, 1, {"avance": 70}, AHORA)
    with pytest.raises(CambioConcurrente, match="enlace.itei") as error:
        autorreporte.actualizar_actividad(con_escritura, quien("admin.snt"), 2, 1, {"avance": 20}, AHORA)
    assert error.value.actual["avance"] == 70 and error.value.actual["version"] == 2
    assert cuenta(con_escritura, "select avance from actividades where id = 2") == 70


# ------------------------------------------------------------------------------------------------ accounts


def test_weak_passwords_are_refused_with_the_rule(con_escritura):
    for clave in ("corta1", "solamenteletras", "123456789012345", "nuevo.usuario2025"):
        with pytest.raises(cuentas.ErrorDeCuenta, match="al menos 12 caracteres"):
            cuentas.agregar(con_escritura, "nuevo.usuario", clave, "evaluador", "Nuevo", "nuevo@prueba.mx")
    assert cuentas.buscar(con_escritura, "nuevo.usuario") is None


def test_account_rules(con_escritura):
    with pytest.raises(cuentas.ErrorDeCuenta, match="organismo"):
        cuentas.agregar(con_escritura, "otro.enlace", "clave-segura-2025", "enlace", "Otro", "o@prueba.mx")
    with pytest.raises(cuentas.ErrorDeCuenta, match="No existe el organismo"):
        cuentas.agregar(con_escritura, "otro.enlace", "clave-segura-2025", "enlace", "Otro", "o@prueba.mx", "XYZ")
    with pytest.raises(cuentas.ErrorDeCuenta, match="Ya existe"):
        cuentas.agregar(con_escritura, "Enlace.ITEI", "clave-segura-2025", "evaluador", "Otro", "o@prueba.mx")
    nombres = [u.usuario for u in cuentas.listar(con_escritura)]
    assert sorted(nombres) == sorted(USUARIOS)


# ------------------------------------------------------------------------------------------------ trainings

TALLER = {"organismo": "ITEI", "titulo": "Taller de versiones públicas", "tipo": "taller", "modalidad": "virtual",
          "tema": "Versiones públicas", "eje": "PROTAI-T3", "fecha_inicio": "10/04/2025", "fecha_fin": "10/04/2025",
          "participantes": 40, "mujeres": 25, "hombres": 15, "sujetos_obligados": 12, "publico": "Sujetos obligados"}


def test_an_enlace_records_a_training_its_organismo_organised(con_escritura):
    enlace, admin = quien("enlace.itei"), quien("admin.snt")
    id_ = autorreporte.crear_capacitacion(con_escritura, enlace, TALLER, AHORA)
    assert con_escritura.execute(
        "select organismo, organizador, entidad, revision, participantes from capacitaciones where id = ?", [id_]
    ).fetchone() == ("ITEI", "ITEI", "14", "borrador", 40)
    v = autorreporte.actualizar_capacitacion(con_escritura, enlace, id_, 1, {"participantes": 45}, AHORA)
    v = autorreporte.cambiar_revision(con_escritura, enlace, "capacitaciones", id_, v, "enviar")
    autorreporte.cambiar_revision(con_escritura, admin, "capacitaciones", id_, v, "validar")
    assert cuenta(con_escritura, "select revision from capacitaciones where id = ?", id_) == "validada"


def test_trainings_of_another_organiser_are_refused(con_escritura):
    antes = con_escritura.execute("select * from capacitaciones order by all").fetchall()
    with pytest.raises(NoAutorizado):
        autorreporte.crear_capacitacion(con_escritura, quien("enlace.idaip"), TALLER, AHORA)
    with pytest.raises(NoAutorizado):  # training 1 was organised by ITEI
        autorreporte.actualizar_capacitacion(con_escritura, quien("enlace.idaip"), 1, 1, {"participantes": 1}, AHORA)
    with pytest.raises(NoAutorizado):
        autorreporte.crear_capacitacion(con_escritura, quien("evaluacion"), TALLER, AHORA)
    assert con_escritura.execute("select * from capacitaciones order by all").fetchall() == antes


@pytest.mark.parametrize(
    "cambio, campo",
    [({"mujeres": 30, "hombres": 15}, "participantes"), ({"tipo": "charla"}, "tipo"),
     ({"fecha_inicio": None}, "fecha_inicio"), ({"participantes": -1}, "participantes"),
     ({"eje": "PROTAI-X1"}, "eje"), ({"modalidad": "hibrida"}, "modalidad")],
)
def test_invalid_trainings_name_the_field(con_escritura, cambio, campo):
    with pytest.raises(DatosInvalidos) as error:
        autorreporte.crear_capacitacion(con_escritura, quien("enlace.itei"), {**TALLER, **cambio}, AHORA)
    assert campo in {p.campo for p in error.value.problemas}
