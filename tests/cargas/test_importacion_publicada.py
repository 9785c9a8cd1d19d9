"""Uploads and the published version: an upload of changed validated rows leaves what the public sees as it was
(pending edits), an admin's validated import publishes what it writes, also the rows equal to a record whose edit
awaits review («validadas sin cambios»), a repeat is a no-op, and a rollback puts both versions back exactly.

Every public query (the board queries with `solo_validadas`, and the open data) is compared before and after, on
the fixture database with accounts (tests/apoyo/datos_prueba.py: every record starts validated); the static
publication (`python -m pizarras publicar`) on the seed database, where the original bug was seen.
"""

from __future__ import annotations

import io
import json
import shutil
from datetime import datetime

import duckdb
import pytest
from openpyxl import load_workbook

from pizarras.__main__ import main
from pizarras.base.consultas import cargar, ejecutar, nombres_disponibles
from pizarras.cargas.importar import importaciones, importar
from pizarras.cargas.plantillas import plantilla
from pizarras.cargas.reversion import PUBLICA_SE_RETIRA, PUBLICA_VUELVE, plan_de_reversion, revertir
from pizarras.cargas.revision import revisar
from pizarras.cargas.vista_previa import tabla_de_lotes, vista_previa
from pizarras.escritura import autorreporte, publicacion
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.legible import nombres_de_catalogos
from pizarras.lectura.filtros import Filtros, parametros_para
from tests.apoyo.cli import correr
from tests.apoyo.comparar import instantanea
from tests.apoyo.cuentas_prueba import como
from tests.apoyo.datos_prueba import HOY
from tests.apoyo.hojas_prueba import ENCABEZADOS, ENCABEZADOS_CAPACITACIONES, NUEVA, TALLER

ENLACE, ADMIN = como("enlace.itei"), como("admin.snt")
EDITADA = datetime(2025, 6, 2, 10, 0)
IMPORTADA = datetime(2025, 6, 3, 9, 30)
OTRA_VEZ = datetime(2025, 6, 4, 11, 0)
REVERTIDA = datetime(2025, 6, 5, 12, 0)
PUBLICAS = ("actividades_publicadas", "actividad_ejes_transversales_publicadas", "actividad_ods_publicadas",
            "reportes_publicados", "compromisos_publicados", "capacitaciones_publicadas")
TRABAJO = ("actividades", "actividad_ejes_transversales", "actividad_ods", "reportes_avance", "compromisos",
           "capacitaciones")
# Activity 2 (ODS 5) is the one most edits touch; every public table is compared whole besides.
FILTROS = [Filtros(), Filtros(ods=(5,))]
ENCABEZADOS_COMPROMISOS = ["ID", "Entidad", "Plan de acción", "Compromiso", "Estatus", "Avance (%)", "Notas"]
# kind → (its headers, the template's cells to change: ITEI's records, row 2 first, and a new row, if any)
EDICIONES = {
    "actividades": (ENCABEZADOS, {(3, "Avance (%)"): 80, (3, "ODS"): "16, 17",
                                  (3, "Ejes transversales"): "PRONADATOS-X1", (2, "Título"): "Actividad 1 corregida",
                                  (2, "Evidencia (URL)"): "https://itei.org.mx/informe"}, [NUEVA]),
    "capacitaciones": (ENCABEZADOS_CAPACITACIONES, {(2, "Participantes"): 120}, [TALLER]),
    "compromisos": (ENCABEZADOS_COMPROMISOS, {(3, "Avance (%)"): 75}, []),
}


@pytest.fixture()
def con(con_escritura):
    return con_escritura


def filas(tabla) -> list[dict]:
    """Rows as dicts with None for what is missing (NaN is never equal to itself)."""
    return tabla.astype(object).where(tabla.notna(), None).to_dict("records")


def lo_publico(con, tableros: bool = True) -> dict:
    """What the public sees: every board query (validated records only) under a few filters, and the open data."""
    vistas = {} if not tableros else {
        (nombre, n): filas(ejecutar(con, nombre, parametros_para(
            cargar(nombre).parametros, filtros, hoy=HOY, organismo="ITEI", limite=None, fecha=HOY)))
        for nombre in nombres_disponibles("tableros") if nombre != "tableros/sin_validar"
        for n, filtros in enumerate(FILTROS)
    }
    assert all(f.solo_validadas for f in FILTROS)
    abiertos = {nombre: filas(ejecutar(con, nombre, {})) for nombre in nombres_disponibles("datos_abiertos")
                if nombre != "datos_abiertos/version_de_los_datos"}
    return vistas | abiertos


