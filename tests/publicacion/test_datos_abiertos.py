"""Open data: validated records only, every column in the dictionary, files that load back with their row counts."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

import duckdb
import openpyxl
import pandas as pd
import pytest

from pizarras.publicacion import datos_abiertos as da
from pizarras.publicacion.diccionario import CONJUNTOS, POR_NOMBRE
from tests.apoyo.publico_prueba import TITULO_HOSTIL, con_registros_sin_validar

EXTRAIDO = datetime(2025, 6, 1, 12, 30)
NO_PUBLICAS = set(da.NO_PUBLICAS)


@pytest.fixture(scope="module")
def ruta_mixta(ruta_pequena, tmp_path_factory):
    return con_registros_sin_validar(ruta_pequena, tmp_path_factory.mktemp("publico") / "mixta.duckdb")


@pytest.fixture()
def con(ruta_mixta):
    con = duckdb.connect(str(ruta_mixta), read_only=True)
    yield con
    con.close()


def validados(con, tabla: str) -> set[int]:
    return {i for (i,) in con.execute(f"select id from {tabla} where revision = 'validada'").fetchall()}


def test_only_validated_activities_commitments_and_trainings_are_published(con):
    for tabla in ("actividades", "compromisos", "capacitaciones"):
        assert set(da.tabla(con, tabla)["id"]) == validados(con, tabla), tabla
    assert set(da.tabla(con, "actividades")["id"]) == {1, 3, 6}


def test_links_and_reports_of_unvalidated_activities_are_left_out(con):
    publicadas = validados(con, "actividades")
    for tabla in ("actividad_ejes_transversales", "actividad_ods", "reportes_avance"):
        actividades = set(da.tabla(con, tabla)["actividad"])
        assert actividades and actividades <= publicadas, tabla
    assert list(da.tabla(con, "actividad_ods")["actividad"]) == [1]  # 2 and 5 are not validated


def test_accounts_audit_and_internal_columns_are_never_published(con):
    assert {"usuarios", "auditoria", "intentos_acceso"} <= NO_PUBLICAS and not NO_PUBLICAS & set(POR_NOMBRE)
    for conjunto in CONJUNTOS:
        columnas = set(da.tabla(con, conjunto.nombre).columns)
        assert not columnas & {"usuario", "reportado_por", "notas", "observacion", "version", "revision",
                               "clave_hash"}, conjunto.nombre


def test_every_public_table_is_published_and_the_dictionary_names_exactly_its_columns(con):
    tablas = {t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall()}
    assert tablas - NO_PUBLICAS == set(POR_NOMBRE)
    dic = da.diccionario(con)
    for conjunto in CONJUNTOS:
        assert list(da.tabla(con, conjunto.nombre).columns) == list(conjunto.columnas), conjunto.nombre
    assert dic["tipo"].str.len().min() > 0 and dic["significado"].str.len().min() > 0
    assert dic.set_index(["tabla", "columna"]).loc[("actividades", "fecha_fin"), "tipo"] == "DATE"


def test_the_summary_counts_rows_and_demo_rows(con):
    resumen = da.resumen(con).set_index("tabla")
    assert resumen.loc["actividades", "filas"] == 3 and resumen.loc["actividades", "filas_demo"] == 2
    assert resumen.loc["compromisos", "filas"] == 2 and resumen.loc["compromisos", "filas_demo"] == 0
    assert resumen.loc["ods", "filas"] == 17 and pd.isna(resumen.loc["ods", "filas_demo"])


def test_every_file_loads_back_with_the_published_row_counts(con, tmp_path):
    escritos = da.escribir(con, tmp_path, EXTRAIDO)
    assert len(escritos) == len(CONJUNTOS) * 4 + 5  # + dictionary, metadata, LÉEME, Data Package, catalogue
    lector = duckdb.connect()
    for conjunto in CONJUNTOS:
        n = len(da.tabla(con, conjunto.nombre))
        base = tmp_path / "{}" / f"{conjunto.nombre}.{{}}"
        for funcion, formato in (("read_csv", "csv"), ("read_json", "json"), ("read_parquet", "parquet")):
            ruta = str(base).format(formato, formato)
            assert lector.execute(f"select count(*) from {funcion}(?)", [ruta]).fetchone()[0] == n, ruta
        hoja = openpyxl.load_workbook(str(base).format("xlsx", "xlsx"), read_only=True)["Datos"]
        assert sum(1 for _ in hoja.iter_rows()) == n + 1
    parquet = str(tmp_path / "parquet" / "compromisos.parquet")
    tipos = {r[0]: r[1] for r in lector.execute("describe select * from read_parquet(?)", [parquet]).fetchall()}
    assert tipos["ods"] == "INTEGER" and tipos["fecha_inicio"] == "DATE"


def test_spreadsheet_formats_never_run_text_as_a_formula_and_programs_get_it_as_is(con):
    capacitaciones = da.tabla(con, "capacitaciones")
    csv = da.archivo(capacitaciones, "csv", "Capacitaciones", EXTRAIDO).decode("utf-8-sig")
    assert "'" + TITULO_HOSTIL.replace('"', '""') in csv
    datos = json.loads(da.archivo(capacitaciones, "json", "Capacitaciones", EXTRAIDO))
    assert datos[0]["titulo"] == TITULO_HOSTIL and datos[0]["fecha_inicio"] == "2023-05-10"
    libro = openpyxl.load_workbook(io.BytesIO(da.archivo(capacitaciones, "xlsx", "Capacitaciones", EXTRAIDO)))
    celda = libro["Datos"]["B2"]
    assert celda.data_type == "s" and celda.value.startswith("'=")


def test_metadata_give_licence_extraction_date_and_the_demo_note(con):
    meta = da.metadatos(con, EXTRAIDO)
    assert meta["licencia"] == da.LICENCIA and meta["fecha_extraccion"] == "2025-06-01T12:30:00"
    assert "es_demo" in meta["nota_demo"]
    actividades = next(t for t in meta["tablas"] if t["tabla"] == "actividades")
    assert actividades["filas"] == 3 and actividades["columnas"][0]["columna"] == "id"


def test_the_zip_holds_every_file(con):
    with zipfile.ZipFile(io.BytesIO(da.zip_completo(con, EXTRAIDO))) as archivo:
        nombres = set(archivo.namelist())
        assert "datos_abiertos/parquet/actividades.parquet" in nombres
        assert {"datos_abiertos/diccionario.csv", "datos_abiertos/metadatos.json", "datos_abiertos/LEEME.txt",
                "datos_abiertos/datapackage.json", "datos_abiertos/catalogo.json"} <= nombres
        assert len(nombres) == len(CONJUNTOS) * 4 + 5


def test_an_audited_write_changes_the_data_version(ruta_mixta, tmp_path):
    from pizarras.escritura.auditoria import auditar, transaccion
    from tests.apoyo.cuentas_prueba import copia

    con = duckdb.connect(str(copia(ruta_mixta, tmp_path / "v.duckdb")))
    try:
        antes = da.version_de_los_datos(con)
        with transaccion(con) as cur:
            auditar(cur, "admin.snt", "validar", "actividades", 2)
        assert da.version_de_los_datos(con) > antes
    finally:
        con.close()


def test_the_seed_publishes_its_validated_activities_only(con_seed):
    publicadas = da.tabla(con_seed, "actividades")
    assert set(publicadas["id"]) == validados(con_seed, "actividades")
    assert con_seed.execute("select count(*) from actividades where revision <> 'validada'").fetchone()[0] > 0


def test_the_open_data_say_when_they_were_last_validated_and_say_so_when_nothing_is(ruta_pequena, tmp_path):
    from tests.apoyo import fechas_prueba

    con = duckdb.connect(str(fechas_prueba.copia_con_fechas(ruta_pequena, tmp_path / "fechas.duckdb")))
    try:
        assert da.ultima_validacion(con) == datetime(2025, 5, 25, 17, 40)  # training 3, the newest record
        meta = da.metadatos(con, EXTRAIDO)
        assert (meta["fecha_validacion"], meta["validados_al"]) == ("2025-05-25T17:40:00", fechas_prueba.NACIONAL)
        libro = openpyxl.load_workbook(io.BytesIO(da.archivo_de_tabla(con, "actividades", "xlsx", EXTRAIDO)))
        filas = {fila[0]: fila[1] for fila in libro["Filtros"].iter_rows(values_only=True) if fila and fila[0]}
        assert filas["Validación"] == fechas_prueba.NACIONAL
        # Each record carries its own date: the newest of them is the stamp.
        fechas = [da.tabla(con, t)["validada_en"].max() for t in ("actividades", "compromisos", "capacitaciones")]
        assert max(fechas) == pd.Timestamp(da.ultima_validacion(con))

        for tabla in ("actividades_publicadas", "compromisos_publicados", "capacitaciones_publicadas"):
            con.execute(f"delete from {tabla}")
        assert da.ultima_validacion(con) is None
        assert da.metadatos(con, EXTRAIDO)["fecha_validacion"] is None
        assert "Aún no hay registros validados." in da.leeme(EXTRAIDO, da.ultima_validacion(con))
    finally:
        con.close()
