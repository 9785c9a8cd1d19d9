"""Spreadsheet imports of activities: files built at run time, every rule, nothing half-written, rollback exact."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from pizarras.cargas.formatos import COLUMNAS_COMPROMISOS
from pizarras.cargas.hojas import ArchivoInvalido
from pizarras.cargas.importar import importar
from pizarras.cargas.plantillas import plantilla
from pizarras.cargas.reversion import revertir
from pizarras.cargas.revision import revisar
from pizarras.escritura.auditoria import CambioConcurrente, a_json
from pizarras.escritura.permisos import NoAutorizado
from tests.apoyo.comparar import instantanea
from tests.apoyo.cuentas_prueba import NUEVA as FORMULARIO
from tests.apoyo.cuentas_prueba import como
from tests.apoyo.hojas_prueba import ENCABEZADOS, ENCABEZADOS_CAPACITACIONES, NUEVA, TALLER, ods, xlsx

DATOS = ("actividades", "actividad_ejes_transversales", "actividad_ods", "reportes_avance", "compromisos",
         "capacitaciones")


def csv_bytes(filas: list[list], separador: str, codificacion: str) -> bytes:
    lineas = [separador.join(str(c) for c in fila) for fila in [ENCABEZADOS] + filas]
    return ("\r\n".join(lineas) + "\r\n").encode(codificacion)


def editar_plantilla(archivo: bytes, cambios: dict[tuple[int, str], object], nuevas: list[list] = (),
                     encabezados: list[str] = ENCABEZADOS) -> bytes:
    libro = load_workbook(io.BytesIO(archivo))
    hoja = libro["Datos"]
    for (fila, encabezado), valor in cambios.items():
        hoja.cell(row=fila, column=encabezados.index(encabezado) + 1, value=valor)
    for fila in nuevas:
        hoja.append(fila)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


@pytest.fixture()
def con(con_escritura):
    return con_escritura


def test_the_filled_template_uploaded_unchanged_changes_nothing(con):
    enlace = como("enlace.itei")
    archivo_plantilla = plantilla(con, "actividades", "ITEI")
    antes = instantanea(con, DATOS)
    revision = revisar(con, enlace, "itei.xlsx", archivo_plantilla)
    assert revision.valida and revision.resumen()["sin_cambio"] == 2
    assert (revision.cuenta("insertar"), revision.cuenta("actualizar")) == (0, 0)
    assert importar(con, enlace, revision).id is None
    assert instantanea(con, DATOS) == antes


def test_a_corrected_template_updates_its_rows_inserts_new_ones_and_twice_is_a_no_op(con):
    enlace = como("enlace.itei")
    # The template lists activities by id: find activity 2 by its ID cell.
    archivo_plantilla = plantilla(con, "actividades", "ITEI")
    filas = load_workbook(io.BytesIO(archivo_plantilla))["Datos"].iter_rows(values_only=True)
    fila_2 = next(i for i, f in enumerate(filas, start=1) if f[0] == 2)
    archivo = editar_plantilla(archivo_plantilla, {(fila_2, "Avance (%)"): 0.8}, [NUEVA])
    revision = revisar(con, enlace, "itei.xlsx", archivo)
    assert revision.valida, revision.errores
    assert revision.resumen() | {"errores": []} == {"valido": True, "insertadas": 1, "actualizadas": 1,
                                                     "validadas_sin_cambios": 0, "sin_cambio": 1, "errores": []}
    resultado = importar(con, enlace, revision)
    assert (resultado.insertadas, resultado.actualizadas) == (1, 1)
    assert con.execute("select avance, revision from actividades where id = 2").fetchone() == (80, "enviada")
    nueva = con.execute("select organismo, programa, estatus, avance, revision, fecha_inicio::varchar from actividades "
                        "where titulo = 'Jornada de análisis de datos'").fetchone()
    assert nueva == ("ITEI", "PROTAI", "en_proceso", 45, "enviada", "2025-03-10")
    despues = instantanea(con, DATOS)
    segunda = revisar(con, enlace, "itei.xlsx", archivo)
    assert segunda.resumen()["insertadas"] == segunda.resumen()["actualizadas"] == 0
    assert importar(con, enlace, segunda).id is None and instantanea(con, DATOS) == despues


def test_audit_text_has_one_format_for_forms_and_uploads(con):
    # The history view shows this text and the rollback reads it back: keys sorted, ISO dates, decimals as numbers.
    assert a_json({"titulo": "Taller «ñ»", "fecha_inicio": date(2025, 3, 10), "avance": Decimal("45.50"),
                   "reportado_en": datetime(2025, 3, 10, 9, 30), "ods": [16]}) == (
        '{"avance": 45.5, "fecha_inicio": "2025-03-10", "ods": [16], "reportado_en": "2025-03-10T09:30:00", '
        '"titulo": "Taller «ñ»"}')
    assert a_json(None) is None
    enlace = como("enlace.itei")
    importar(con, enlace, revisar(con, enlace, "itei.xlsx", xlsx([NUEVA])))
    texto = con.execute("select despues from auditoria where tabla = 'actividades' and accion = 'crear' "
                        "order by id desc limit 1").fetchone()[0]
    despues = json.loads(texto)
    assert texto == a_json(despues)
    assert (despues["fecha_inicio"], despues["avance"], despues["revision"]) == ("2025-03-10", 45, "enviada")


@pytest.mark.parametrize("separador, codificacion", [(";", "utf-8-sig"), (",", "cp1252"), (";", "utf-8")])
def test_csv_in_both_encodings_and_delimiters(con, separador, codificacion):
    fila = [c if c != "45%" else "45" for c in NUEVA]
    revision = revisar(con, como("enlace.itei"), "carga.csv", csv_bytes([fila], separador, codificacion))
    assert revision.valida, revision.errores
    assert revision.plan[0].limpios["titulo"] == "Jornada de análisis de datos"


def test_a_title_row_a_totals_row_empty_rows_and_percent_formats(con):
    filas = [NUEVA, [None] * 16, [*NUEVA[:6], "Otra jornada", *NUEVA[7:13], 0.3, *NUEVA[14:]],
             ["Total", None, None]]
    revision = revisar(con, como("enlace.itei"), "x.xlsx", xlsx(filas, antes=[["Reporte trimestral del ITEI"]]))
    assert revision.valida, revision.errores
    assert [p.limpios["avance"] for p in revision.plan] == [45, 30]
    assert any("título" in a for a in revision.avisos) and any("totales" in a for a in revision.avisos)


def test_row_errors_name_row_column_and_what_to_fix_and_nothing_is_written(con):
    antes = instantanea(con, DATOS)
    malas = [
        ["", "ITEI", "PROTAI", "PROTAI-T3", "", "", "Uno", "", "Informe", "", "", 2025, "Concluida", 90, "", ""],
        ["", "XYZ", "PROTAI", "PROTAI-T3", "", "", "Dos", "", "Informe", "", "", 2025, "En proceso", 10, "", ""],
        ["", "ITEI", "PROTAI", "PROTAI-T3", "", "", "Tres", "", "Informe", "", "", 2025, "Terminada", 10, "", ""],
        ["", "IDAIP", "PROTAI", "PROTAI-T1", "", "", "Cuatro", "", "Informe", "", "", 2025, "En proceso", 10, "", ""],
        ["", "ITEI", "PROTAI", "PROTAI-T3", "", "", "Uno", "", "Informe", "", "", 2025, "En proceso", 10, "", ""],
        ["", "ITEI", "PROTAI", "PROTAI-T3", "", "", "Cinco", "", "Informe", "31/02/2025", "", 2025, "En proceso",
         150, "", ""],
    ]
    revision = revisar(con, como("enlace.itei"), "x.xlsx", xlsx(malas))
    assert not revision.valida and revision.plan == []
    por_fila = {}
    for e in revision.errores:
        por_fila.setdefault(e.fila, []).append((e.columna, e.mensaje))
    assert any(c == "Avance (%)" and "100 %" in m for c, m in por_fila[2])
    assert any(c == "Evidencia (URL)" for c, _ in por_fila[2])
    assert any(c == "Organismo" and "«XYZ» no está en el catálogo" in m for c, m in por_fila[3])
    assert any(c == "Estatus" and "Valores parecidos" in m for c, m in por_fila[4])
    assert any(c == "Organismo" and "enlace de ITEI" in m for c, m in por_fila[5])
    assert any("Repite la fila 2" in m for _, m in por_fila[6])
    assert {c for c, _ in por_fila[7]} >= {"Fecha de inicio", "Avance (%)"}
    with pytest.raises(ValueError):
        importar(con, como("enlace.itei"), revision)
    assert instantanea(con, DATOS) == antes


def test_a_missing_or_misspelled_header_is_named_with_the_closest_one(con):
    encabezados = [("Titlo" if e == "Título" else e) for e in ENCABEZADOS if e != "Periodo"]
    revision = revisar(con, como("enlace.itei"), "x.xlsx", xlsx([], encabezados))
    mensajes = [e.mensaje for e in revision.errores]
    assert "Falta la columna «Título». ¿Es «Titlo»? Corrija el encabezado." in mensajes
    assert any(m.startswith("Falta la columna «Periodo».") for m in mensajes)


def test_catalog_values_tolerate_case_and_accents_but_never_guess(con):
    fila = [*NUEVA[:12], "EN PROCESO", *NUEVA[13:]]
    assert revisar(con, como("enlace.itei"), "x.xlsx", xlsx([fila])).valida
    fila = [*NUEVA[:12], "En progreso", *NUEVA[13:]]
    revision = revisar(con, como("enlace.itei"), "x.xlsx", xlsx([fila]))
    assert [e.columna for e in revision.errores] == ["Estatus"] and "«En proceso»" in revision.errores[0].mensaje


def test_text_that_looks_like_a_formula_is_stored_as_text(con):
    fila = [*NUEVA[:6], "=HYPERLINK(\"http://malo.example\",\"x\")", *NUEVA[7:]]
    libro = Workbook()
    hoja = libro.active
    hoja.append(ENCABEZADOS)
    hoja.append(fila)
    hoja.cell(row=2, column=7).data_type = "s"
    hoja.cell(row=2, column=16, value="=1+1")  # a real formula: never evaluated (no cached value: empty)
    salida = io.BytesIO()
    libro.save(salida)
    revision = revisar(con, como("enlace.itei"), "x.xlsx", salida.getvalue())
    assert revision.valida, revision.errores
    assert revision.plan[0].limpios["titulo"].startswith("=HYPERLINK")
    assert revision.plan[0].limpios["notas"] is None


@pytest.mark.parametrize(
    "nombre, contenido, mensaje",
    [
        ("viejo.xls", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600, "Excel antiguo (.xls) o está protegido"),
        ("datos.xlsx", b"Organismo,Programa\nITEI,PROTAI\n", "no es un libro de hojas de cálculo válido"),
        ("datos.csv", None, "pero es un libro de hojas de cálculo"),
        ("datos.xlsx", b"PK\x03\x04roto", "dañado o incompleto"),
        ("datos.pdf", b"%PDF-1.4", "Formato no admitido"),
        ("vacio.csv", b"", "vacío"),
    ],
)
def test_files_that_are_not_what_they_say_are_refused_in_spanish(con, nombre, contenido, mensaje):
    contenido = xlsx([NUEVA]) if contenido is None else contenido
    with pytest.raises(ArchivoInvalido, match=mensaje.replace("(", r"\(").replace(")", r"\)")):
        revisar(con, como("enlace.itei"), nombre, contenido)


def test_an_opendocument_workbook_imports_like_the_xlsx_one(con):
    enlace = como("enlace.itei")
    revision = revisar(con, enlace, "itei.ods", ods([NUEVA]))
    assert revision.valida, revision.errores
    importar(con, enlace, revision)
    fila = con.execute("select organismo, estatus, avance, fecha_inicio from actividades "
                       "where titulo = 'Jornada de análisis de datos'").fetchone()
    assert fila == ("ITEI", "en_proceso", 45, date(2025, 3, 10))


def test_a_password_protected_opendocument_workbook_is_named_as_such(con):
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as archivo:
        archivo.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archivo.writestr("META-INF/manifest.xml", '<manifest:manifest><manifest:file-entry manifest:full-path='
                         '"content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/>'
                         "</manifest:file-entry></manifest:manifest>")
        archivo.writestr("content.xml", b"\x8f\x12 cifrado")
    with pytest.raises(ArchivoInvalido, match="protegido con contraseña"):
        revisar(con, como("enlace.itei"), "itei.ods", salida.getvalue())


def test_a_legacy_xls_is_told_how_to_save_it_in_excel_and_in_libreoffice(con):
    with pytest.raises(ArchivoInvalido) as error:
        revisar(con, como("enlace.itei"), "viejo.xls", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600)
    assert "«Libro de Excel (.xlsx)»" in str(error.value) and "LibreOffice Calc" in str(error.value)


def test_a_zip_bomb_is_refused_before_inflating(con):
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as archivo:
        archivo.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    with pytest.raises(ArchivoInvalido, match="al descomprimirse"):
        revisar(con, como("enlace.itei"), "bomba.xlsx", salida.getvalue())


def test_size_and_row_limits(con, monkeypatch):
    monkeypatch.setenv("PIZARRAS_CARGA_MAX_FILAS", "1")
    with pytest.raises(ArchivoInvalido, match="el límite es 1"):
        revisar(con, como("enlace.itei"), "x.xlsx", xlsx([NUEVA, NUEVA]))
    monkeypatch.setenv("PIZARRAS_CARGA_MAX_MB", "0.001")
    with pytest.raises(ArchivoInvalido, match="el límite es 0 MB"):
        revisar(con, como("enlace.itei"), "x.xlsx", xlsx([NUEVA] * 20))


def test_importing_the_same_checked_file_twice_writes_it_once(con):
    enlace = como("enlace.itei")
    revision = revisar(con, enlace, "x.xlsx", xlsx([NUEVA]))
    primero = importar(con, enlace, revision)
    despues = instantanea(con, DATOS)
    assert importar(con, enlace, revision) == primero  # a second click: the same result, nothing written again
    assert instantanea(con, DATOS) == despues
    assert con.execute("select count(*) from importaciones").fetchone() == (1,)
    assert con.execute("select count(*) from actividades where titulo = ?", [NUEVA[6]]).fetchone() == (1,)


def test_an_admin_may_validate_on_import_an_enlace_may_not(con):
    revision = revisar(con, como("admin.snt"), "x.xlsx", xlsx([NUEVA]))
    with pytest.raises(NoAutorizado):
        importar(con, como("enlace.itei"), revision, validar=True)
    importar(con, como("admin.snt"), revision, validar=True)
    assert con.execute("select revision from actividades where titulo = ?", [NUEVA[6]]).fetchone() == ("validada",)


def test_rollback_restores_exactly_what_the_import_changed(con):
    enlace, admin = como("enlace.itei"), como("admin.snt")
    antes = instantanea(con, DATOS)
    archivo_plantilla = plantilla(con, "actividades", "ITEI")
    filas = list(load_workbook(io.BytesIO(archivo_plantilla))["Datos"].iter_rows(values_only=True))
    fila_2 = next(i for i, f in enumerate(filas, start=1) if f[0] == 2)
    archivo = editar_plantilla(archivo_plantilla, {(fila_2, "Avance (%)"): 70, (fila_2, "Ejes transversales"): "PRONADATOS-X1"},
                               [NUEVA])
    resultado = importar(con, enlace, revisar(con, enlace, "itei.xlsx", archivo))
    assert instantanea(con, DATOS) != antes
    with pytest.raises(NoAutorizado):
        revertir(con, enlace, resultado.id)
    assert revertir(con, admin, resultado.id) == 2
    despues = instantanea(con, DATOS)
    # Everything is back, but the restored activity's version moved on (an open editor is told it changed).
    assert despues["actividades"] != antes["actividades"]
    sin_version = lambda filas: [f[:-1] for f in filas]  # noqa: E731 — version is the last column
    assert sin_version(despues["actividades"]) == sin_version(antes["actividades"])
    assert {t: v for t, v in despues.items() if t != "actividades"} == {
        t: v for t, v in antes.items() if t != "actividades"}
    with pytest.raises(ValueError, match="ya se revirtió"):
        revertir(con, admin, resultado.id)


def test_rollback_is_refused_when_a_record_changed_after_the_import(con):
    enlace, admin = como("enlace.itei"), como("admin.snt")
    resultado = importar(con, enlace, revisar(con, enlace, "x.xlsx", xlsx([NUEVA])))
    id_, version = con.execute("select id, version from actividades where titulo = ?", [NUEVA[6]]).fetchone()
    from pizarras.escritura import autorreporte

    autorreporte.actualizar_actividad(con, enlace, id_, version, {"avance": 50})
    antes = instantanea(con, DATOS)
    with pytest.raises(CambioConcurrente, match=f"la actividad {id_} «{NUEVA[6]}» \\(lo cambió enlace.itei el "):
        revertir(con, admin, resultado.id)
    assert instantanea(con, DATOS) == antes


def test_a_refused_rollback_names_every_blocking_record_and_the_plan_lists_what_it_would_do(con):
    from pizarras.cargas.reversion import plan_de_reversion
    from pizarras.escritura import autorreporte

    enlace, admin = como("enlace.itei"), como("admin.snt")
    nuevas = [[*NUEVA[:6], f"Jornada {n}", *NUEVA[7:]] for n in range(1, 6)]
    archivo = editar_plantilla(plantilla(con, "actividades", "ITEI"), {(3, "Avance (%)"): 80}, nuevas)
    resultado = importar(con, enlace, revisar(con, enlace, "itei.xlsx", archivo))
    plan = plan_de_reversion(con, admin, resultado.id)
    assert (plan.cuenta("borrar"), plan.cuenta("restaurar"), plan.bloqueos) == (5, 1, [])
    restaurada = next(p for p in plan.pasos if p.accion == "restaurar")
    assert (restaurada.registro, restaurada.titulo) == (2, "Actividad 2")
    assert restaurada.deshace == "Avance (%): 80 → 50; Revisión: Enviada a revisión → Validada"
    with pytest.raises(NoAutorizado):
        plan_de_reversion(con, enlace, resultado.id)

    # Five records change after the import: the refusal names all five, each with its title and who changed it.
    ids = [i for (i,) in con.execute("select id from actividades where titulo like 'Jornada _' order by id").fetchall()]
    for id_ in ids[:4]:
        autorreporte.actualizar_actividad(con, enlace, id_, 1, {"avance": 60})
    autorreporte.actualizar_actividad(con, enlace, 2, 2, {"avance": 90})
    antes = instantanea(con, DATOS)
    plan = plan_de_reversion(con, admin, resultado.id)
    assert sorted(p.registro for p in plan.bloqueos) == sorted([*ids[:4], 2])
    assert all(p.bloqueo.startswith("lo cambió enlace.itei el ") for p in plan.bloqueos)
    with pytest.raises(CambioConcurrente) as rechazo:
        revertir(con, admin, resultado.id)
    mensaje = str(rechazo.value)
    assert mensaje.startswith(
        f"No se revirtió nada: 5 registros cambiaron después de la importación {resultado.id}:")
    for id_, titulo in [*((i, f"Jornada {n}") for n, i in enumerate(ids[:4], start=1)), (2, "Actividad 2")]:
        assert f"la actividad {id_} «{titulo}» (lo cambió enlace.itei el " in mensaje
    assert "«Jornada 5»" not in mensaje
    assert instantanea(con, DATOS) == antes


# ------------------------------------------------------------------------------------------------ trainings



def test_trainings_import_through_their_own_template_with_their_rules(con):
    enlace, admin = como("enlace.itei"), como("admin.snt")
    plantilla_itei = plantilla(con, "capacitaciones", "ITEI")
    sin_cambio = revisar(con, enlace, "cap.xlsx", plantilla_itei, "capacitaciones")
    assert sin_cambio.valida and sin_cambio.resumen()["sin_cambio"] == 1  # training 1 is ITEI's

    mala = [*TALLER[:9], 40, 30, 15, *TALLER[12:]]
    errores = revisar(con, enlace, "cap.xlsx", xlsx([mala], ENCABEZADOS_CAPACITACIONES), "capacitaciones").errores
    assert [(e.columna, "suman 45" in e.mensaje) for e in errores] == [("Participantes", True)]

    antes = instantanea(con, DATOS)
    archivo = editar_plantilla(plantilla_itei, {(2, "Participantes"): 120}, [TALLER], ENCABEZADOS_CAPACITACIONES)
    revision = revisar(con, enlace, "cap.xlsx", archivo, "capacitaciones")
    assert revision.valida, revision.errores
    resultado = importar(con, enlace, revision)
    assert (resultado.insertadas, resultado.actualizadas) == (1, 1)
    assert con.execute("select participantes, revision from capacitaciones where id = 1").fetchone() == (120, "enviada")
    assert con.execute("select organizador, entidad, tipo, modalidad from capacitaciones where titulo = ?",
                       [TALLER[2]]).fetchone() == ("ITEI", "14", "taller", "virtual")
    assert revertir(con, admin, resultado.id) == 2
    despues = instantanea(con, DATOS)
    # Training 1 is back as it was (its version moved on: the last column); the new one is gone.
    assert [f[:-1] for f in despues["capacitaciones"]] == [f[:-1] for f in antes["capacitaciones"]]


def test_an_enlace_cannot_upload_another_organisers_training(con):
    revision = revisar(con, como("enlace.idaip"), "cap.xlsx", xlsx([TALLER], ENCABEZADOS_CAPACITACIONES),
                       "capacitaciones")
    assert [e.columna for e in revision.errores] == ["Organismo"]



# ------------------------------------------------------------------------------------------------ commitments

def test_commitments_are_updated_by_id_within_the_enlaces_entidad(con):
    enlace, admin = como("enlace.itei"), como("admin.snt")  # ITEI: Jalisco, commitments 1 and 2
    archivo = plantilla(con, "compromisos", "ITEI")
    assert revisar(con, enlace, "c.xlsx", archivo, "compromisos").resumen()["sin_cambio"] == 2
    encabezados = [c.encabezado for c in COLUMNAS_COMPROMISOS]
    cambiado = editar_plantilla(archivo, {(3, "Avance (%)"): 75}, [["", "", "", "Nuevo", "En proceso", 10, ""],
                                                                    [3, "", "", "", "En proceso", 10, ""]],
                                encabezados)
    errores = revisar(con, enlace, "c.xlsx", cambiado, "compromisos").errores
    # A row without ID is refused (commitments are not created by file); commitment 3 is Durango's.
    assert [(e.fila, e.columna) for e in errores] == [(4, "ID"), (5, "ID")]
    bueno = editar_plantilla(archivo, {(3, "Avance (%)"): 75}, [], encabezados)
    revision = revisar(con, enlace, "c.xlsx", bueno, "compromisos")
    assert revision.valida and revision.cuenta("actualizar") == 1
    fila = next(p for p in revision.plan if p.accion == "actualizar")
    resultado = importar(con, enlace, revision)
    assert con.execute("select avance, revision from compromisos where id = ?", [fila.id]).fetchone() == (75, "enviada")
    revertir(con, admin, resultado.id)
    assert con.execute("select avance, revision from compromisos where id = ?", [fila.id]).fetchone()[1] == "validada"


HUERFANOS = """
select (select count(*) from actividad_ods where actividad not in (select id from actividades))
     + (select count(*) from actividad_ejes_transversales where actividad not in (select id from actividades))
     + (select count(*) from reportes_avance where actividad not in (select id from actividades))