def cambiaron(antes: dict, despues: dict) -> set:
    return {clave for clave in antes if antes[clave] != despues[clave]}


def abiertas(con, conjunto: str = "actividades") -> dict[int, dict]:
    return {f["id"]: f for f in filas(ejecutar(con, f"datos_abiertos/{conjunto}", {}))}


def editada(con, tipo: str, cambios: dict | None = None, nuevas: list | None = None) -> bytes:
    """ITEI's filled template of `tipo` with the kind's edits (or the ones given)."""
    encabezados, cambios_tipo, nuevas_tipo = EDICIONES[tipo]
    libro = load_workbook(io.BytesIO(plantilla(con, tipo, "ITEI")))
    hoja = libro["Datos"]
    for (fila, encabezado), valor in (cambios_tipo if cambios is None else cambios).items():
        hoja.cell(row=fila, column=encabezados.index(encabezado) + 1, value=valor)
    for fila in nuevas_tipo if nuevas is None else nuevas:
        hoja.append(fila)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def cargar_archivo(con, usuario, contenido: bytes, tipo="actividades", validar=False, ahora=IMPORTADA):
    revision = revisar(con, usuario, "itei.xlsx", contenido, tipo)
    assert revision.valida, revision.errores
    return importar(con, usuario, revision, validar=validar, ahora=ahora)


def editar_actividad_2(con, ahora=EDITADA, **cambios) -> int:
    """The enlace edits validated activity 2 in the form and sends it for review: a pending edit."""
    version = autorreporte.leer_actividad(con, 2)["version"]
    return autorreporte.actualizar_actividad(con, ENLACE, 2, version, cambios, ahora, enviar=True)


# ------------------------------------------------------------------------------------- uploads make pending edits


@pytest.mark.parametrize("tipo", list(EDICIONES))
def test_an_upload_of_changed_validated_rows_makes_pending_edits_and_no_public_figure_moves(con, tipo):
    publico, publicadas = lo_publico(con), instantanea(con, PUBLICAS)
    resultado = cargar_archivo(con, ENLACE, editada(con, tipo), tipo=tipo)
    assert resultado.actualizadas >= 1
    revisiones = dict(con.execute(f"select id, revision from {tipo}").fetchall())
    cambiados = [int(r) for (r,) in con.execute(
        "select registro from importacion_cambios where importacion = ? and accion = 'actualizar'",
        [resultado.id]).fetchall()]
    assert cambiados and all(revisiones[i] == "enviada" for i in cambiados)
    # The working rows changed; the published ones, and everything the public reads, did not.
    assert instantanea(con, PUBLICAS) == publicadas
    assert cambiaron(publico, lo_publico(con)) == set()
    assert con.execute("select count(*) from importacion_cambios where importacion = ? and publicada_antes is not null",
                       [resultado.id]).fetchone() == (0,)


def test_the_pending_edit_from_an_upload_keeps_the_published_values_in_the_open_data(con):
    cargar_archivo(con, ENLACE, editada(con, "actividades"))
    assert autorreporte.leer_actividad(con, 2)["avance"] == 80
    publicada = abiertas(con)[2]
    assert (publicada["avance"], publicada["estatus"]) == (50, "en_proceso")
    assert {f["ods"] for f in filas(ejecutar(con, "datos_abiertos/actividad_ods", {})) if f["actividad"] == 2} == {5}
    assert "Jornada de análisis de datos" not in {f["titulo"] for f in abiertas(con).values()}  # not validated yet


# ------------------------------------------------------------------------------------- a validated import publishes


