"""«Datos validados al …» under AppTest: every public board, a slide and the open data say when what they show was
last validated; the internal view says why its figures carry no such date; an activity's detail lists the
versions the public saw (fixture with known dates: tests/apoyo/fechas_prueba.py)."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from pizarras.escritura import autorreporte, revision
from pizarras.lectura.sin_validar import SIN_FECHA_DE_VALIDACION
from tests.apoyo import fechas_prueba
from tests.apoyo.cuentas_prueba import como
from tests.apoyo.datos_prueba import con_presentaciones
from tests.apoyo.paginas import abrir, metrica, rerun

ENLACE, ADMIN = como("enlace.itei"), como("admin.snt")


@pytest.fixture(autouse=True)
def ruta(ruta_con_usuarios, tmp_path, monkeypatch):
    copia = fechas_prueba.copia_con_fechas(ruta_con_usuarios, tmp_path / "fechas.duckdb")
    monkeypatch.setenv("PIZARRAS_DB", str(copia))
    monkeypatch.delenv("PIZARRAS_URL_PUBLICA", raising=False)
    return copia


def sellos(at) -> list[str]:
    return [c.value for c in at.caption if c.value.startswith(":material/verified: Datos validados al")]


@pytest.mark.parametrize("pagina, parametros, esperado", [
    ("pizarra_nacional", {}, fechas_prueba.NACIONAL),
    ("pizarra_nacional", {"organismo": "ITEI"}, "Datos validados al 20/05/2025"),  # Jalisco's commitment 2
    ("pizarra_region", {"region": "norte"}, fechas_prueba.NACIONAL),  # Durango: IDAIP's training 3
    ("pizarra_organismo", {"organismo": "IDAIP"}, fechas_prueba.NACIONAL),
    ("compromisos", {}, fechas_prueba.COMPROMISOS_TODOS),
    ("capacitaciones", {"entidad": "14"}, "Datos validados al 01/03/2025"),
    ("mapa", {}, fechas_prueba.MAPA_ACTIVIDADES),  # the first measure: average progress of activities
])
def test_every_public_board_says_when_what_it_shows_was_validated(pagina, parametros, esperado):
    at = abrir(pagina, **parametros)
    assert not at.exception
    assert sellos(at) == [f":material/verified: {esperado}"]
    assert SIN_FECHA_DE_VALIDACION not in [c.value for c in at.caption]


def test_an_empty_board_claims_no_validation_date():
    at = abrir("pizarra_nacional", region="sureste", periodo="2025", estatus="programada")
    assert not at.exception and not sellos(at)


@pytest.mark.parametrize("como_", ["admin.snt", "evaluacion"])
def test_the_internal_view_says_why_it_has_no_date_and_the_public_view_has_it(como_):
    at = abrir("pizarra_nacional", como=como_)
    assert not at.exception
    assert not sellos(at) and SIN_FECHA_DE_VALIDACION in [c.value for c in at.caption]
    at = abrir("pizarra_nacional", como=como_, vista="publica")
    assert sellos(at) == [f":material/verified: {fechas_prueba.NACIONAL}"]


def leyenda_de_la_diapositiva(at) -> str:
    return next(c.value for c in at.caption if " · " in c.value)


def test_a_slide_carries_the_date_of_what_it_shows(ruta):
    con_presentaciones(ruta)
    at = abrir("presentacion", presentacion="panorama-nacional", diapositiva="1", avance="0")
    assert not at.exception
    # The national slide shows activities only: their newest validation, not the newer training's.
    assert leyenda_de_la_diapositiva(at).endswith(f" · {fechas_prueba.ACTIVIDADES}")
    at.button(key="presentacion_siguiente").click()
    rerun(at)
    at.button(key="presentacion_siguiente").click()
    rerun(at)
    assert at.title[0].value == "Alineación de los compromisos a los ODS"
    assert leyenda_de_la_diapositiva(at).endswith(f" · {fechas_prueba.COMPROMISOS_TODOS}")


def test_the_open_data_page_says_when_its_data_were_last_validated():
    at = abrir("datos_abiertos")
    assert not at.exception
    assert sellos(at) == [f":material/verified: {fechas_prueba.NACIONAL}"]


def editar_actividad_2(ruta, validar: bool) -> None:
    """ITEI's enlace raises activity 2 to 60 % and sends it for review; an admin validates it on 3 June if told."""
    con = duckdb.connect(str(ruta))
    try:
        version = autorreporte.leer_actividad(con, 2)["version"]
        version = autorreporte.actualizar_actividad(con, ENLACE, 2, version, {"avance": 60},
                                                    datetime(2025, 6, 2, 10, 0), enviar=True)
        if validar:
            revision.validar(con, ADMIN, [("actividades", 2, version)], ahora=datetime(2025, 6, 3, 9, 30))
        con.execute("checkpoint")
    finally:
        con.close()


def test_an_edit_under_review_leaves_the_public_date_and_the_comparison_with_an_earlier_date(ruta):
    editar_actividad_2(ruta, validar=False)
    at = abrir("pizarra_nacional")
    assert sellos(at) == [f":material/verified: {fechas_prueba.NACIONAL}"]
    # The comparison reads what was published: 64 % today, as before the edit (60 % is under review).
    assert metrica(at, "Avance promedio hoy") == "64.0 %"


def test_a_validation_moves_the_public_date_and_todays_progress(ruta):
    editar_actividad_2(ruta, validar=True)
    at = abrir("pizarra_nacional")
    assert sellos(at) == [":material/verified: Datos validados al 03/06/2025"]
    assert metrica(at, "Avance promedio hoy") == "66.0 %"  # (100 + 60 + 0 + 70 + 100) / 5
    assert sellos(abrir("datos_abiertos")) == [":material/verified: Datos validados al 03/06/2025"]


def elegir_actividad(at, id_: int):
    """Select the row of activity `id_` in the national board's table."""
    posicion = list(at.dataframe[0].value["ID"]).index(id_)
    at.session_state["tabla_nacional"] = {"selection": {"rows": [posicion], "columns": [], "cells": []}}
    return rerun(at)


def test_an_activitys_detail_lists_the_versions_the_public_saw(ruta):
    editar_actividad_2(ruta, validar=True)
    at = elegir_actividad(abrir("pizarra_nacional"), 2)
    assert not at.exception
    detalle = at.table[0].value["Valor"].to_dict()
    assert (detalle["ID"], detalle["Avance (%)"], detalle["Estatus"]) == ("2", "60 %", "En proceso")
    assert any(m.value == "##### Lo que vio el público" for m in at.markdown)
    versiones = at.dataframe[1].value
    assert list(versiones.columns) == ["Validada el", "Validó", "Qué cambió para el público"]
    assert versiones.values.tolist() == [
        ["03/06/2025 09:30", "Secretaría Ejecutiva", "Avance (%): 50 → 60"],
        ["15/11/2024 09:00", "Carga de la base (registro de origen, ya revisado)", "Primera versión publicada"],
    ]


def test_a_commitments_detail_lists_its_published_versions_too():
    at = abrir("compromisos")
    at.session_state["tabla_compromisos"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at = rerun(at)
    assert not at.exception
    versiones = at.dataframe[-1].value
    assert versiones.values.tolist() == [
        ["15/01/2024 08:00", "Carga de la base (registro de origen, ya revisado)", "Primera versión publicada"]]
