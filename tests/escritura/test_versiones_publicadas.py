"""What the public saw of a record over time, in words: each published version, newest first, when and by whom it
was validated and what it changed for the public (pizarras.escritura.historial.versiones_publicadas), on a fresh
copy of the fixture with accounts (every record starts published by the build, with no audit row of its own)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from pizarras.escritura import autorreporte, historial, revision
from tests.apoyo.cuentas_prueba import como

ENLACE, ADMIN = como("enlace.itei"), como("admin.snt")
EDITADA = datetime(2025, 6, 2, 10, 0)
VALIDADA = datetime(2025, 6, 3, 9, 30)
OTRA_VEZ = datetime(2025, 6, 10, 12, 0)


def editar(con, cambios: dict, id_: int = 2, usuario=ENLACE) -> int:
    version = autorreporte.leer_actividad(con, id_)["version"]
    return autorreporte.actualizar_actividad(con, usuario, id_, version, cambios, EDITADA, enviar=True)


def filas(versiones: pd.DataFrame) -> list[tuple]:
    return list(versiones.itertuples(index=False, name=None))


def test_a_record_published_by_the_build_has_its_first_version_dated_by_its_validation(con_escritura):
    # Activity 2 was reported (and so validated by the build) on 15 Nov 2024.
    assert filas(historial.versiones_publicadas(con_escritura, "actividades", 2)) == [
        (pd.Timestamp("2024-11-15 09:00"), historial.POR_LA_BASE, historial.PRIMERA)]


def test_each_validation_adds_a_version_with_what_changed_for_the_public(con_escritura):
    con = con_escritura
    revision.validar(con, ADMIN, [("actividades", 2, editar(con, {"avance": 60, "ods": [16]}))], ahora=VALIDADA)
    editar(con, {"avance": 65})  # sent for review and not validated: the public never saw 65 %
    revision.validar(con, ADMIN, [("actividades", 2, editar(con, {"avance": 70, "titulo": "Actividad 2 corregida"}))],
                     ahora=OTRA_VEZ)

    assert filas(historial.versiones_publicadas(con, "actividades", 2)) == [
        (pd.Timestamp(OTRA_VEZ), historial.POR_LA_SECRETARIA, "Título: Actividad 2 → Actividad 2 corregida · Avance (%): 60 → 70"),
        (pd.Timestamp(VALIDADA), historial.POR_LA_SECRETARIA,
         "Avance (%): 50 → 60 · ODS: 5 Igualdad de género → 16 Paz, justicia e instituciones sólidas"),
        (pd.Timestamp("2024-11-15 09:00"), historial.POR_LA_BASE, historial.PRIMERA),
    ]


def test_a_publication_that_changed_nothing_public_says_so(con_escritura):
    con = con_escritura
    # Notes are internal, and a new report time is not a change of content.
    revision.validar(con, ADMIN, [("actividades", 2, editar(con, {"notas": "Revisar con el área jurídica"}))],
                     ahora=VALIDADA)
    ultima = historial.versiones_publicadas(con, "actividades", 2).iloc[0]
    assert (ultima["en"], ultima["cambios"]) == (pd.Timestamp(VALIDADA), historial.SIN_CAMBIOS)


def test_a_record_never_validated_has_no_published_version(con_escritura):
    nueva = autorreporte.crear_actividad(con_escritura, ENLACE, {
        "organismo": "ITEI", "programa": "PROTAI", "eje": "PROTAI-T3", "transversales": [], "ods": [],
        "titulo": "Nueva", "tipo": "Capacitación", "estatus": "programada", "avance": 0, "periodo": 2025}, EDITADA)
    assert historial.versiones_publicadas(con_escritura, "actividades", nueva).empty


def test_a_commitment_with_one_ods_reads_in_words_too(con_escritura):
    con = con_escritura
    # Commitment 3 (Durango, ODS 5) gives no percentage in its source.
    enlace = como("enlace.idaip")
    version = autorreporte.actualizar_compromiso(con, enlace, 3, 1, {"avance": 30}, EDITADA, enviar=True)
    revision.validar(con, ADMIN, [("compromisos", 3, version)], ahora=VALIDADA)
    versiones = historial.versiones_publicadas(con, "compromisos", 3)
    assert versiones.iloc[0]["cambios"] == "Avance (%): — → 30"
    assert list(versiones["validada_por"]) == [historial.POR_LA_SECRETARIA, historial.POR_LA_BASE]