def test_a_validated_import_publishes_exactly_what_it_writes_in_the_same_transaction(con):
    publico = lo_publico(con)
    antes = abiertas(con)
    resultado = cargar_archivo(con, ADMIN, editada(con, "actividades"), validar=True)
    assert (resultado.insertadas, resultado.actualizadas, resultado.validadas_sin_cambios) == (1, 2, 0)
    nueva = con.execute("select id from actividades where titulo = ?", [NUEVA[6]]).fetchone()[0]

    despues = abiertas(con)
    assert set(despues) == set(antes) | {nueva}
    assert {i for i in antes if antes[i] != despues[i]} == {1, 2}
    assert (despues[2]["avance"], despues[2]["validada_en"], despues[1]["titulo"]) == (80, IMPORTADA,
                                                                                       "Actividad 1 corregida")
    assert cambiaron(publico, lo_publico(con)) != set()
    for id_ in (1, 2, nueva):  # the published version is the working one, links included
        trabajo, publicada = autorreporte.leer_actividad(con, id_), publicacion.publicada(con, "actividades", id_)
        assert {c: trabajo[c] for c in autorreporte.CAMPOS_ACTIVIDAD} == {
            c: publicada[c] for c in autorreporte.CAMPOS_ACTIVIDAD}
        assert (trabajo["revision"], publicada["validada_por"]) == ("validada", "admin.snt")
    assert publicacion.publicada(con, "actividades", 2)["ods"] == [16, 17]
    # One publication audited per record, named by the batch; progress the public saw move is dated at the import.
    detalles = con.execute("select registro, detalle from auditoria where accion = 'publicar' order by registro"
                           ).fetchall()
    assert detalles == [(str(i), f"importación {resultado.id} (itei.xlsx)") for i in sorted((1, 2, nueva), key=str)]
    assert con.execute("select actividad, avance from reportes_publicados where en = ? order by 1",
                       [IMPORTADA]).fetchall() == [(2, 80), (nueva, 45)]
    # What the public saw before is kept for the rollback: the whole row with its links; a new record had none.
    guardadas = dict(con.execute("select registro, publicada_antes from importacion_cambios where importacion = ?",
                                 [resultado.id]).fetchall())
    assert guardadas[nueva] is None
    assert (json.loads(guardadas[2])["avance"], json.loads(guardadas[2])["ods"]) == (50, [5])
    assert json.loads(guardadas[1])["transversales"] == ["PROTAI-X1"]


@pytest.mark.parametrize("tipo", ["capacitaciones", "compromisos"])
def test_a_validated_import_of_trainings_or_commitments_publishes_them(con, tipo):
    antes = abiertas(con, tipo)
    resultado = cargar_archivo(con, ADMIN, editada(con, tipo), tipo=tipo, validar=True)
    despues = abiertas(con, tipo)
    cambiados = {i for i in despues if antes.get(i) != despues[i]}
    assert cambiados == {r for (r,) in con.execute(
        "select registro from importacion_cambios where importacion = ?", [resultado.id]).fetchall()}
    assert all(despues[i]["validada_en"] == IMPORTADA for i in cambiados)


def test_a_file_imported_validated_twice_writes_nothing_the_second_time(con):
    archivo = editada(con, "actividades")
    cargar_archivo(con, ADMIN, archivo, validar=True)
    todo = instantanea(con)
    segunda = cargar_archivo(con, ADMIN, archivo, validar=True, ahora=OTRA_VEZ)
    assert (segunda.id, segunda.insertadas, segunda.actualizadas, segunda.validadas_sin_cambios) == (None, 0, 0, 0)
    assert segunda.sin_cambio == 3
    assert instantanea(con) == todo  # no version, no published row, no audit row, no batch


# ------------------------------------------------------------------- rows equal to a record whose edit awaits review