"""


def test_no_write_path_leaves_a_link_or_report_without_its_activity(con):
    # The link tables declare no foreign key to actividades (DuckDB refuses updates of referenced rows), so the
    # write paths keep them whole: create, change, import, roll back.
    enlace, admin = como("enlace.itei"), como("admin.snt")
    from pizarras.escritura import autorreporte

    id_ = autorreporte.crear_actividad(con, enlace, {**FORMULARIO, "titulo": "Vínculos"})
    autorreporte.actualizar_actividad(con, enlace, id_, 1, {"ods": [5, 16], "transversales": []})
    resultado = importar(con, enlace, revisar(con, enlace, "x.xlsx", xlsx([NUEVA])))
    revertir(con, admin, resultado.id)
    assert con.execute(HUERFANOS).fetchone()[0] == 0


def test_the_seed_database_has_no_orphan_links(con_seed):
    assert con_seed.execute(HUERFANOS).fetchone()[0] == 0


# ------------------------------------------------------------------------------------- dates as spreadsheets write them


def _importada(con, archivo: bytes, nombre: str) -> tuple:
    enlace = como("enlace.itei")
    revision = revisar(con, enlace, nombre, archivo)
    assert revision.valida, revision.errores
    importar(con, enlace, revision)
    return con.execute("select fecha_inicio, fecha_fin from actividades "
                       "where titulo = 'Jornada de análisis de datos'").fetchone()


def test_a_short_date_from_calc_reads_as_this_century(con):
    fila = [*NUEVA[:9], "20/11/25", "31/12/25", *NUEVA[11:]]
    assert _importada(con, csv_bytes([fila], ",", "utf-8"), "itei.csv") == (date(2025, 11, 20), date(2025, 12, 31))


def test_a_date_cell_that_lost_its_format_reads_as_the_date_it_stood_for(con):
    fila = [*NUEVA[:9], 45000, 45016.0, *NUEVA[11:]]  # 15/03/2023 and 31/03/2023 as day numbers
    assert _importada(con, xlsx([fila]), "itei.xlsx") == (date(2023, 3, 15), date(2023, 3, 31))


def test_a_day_number_far_from_any_plausible_date_is_refused_with_the_date_it_would_be(con):
    revision = revisar(con, como("enlace.itei"), "itei.xlsx", xlsx([[*NUEVA[:9], 12, *NUEVA[10:]]]))
    mensajes = [e.mensaje for e in revision.errores if e.columna == "Fecha de inicio"]
    assert len(mensajes) == 1 and "11/01/1900" in mensajes[0]


def test_month_day_order_refuses_the_whole_column_and_swaps_nothing(con):
    antes = instantanea(con, DATOS)
    filas = [[*NUEVA[:9], "03/04/2025", *NUEVA[10:]],
             [*NUEVA[:6], "Otra jornada", *NUEVA[7:9], "11/20/2025", *NUEVA[10:]]]
    revision = revisar(con, como("enlace.itei"), "itei.csv", csv_bytes(filas, ",", "utf-8"))
    columna = [e for e in revision.errores if "mes/día/año" in e.mensaje]
    assert not revision.valida and len(columna) == 1 and columna[0].columna == "Fecha de inicio"
    assert "«11/20/2025»" in columna[0].mensaje and revision.plan == []
    assert instantanea(con, DATOS) == antes


@pytest.mark.parametrize("hoja", ["Instrucciones", "Catálogos"])
def test_a_csv_of_the_templates_other_sheets_names_the_sheet_to_export(con, hoja):
    libro = load_workbook(io.BytesIO(plantilla(con, "actividades", "ITEI")))
    lineas = [",".join("" if c is None else str(c).replace(",", " ") for c in fila)
              for fila in libro[hoja].iter_rows(values_only=True)]
    with pytest.raises(ArchivoInvalido, match=f"hoja «{hoja}» de la plantilla"):
        revisar(con, como("enlace.itei"), "exportada.csv", "\r\n".join(lineas).encode("utf-8"))


def test_a_data_sheet_with_the_templates_title_above_its_header_is_still_read(con):
    archivo = xlsx([NUEVA], antes=[["Plantilla de actividades"], []])
    revision = revisar(con, como("enlace.itei"), "itei.xlsx", archivo)
    assert revision.valida, revision.errores


def test_the_template_formats_new_rows_dates_and_puts_the_data_sheet_first(con):
    libro = load_workbook(io.BytesIO(plantilla(con, "actividades", "ITEI")))
    assert libro.sheetnames[0] == "Datos"
    datos = libro["Datos"]
    for encabezado in ("Fecha de inicio", "Fecha de término"):
        columna = ENCABEZADOS.index(encabezado) + 1
        assert datos.cell(row=1000, column=columna).number_format == "DD/MM/YYYY"


# ---------------------------------------------------------------------------- percentages as spreadsheets store them


def _con_formato(filas: list[list], formatos: list[str]) -> bytes:
    """A workbook whose «Avance (%)» cells carry a number format, as Excel or Calc save a typed «100 %»."""
    libro = Workbook()
    hoja = libro.active
    hoja.title = "Datos"
    hoja.append(ENCABEZADOS)
    for fila, formato in zip(filas, formatos, strict=True):
        hoja.append(fila)
        hoja.cell(row=hoja.max_row, column=ENCABEZADOS.index("Avance (%)") + 1).number_format = formato
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def _avance_guardado(con, titulo: str) -> int:
    return con.execute("select avance from actividades where titulo = ?", [titulo]).fetchone()[0]


def test_a_typed_100_percent_is_stored_as_100_not_1(con):
    concluida = [*NUEVA[:6], "Informe concluido", *NUEVA[7:12], "Concluida", 1.0, "https://itei.org.mx/informe", ""]
    en_proceso = [*NUEVA[:13], 0.7, *NUEVA[14:]]
    archivo = _con_formato([concluida, en_proceso], ["0.00%", "0%"])
    _importada(con, archivo, "itei.xlsx")
    assert _avance_guardado(con, "Informe concluido") == 100
    assert _avance_guardado(con, "Jornada de análisis de datos") == 70


def test_a_custom_percent_format_counts_and_a_quoted_percent_sign_does_not(con):
    por_ciento = [*NUEVA[:6], "Informe concluido", *NUEVA[7:12], "Concluida", 1.0, "https://itei.org.mx/i", ""]
    literal = [*NUEVA[:6], "Otra jornada", *NUEVA[7:13], 30, *NUEVA[14:]]  # as a percentage it would be 3,000
    archivo = _con_formato([por_ciento, literal], ["0.0%", '0" %"'])
    _importada(con, archivo, "itei.xlsx")
    assert _avance_guardado(con, "Informe concluido") == 100
    assert _avance_guardado(con, "Otra jornada") == 30


def test_a_bare_1_among_larger_progress_values_is_asked_about_not_guessed(con):
    uno = [*NUEVA[:13], 1, *NUEVA[14:]]
    otra = [*NUEVA[:6], "Otra jornada", *NUEVA[7:13], 60, *NUEVA[14:]]
    antes = instantanea(con, DATOS)
    revision = revisar(con, como("enlace.itei"), "itei.xlsx", _con_formato([uno, otra], ["General", "General"]))
    assert not revision.valida
    assert [(e.fila, e.columna) for e in revision.errores] == [(2, "Avance (%)")]
    assert "¿1 % o 100 %?" in revision.errores[0].mensaje and instantanea(con, DATOS) == antes
    escrito = revisar(con, como("enlace.itei"), "itei.xlsx", xlsx([[*NUEVA[:13], "1 %", *NUEVA[14:]], otra]))
    assert escrito.valida, escrito.errores  # «1 %» typed as text says which


def test_an_opendocument_percent_cell_is_stored_as_its_percentage(con):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    documento = OpenDocumentSpreadsheet()
    tabla = Table(name="Datos")
    for fila in ([*ENCABEZADOS], [*NUEVA[:13], 1.0, *NUEVA[14:]]):
        renglon = TableRow()
        for j, valor in enumerate(fila):
            if j == ENCABEZADOS.index("Avance (%)") and isinstance(valor, float):
                celda = TableCell(valuetype="percentage", value=valor)
                celda.addElement(P(text="100 %"))
            elif isinstance(valor, (int, float)):
                celda = TableCell(valuetype="float", value=valor)
            else:
                celda = TableCell(valuetype="string")
                celda.addElement(P(text=str(valor)))
            renglon.addElement(celda)
        tabla.addElement(renglon)
    documento.spreadsheet.addElement(tabla)
    salida = io.BytesIO()
    documento.write(salida)
    _importada(con, salida.getvalue(), "itei.ods")
    assert _avance_guardado(con, "Jornada de análisis de datos") == 100
