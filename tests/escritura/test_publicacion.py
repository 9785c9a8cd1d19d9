"""A published version beside the pending edit: the public reads what was last validated, whatever staff edit.

Every public query (the board queries with `solo_validadas`, and the open data) is compared before and after each
step, on the fixture database with accounts (tests/apoyo/datos_prueba.py: every record starts validated).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from pizarras.base.consultas import cargar, ejecutar, nombres_disponibles
from pizarras.escritura import autorreporte, publicacion, revision
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.permisos import NoAutorizado
from pizarras.escritura.reglas import DatosInvalidos
from pizarras.lectura.filtros import Filtros, parametros_para
from tests.apoyo.comparar import instantanea
from tests.apoyo.cuentas_prueba import como
from tests.apoyo.datos_prueba import HOY

EDITADA = datetime(2025, 6, 2, 10, 0)
VALIDADA = datetime(2025, 6, 3, 9, 30)
ENLACE, ADMIN = como("enlace.itei"), como("admin.snt")
# Activity 2 is ITEI's, en_proceso at 50 % (PRONADATOS-T1, ODS 5), reported 2024-11-15.
FILTROS = [Filtros(), Filtros(organismo=("ITEI",)), Filtros(ods=(5,)), Filtros(ods=(16,)),
           Filtros(eje=("PROTAI-X1",)), Filtros(estatus=("concluida",))]
PUBLICAS = ("actividades_publicadas", "actividad_ejes_transversales_publicadas", "actividad_ods_publicadas",
            "reportes_publicados", "compromisos_publicados", "capacitaciones_publicadas")


def filas(tabla) -> list[dict]:
    """Rows as dicts with None for what is missing (NaN is never equal to itself)."""
    return tabla.astype(object).where(tabla.notna(), None).to_dict("records")


def lo_publico(con) -> dict:
    """What the public sees: every board query under a few filters, and every open-data table."""
    vistas = {
        (nombre, n): filas(ejecutar(con, nombre, parametros_para(
            cargar(nombre).parametros, filtros, hoy=HOY, organismo="ITEI", limite=None, fecha=HOY)))
        for nombre in nombres_disponibles("tableros") if nombre != "tableros/sin_validar"
        for n, filtros in enumerate(FILTROS)
    }
    abiertos = {nombre: filas(ejecutar(con, nombre, {})) for nombre in nombres_disponibles("datos_abiertos")
                if nombre != "datos_abiertos/version_de_los_datos"}
    return vistas | abiertos


def diferencias(antes: dict, despues: dict) -> set:
    return {clave for clave in antes if antes[clave] != despues[clave]}


def kpi(con, **filtros) -> dict:
    nombre = "tableros/kpi_actividades"
    return ejecutar(con, nombre, parametros_para(cargar(nombre).parametros, Filtros(**filtros), hoy=HOY)).iloc[0]


def editar(con, id_=2, usuario=ENLACE, enviar=True, **cambios):
    version = autorreporte.leer_actividad(con, id_)["version"]
    return autorreporte.actualizar_actividad(con, usuario, id_, version, cambios or {"avance": 60}, EDITADA,
                                             enviar=enviar)


def test_an_edit_of_a_validated_record_changes_no_public_figure_until_it_is_validated(con_escritura):
    con = con_escritura
    antes = lo_publico(con)

    version = editar(con, avance=60, ods=[16])  # and sent for review
    assert autorreporte.leer_actividad(con, 2)["revision"] == "enviada"
    assert diferencias(antes, lo_publico(con)) == set()
    assert publicacion.publicada(con, "actividades", 2)["avance"] == 50

    revision.validar(con, ADMIN, [("actividades", 2, version)], ahora=VALIDADA)
    despues = lo_publico(con)
    cambiaron = diferencias(antes, despues)
    assert cambiaron, "validating must publish the edit"
    # Exactly that activity changed: its progress and its ODS moved from 5 to 16.
    publicada = publicacion.publicada(con, "actividades", 2)
    assert (publicada["avance"], publicada["ods"], publicada["validada_en"]) == (60, [16], VALIDADA)
    assert kpi(con, ods=(5,))["actividades"] == kpi_antes(antes, ods=5) - 1
    abiertas = {f["id"]: f for f in despues["datos_abiertos/actividades"]}
    abiertas_antes = {f["id"]: f for f in antes["datos_abiertos/actividades"]}
    assert {i for i in abiertas if abiertas[i] != abiertas_antes[i]} == {2}
    assert abiertas[2]["avance"] == 60 and abiertas[2]["validada_en"] == VALIDADA


def kpi_antes(antes: dict, ods: int) -> int:
    n = [i for i, f in enumerate(FILTROS) if f.ods == (ods,)][0]
    return antes[("tableros/kpi_actividades", n)][0]["actividades"]


def test_observing_a_pending_edit_keeps_the_published_version(con_escritura):
    con = con_escritura
    antes = lo_publico(con)
    version = editar(con, avance=75)
    revision.devolver(con, ADMIN, "actividades", 2, version, "Falta la evidencia", EDITADA)
    assert autorreporte.leer_actividad(con, 2)["revision"] == "observada"
    assert diferencias(antes, lo_publico(con)) == set()


def test_a_second_edit_builds_on_the_pending_one_and_the_public_still_sees_the_first_published(con_escritura):
    con = con_escritura
    antes = lo_publico(con)
    editar(con, enviar=False, avance=60)
    editar(con, enviar=False, titulo="Actividad 2 corregida")
    trabajo = autorreporte.leer_actividad(con, 2)
    assert (trabajo["avance"], trabajo["titulo"], trabajo["revision"]) == (60, "Actividad 2 corregida", "borrador")
    assert diferencias(antes, lo_publico(con)) == set()


def test_withdrawing_a_pending_edit_restores_the_published_version_with_its_links(con_escritura):
    con = con_escritura
    publicada_antes = publicacion.publicada(con, "actividades", 2)
    antes = lo_publico(con)
    version = editar(con, avance=100, ods=[16, 17], estatus="concluida", titulo="Otra cosa",
                     evidencia_url="https://itei.org.mx/evidencia")

    nueva = autorreporte.retirar_edicion(con, ENLACE, "actividades", 2, version, EDITADA)

    trabajo = autorreporte.leer_actividad(con, 2)
    assert nueva == version + 1 and trabajo["revision"] == "validada"
    campos = [c for c in autorreporte.CAMPOS_ACTIVIDAD if c != "notas"]
    assert {c: trabajo[c] for c in campos} == {c: publicada_antes[c] for c in campos}
    assert diferencias(antes, lo_publico(con)) == set()
    accion, antes_json, despues_json = con.execute(
        "select accion, antes, despues from auditoria where tabla = 'actividades' and registro = '2' "
        "order by id desc limit 1").fetchone()
    assert accion == "retirar"
    assert json.loads(antes_json)["avance"] == 100 and json.loads(despues_json)["avance"] == 50
    # Nothing left to withdraw, and a stale form is a conflict.
    with pytest.raises(DatosInvalidos, match="no tiene cambios en revisión"):
        autorreporte.retirar_edicion(con, ENLACE, "actividades", 2, nueva, EDITADA)
    editar(con, avance=55)
    with pytest.raises(CambioConcurrente):
        autorreporte.retirar_edicion(con, ENLACE, "actividades", 2, nueva, EDITADA)


def test_only_its_organismo_or_an_admin_withdraws_and_a_never_published_record_has_nothing_to_go_back_to(
        con_escritura):
    con = con_escritura
    version = editar(con, avance=65)
    escritas = instantanea(con, ("actividades", *PUBLICAS))
    for otro in ("enlace.idaip", "evaluacion"):
        with pytest.raises(NoAutorizado):
            autorreporte.retirar_edicion(con, como(otro), "actividades", 2, version, EDITADA)
    with pytest.raises(NoAutorizado):
        autorreporte.retirar_edicion(con, None, "actividades", 2, version, EDITADA)
    assert instantanea(con, ("actividades", *PUBLICAS)) == escritas
    autorreporte.retirar_edicion(con, ADMIN, "actividades", 2, version, EDITADA)

    nueva = autorreporte.crear_actividad(con, ENLACE, {
        "organismo": "ITEI", "programa": "PROTAI", "eje": "PROTAI-T3", "transversales": [], "ods": [],
        "titulo": "Nueva", "tipo": "Capacitación", "estatus": "programada", "avance": 0, "periodo": 2025}, EDITADA)
    with pytest.raises(DatosInvalidos, match="nunca se ha publicado"):
        autorreporte.retirar_edicion(con, ENLACE, "actividades", nueva, 1, EDITADA)


@pytest.mark.parametrize("tabla, id_, cambios, leer", [
    ("compromisos", 1, {"avance": 90, "estatus": "en_proceso"}, "autorreporte/compromiso_por_id"),
    ("capacitaciones", 1, {"participantes": 120}, "autorreporte/capacitacion_por_id"),
])
def test_commitments_and_trainings_keep_their_published_version_too(con_escritura, tabla, id_, cambios, leer):
    con = con_escritura
    antes = lo_publico(con)
    actualizar = {"compromisos": autorreporte.actualizar_compromiso,
                  "capacitaciones": autorreporte.actualizar_capacitacion}[tabla]
    version = actualizar(con, ENLACE, id_, 1, cambios, EDITADA, enviar=True)
    assert diferencias(antes, lo_publico(con)) == set()

    retirada = autorreporte.retirar_edicion(con, ENLACE, tabla, id_, version, EDITADA)
    assert diferencias(antes, lo_publico(con)) == set()
    version = actualizar(con, ENLACE, id_, retirada, cambios, EDITADA, enviar=True)
    revision.validar(con, ADMIN, [(tabla, id_, version)], ahora=VALIDADA)
    publicada = publicacion.publicada(con, tabla, id_)
    assert {c: publicada[c] for c in cambios} == cambios and publicada["validada_en"] == VALIDADA
    # Updated when the enlace changed it; validated when the admin did.
    assert publicada["actualizada_en"] == EDITADA
    assert diferencias(antes, lo_publico(con)) != set()


def test_each_publication_is_audited_with_the_published_version_before_and_after(con_escritura):
    con = con_escritura
    version = editar(con, avance=60)
    revision.validar(con, ADMIN, [("actividades", 2, version)], ahora=VALIDADA)
    version = editar(con, avance=70)
    revision.validar(con, ADMIN, [("actividades", 2, version)], ahora=datetime(2025, 6, 10, 12, 0))

    versiones = publicacion.versiones_publicadas(con, "actividades", 2)
    assert list(versiones["usuario"]) == ["admin.snt", "admin.snt"]
    ultima, primera = (versiones.iloc[0], versiones.iloc[1])
    assert json.loads(ultima["antes"])["avance"] == 60 and json.loads(ultima["despues"])["avance"] == 70
    assert json.loads(primera["antes"])["avance"] == 50 and json.loads(primera["despues"])["avance"] == 60
    assert json.loads(primera["despues"])["ods"] == [5]


def test_the_public_comparison_with_an_earlier_date_uses_what_was_published_then(con_escritura):
    con = con_escritura
    nombre = "tableros/avance_a_fecha"

    def a_fecha(fecha):
        return ejecutar(con, nombre, parametros_para(cargar(nombre).parametros, Filtros(organismo=("ITEI",)),
                                                     fecha=fecha)).iloc[0]

    antes = a_fecha(datetime(2025, 6, 5))
    version = editar(con, avance=90)
    revision.validar(con, ADMIN, [("actividades", 2, version)], ahora=datetime(2025, 6, 8, 9, 0))
    # Before the validation the public saw 50 % (activity 1 at 100 %, 2 at 50 %); after it, 90 %.
    assert a_fecha(datetime(2025, 6, 5))["avance_entonces"] == antes["avance_entonces"] == 75.0
    assert a_fecha(datetime(2025, 6, 9))["avance_entonces"] == 95.0
    # The edit itself (2 June) was never what the public saw on 5 June.
    assert a_fecha(datetime(2025, 6, 5))["avance_hoy"] == 95.0


def test_a_deleted_draft_was_never_published_and_a_published_record_is_never_deleted(con_escritura):
    con = con_escritura
    version = editar(con, enviar=False, avance=60)
    with pytest.raises(DatosInvalidos, match="ya se publicó"):
        autorreporte.borrar_borrador(con, ADMIN, "actividades", 2, version, EDITADA)
    assert publicacion.publicada(con, "actividades", 2) is not None