def test_validating_a_file_validates_and_publishes_the_equal_rows_whose_edit_awaits_review(con):
    archivo = editada(con, "actividades", {(3, "Avance (%)"): 80}, [NUEVA])
    publico = lo_publico(con)
    primera = cargar_archivo(con, ENLACE, archivo)  # for review: activity 2 and the new one await review
    assert (primera.insertadas, primera.actualizadas) == (1, 1) and cambiaron(publico, lo_publico(con)) == set()
    nueva = con.execute("select id from actividades where titulo = ?", [NUEVA[6]]).fetchone()[0]

    # The same file again without validating: still a no-op, whoever uploads it.
    todo = instantanea(con)
    for usuario in (ENLACE, ADMIN):
        repetida = cargar_archivo(con, usuario, archivo, ahora=OTRA_VEZ)
        assert (repetida.id, repetida.sin_cambio, repetida.validadas_sin_cambios) == (None, 3, 0)
    assert instantanea(con) == todo

    # The preview names the two rows whose record awaits review; validating the file publishes them as they are.
    revision = revisar(con, ADMIN, "itei.xlsx", archivo)
    assert (revision.cuenta("sin_cambio"), revision.cuenta_en_revision()) == (3, 2)
    assert revision.resumen(validar=True) | {"errores": []} == {
        "valido": True, "insertadas": 0, "actualizadas": 0, "validadas_sin_cambios": 2, "sin_cambio": 1,
        "errores": []}
    vista = vista_previa(revision, nombres_de_catalogos(con))
    assert list(zip(vista.tabla["Qué pasa"], vista.tabla["ID"], strict=True)) == [
        ("Sin cambio, en revisión", "2"), ("Sin cambio, en revisión", str(nueva)), ("Sin cambio", "1")]
    assert vista.tabla["Cambios"].iloc[0].startswith("Igual a lo guardado, que está «Enviada a revisión»: si importa "
                                                     "validando, se valida y se publica así (validada sin cambios)")
    assert vista.cuentas.texto() == "0 nuevas · 0 cambian · 3 sin cambio (2 en revisión) · 0 con errores"
    assert (vista.cuentas.a_escribir(validar=False), vista.cuentas.a_escribir(validar=True)) == (0, 2)

    validada = importar(con, ADMIN, revision, validar=True, ahora=OTRA_VEZ)
    assert (validada.insertadas, validada.actualizadas, validada.validadas_sin_cambios, validada.sin_cambio) == (
        0, 0, 2, 1)
    despues, previas = abiertas(con), {f["id"]: f for f in publico["datos_abiertos/actividades"]}
    assert despues[2]["avance"] == 80 and despues[nueva]["titulo"] == NUEVA[6]
    assert sorted(i for i, f in despues.items() if f != previas.get(i)) == sorted([2, nueva])
    assert set(despues) == set(previas) | {nueva}
    for id_ in (2, nueva):
        assert autorreporte.leer_actividad(con, id_)["revision"] == "validada"
    # Audited as a validation (only the review state moved) and as a publication, named by the batch.
    assert con.execute("select accion, antes, despues from auditoria where tabla = 'actividades' and registro = '2' "
                       "and en = ? order by id", [OTRA_VEZ]).fetchall()[0] == ("validar", '{"revision": "enviada"}', '{"revision": "validada"}')
    assert con.execute("select count(*) from auditoria where accion = 'publicar' and en = ?", [OTRA_VEZ]
                       ).fetchone() == (2,)
    lote = tabla_de_lotes(importaciones(con)).iloc[0]
    assert (lote["Cambiadas"], lote["Sin cambio"], lote["Quedaron"]) == (
        "0", "1", "Validadas (y 2 validadas sin cambios: estaban en revisión)")

    # And once validated, the file is a no-op again.
    todo = instantanea(con)
    tercera = cargar_archivo(con, ADMIN, archivo, validar=True, ahora=REVERTIDA)
    assert (tercera.id, tercera.sin_cambio, tercera.validadas_sin_cambios) == (None, 3, 0)
    assert instantanea(con) == todo


def test_an_equal_row_whose_record_changed_after_the_check_stops_the_validated_import(con):
    editar_actividad_2(con, avance=60)
    revision = revisar(con, ADMIN, "itei.xlsx", editada(con, "actividades", {(3, "Avance (%)"): 60}, []))
    assert revision.cuenta_en_revision() == 1
    editar_actividad_2(con, avance=60, notas="otra nota")  # meanwhile: version 3 → 4
    todo = instantanea(con)
    with pytest.raises(CambioConcurrente, match=r"1 registro cambió después de revisar el archivo \(la actividad 2 "
                                                r"\(fila 3\)\)"):
        importar(con, ADMIN, revision, validar=True)
    assert instantanea(con) == todo


# ------------------------------------------------------------------------------------------ rollback: both versions


@pytest.mark.parametrize("validar", [False, True], ids=["enviada", "validada"])
@pytest.mark.parametrize("tipo", list(EDICIONES))
def test_a_rollback_leaves_both_versions_as_before_the_import(con, tipo, validar):
    publicadas, trabajo, publico = instantanea(con, PUBLICAS), instantanea(con, TRABAJO), lo_publico(con, False)
    usuario = ADMIN if validar else ENLACE
    resultado = cargar_archivo(con, usuario, editada(con, tipo), tipo=tipo, validar=validar)
    assert (instantanea(con, PUBLICAS) != publicadas) == validar
    revertir(con, ADMIN, resultado.id, ahora=REVERTIDA)
    assert instantanea(con, PUBLICAS) == publicadas
    assert cambiaron(publico, lo_publico(con, False)) == set()
    # The working rows are back too (a restored record's version moves on: an open editor is told).
    sin_version = {t: [f[:-1] for f in filas_] if t == tipo else filas_ for t, filas_ in trabajo.items()}
    ahora = instantanea(con, TRABAJO)
    assert {t: [f[:-1] for f in v] if t == tipo else v for t, v in ahora.items()} == sin_version
    # The public version's return is audited like any publication; an import that published nothing has none.
    restauradas = con.execute("select count(*) from auditoria where accion = 'publicar' and en = ?", [REVERTIDA]
                              ).fetchone()[0]
    assert (restauradas > 0) == validar


def test_a_rollback_restores_the_pending_edit_and_the_published_version_it_replaced(con):
    # Activity 2: published at 50 %, an edit at 60 % awaits review; the admin's file sets 70 % and validates it.
    editar_actividad_2(con, avance=60, ods=[16])
    publicadas, trabajo = instantanea(con, PUBLICAS), autorreporte.leer_actividad(con, 2)
    resultado = cargar_archivo(con, ADMIN, editada(con, "actividades", {(3, "Avance (%)"): 70}, [NUEVA]),
                               validar=True)
    assert publicacion.publicada(con, "actividades", 2)["avance"] == 70

    plan = plan_de_reversion(con, ADMIN, resultado.id)
    por_registro = {p.registro: p for p in plan.pasos}
    nueva = next(p.registro for p in plan.pasos if p.accion == "borrar")
    assert (por_registro[2].publica, por_registro[nueva].publica) == (PUBLICA_VUELVE, PUBLICA_SE_RETIRA)
    assert por_registro[2].deshace == (
        "Avance (%): 70 → 60; Revisión: Validada → Enviada a revisión. Público: vuelve la versión publicada antes de "
        "la importación.")
    assert por_registro[nueva].deshace == ("Se borra: lo agregó esta importación. Público: deja de verse (no estaba "
                                           "publicado antes de la importación).")
    assert plan.aviso_publico() == ("La importación se validó y publicó: al revertirla, 1 registro vuelve a la "
                                    "versión publicada antes de la importación y 1 registro deja de verse en público "
                                    "(no estaba publicado).")

    revertir(con, ADMIN, resultado.id, ahora=REVERTIDA)
    assert instantanea(con, PUBLICAS) == publicadas
    ahora = autorreporte.leer_actividad(con, 2)
    assert {c: ahora[c] for c in (*autorreporte.CAMPOS_ACTIVIDAD, "revision")} == {
        c: trabajo[c] for c in (*autorreporte.CAMPOS_ACTIVIDAD, "revision")}
    # The history of what the public saw ends with the version before the import again.
    ultima = publicacion.versiones_publicadas(con, "actividades", 2).iloc[0]
    assert (json.loads(ultima["antes"])["avance"], json.loads(ultima["despues"])["avance"]) == (70, 50)
    assert ultima["detalle"] == f"importación {resultado.id} revertida: vuelve lo publicado antes de ella"
    assert "notas" not in json.loads(ultima["despues"])


def test_rolling_back_a_file_that_only_validated_pending_edits_puts_them_back_under_review(con):
    editar_actividad_2(con, avance=60)
    publicadas, trabajo = instantanea(con, PUBLICAS), instantanea(con, TRABAJO)
    resultado = cargar_archivo(con, ADMIN, editada(con, "actividades", {(3, "Avance (%)"): 60}, []), validar=True)
    assert resultado.validadas_sin_cambios == 1 and publicacion.publicada(con, "actividades", 2)["avance"] == 60
    plan = plan_de_reversion(con, ADMIN, resultado.id)
    assert [(p.registro, p.accion, p.deshace) for p in plan.pasos] == [(2, "restaurar", (
        "Revisión: Validada → Enviada a revisión. Público: vuelve la versión publicada antes de la importación."))]
    revertir(con, ADMIN, resultado.id, ahora=REVERTIDA)
    assert instantanea(con, PUBLICAS) == publicadas
    assert autorreporte.leer_actividad(con, 2)["revision"] == "enviada"
    assert [f[:-1] for f in instantanea(con, TRABAJO)["actividades"]] == [f[:-1] for f in trabajo["actividades"]]


def test_the_plan_of_an_import_that_published_nothing_says_nothing_about_the_public(con):
    resultado = cargar_archivo(con, ENLACE, editada(con, "actividades"))
    plan = plan_de_reversion(con, ADMIN, resultado.id)
    assert plan.aviso_publico() is None and all(p.publica is None for p in plan.pasos)
    assert not any("Público" in p.deshace for p in plan.pasos)


def test_a_rollback_blocked_by_a_later_change_names_the_records_and_touches_neither_version(con):
    resultado = cargar_archivo(con, ADMIN, editada(con, "actividades"), validar=True)
    editar_actividad_2(con, OTRA_VEZ, avance=90)  # after the import: a new pending edit of a record it published
    todo = instantanea(con)
    with pytest.raises(CambioConcurrente, match=r"1 registro cambió después de la importación \d+: la actividad 2 "
                                                r"«Actividad 2» \(lo cambió enlace.itei el "):
        revertir(con, ADMIN, resultado.id, ahora=REVERTIDA)
    assert instantanea(con) == todo


# ------------------------------------------------------------------------------- the static publication (the bug)


def test_publicar_keeps_every_published_record_while_an_uploads_edits_await_review(ruta_seed, tmp_path):
    # The steps on the seed database: publish; raise the progress of two validated activities in process of
    # the organismo with the most, in its filled template, and upload it for review; publish again.
    base = shutil.copy(ruta_seed, tmp_path / "seed.duckdb")
    con = duckdb.connect(str(base))
    try:
        organismo, = con.execute(
            "select organismo from actividades where revision = 'validada' and estatus = 'en_proceso' "
            "group by organismo order by count(*) desc, organismo limit 1").fetchone()
        dos = [i for (i,) in con.execute(
            "select id from actividades where organismo = ? and revision = 'validada' and estatus = 'en_proceso' "
            "and avance <= 90 order by id limit 2", [organismo]).fetchall()]
        pendientes = {i for (i,) in con.execute(
            "select id from actividades where organismo = ? and revision <> 'validada'", [organismo]).fetchall()}
        contenido = plantilla(con, "actividades", organismo)
        previas = abiertas(con)
    finally:
        con.close()
    assert len(dos) == 2
    libro = load_workbook(io.BytesIO(contenido))
    hoja = libro["Datos"]
    columnas = {c.value: c.column for c in hoja[1]}
    for fila in hoja.iter_rows(min_row=2):
        if fila[columnas["ID"] - 1].value in dos:
            celda = fila[columnas["Avance (%)"] - 1]
            celda.value = (celda.value or 0) + 10
    archivo = tmp_path / "plantilla.xlsx"
    libro.save(archivo)

    def publicado(nombre: str) -> dict[str, object]:
        assert main(["publicar", str(tmp_path / nombre), "--db", str(base)]) == 0
        return {p.name: json.loads(p.read_text(encoding="utf-8"))
                for p in sorted((tmp_path / nombre / "datos" / "json").glob("*.json"))}  # not the .gz/.br copies

    antes = publicado("antes")
    assert len(antes["actividades.json"]) == 392
    subida = correr(base, "importar", str(archivo), "--tipo", "actividades", "--json")
    assert subida.returncode == 0, subida.stdout + subida.stderr
    assert json.loads(subida.stdout)["actualizadas"] == 2
    # Every published record is still there with its published values: every open-data table is as it was.
    assert publicado("revision") == antes

    # Validating the same file publishes the two edits and the organismo's records that awaited review unchanged.
    validada = correr(base, "importar", str(archivo), "--tipo", "actividades", "--validar", "--json")
    assert validada.returncode == 0, validada.stdout + validada.stderr
    assert json.loads(validada.stdout)["validadas_sin_cambios"] == len(pendientes) + 2
    con = duckdb.connect(str(base), read_only=True)
    try:
        por_id = abiertas(con)
    finally:
        con.close()
    assert {i for i in por_id if por_id[i] != previas.get(i)} == pendientes | set(dos)
    assert all(por_id[i]["avance"] == previas[i]["avance"] + 10 for i in dos)
