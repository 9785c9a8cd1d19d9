"""What an open-data portal harvests: a Data Package that `frictionless validate` accepts (types, keys, references
between published tables), the catalogue datos.gob.mx's guide asks for with real file sizes, the schema.org block,
the Libre Uso MX citation, and file names that are ASCII and never change between releases."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from pizarras.publicacion import datos_abiertos as da
from pizarras.publicacion.diccionario import CONJUNTOS, POR_NOMBRE
from tests.apoyo.cuentas_prueba import copia
from tests.apoyo.publico_prueba import con_registros_sin_validar

EXTRAIDO = datetime(2025, 6, 1, 12, 30)
BASE = "https://pizarras.ejemplo.mx"
# Validated in the app (datetime.now() keeps microseconds) and validated at midnight: the CSV must still hold the
# declared AAAA-MM-DD HH:MM:SS.
CON_MICROSEGUNDOS = "2025-05-20 10:11:12.345678"


@pytest.fixture(autouse=True)
def sin_configuracion(monkeypatch):
    for variable in ("PIZARRAS_URL_PUBLICA", "PIZARRAS_CONTACTO_NOMBRE", "PIZARRAS_CONTACTO_CORREO"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(scope="module")
def ruta_mixta(ruta_pequena, tmp_path_factory):
    ruta = con_registros_sin_validar(ruta_pequena, tmp_path_factory.mktemp("portales") / "mixta.duckdb")
    con = duckdb.connect(str(ruta))
    try:
        con.execute("update actividades_publicadas set validada_en = ?::timestamp where id = 1", [CON_MICROSEGUNDOS])
        con.execute("update reportes_publicados set en = date_trunc('day', en)")
    finally:
        con.close()
    return ruta


@pytest.fixture()
def con(ruta_mixta):
    con = duckdb.connect(str(ruta_mixta), read_only=True)
    yield con
    con.close()


def validar(paquete: Path) -> dict:
    """The `frictionless validate` command's own report (JSON) on a written datapackage.json."""
    salida = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", str(paquete)],
                            capture_output=True, text=True, timeout=300)
    return json.loads(salida.stdout)


def errores(informe: dict) -> list[tuple[str, str, str]]:
    return [(tarea["name"], error["type"], error["message"]) for tarea in informe["tasks"]
            for error in tarea["errors"]] + [("paquete", e["type"], e["message"]) for e in informe["errors"]]


# --- The Data Package ----------------------------------------------------------------------------------------------

def test_the_fixture_data_package_validates_with_its_keys_and_references(con, tmp_path):
    da.escribir(con, tmp_path, EXTRAIDO)
    informe = validar(tmp_path / da.PAQUETE)
    assert informe["valid"], errores(informe)
    assert {t["name"] for t in informe["tasks"]} == set(POR_NOMBRE)
    # What made it valid is what the CSV holds: the microseconds and the midnights written to the second.
    actividades = (tmp_path / "csv" / "actividades.csv").read_text(encoding="utf-8-sig").splitlines()
    assert actividades[1].startswith("1,") and actividades[1].endswith(",2025-05-20 10:11:12")
    reportes = (tmp_path / "csv" / "reportes_avance.csv").read_text(encoding="utf-8-sig").splitlines()
    assert re.fullmatch(r"\d+,\d{4}-\d\d-\d\d 00:00:00,\d+,\w+", reportes[1])


def test_the_seed_data_package_validates(con_seed, tmp_path):
    da.escribir(con_seed, tmp_path, EXTRAIDO)
    informe = validar(tmp_path / da.PAQUETE)
    assert informe["valid"], errores(informe)
    assert informe["stats"]["tasks"] == len(CONJUNTOS)


def test_a_published_link_to_an_unpublished_activity_fails_the_validation(ruta_mixta, tmp_path):
    # The references are really checked: an ODS row of activity 2 (a draft, never published) is an orphan.
    ruta = copia(ruta_mixta, tmp_path / "huerfana.duckdb")
    with duckdb.connect(str(ruta)) as escritura:
        escritura.execute("insert into actividad_ods_publicadas (actividad, ods) values (2, 5)")
    with duckdb.connect(str(ruta), read_only=True) as lectura:
        da.escribir(lectura, tmp_path / "datos", EXTRAIDO)
    informe = validar(tmp_path / "datos" / da.PAQUETE)
    assert not informe["valid"]
    assert [(t, e) for t, e, _ in errores(informe)] == [("actividad_ods", "foreign-key")]


def test_a_changed_file_fails_the_validation(con, tmp_path):
    # Each resource carries its size and sha256: a file edited after the release is caught.
    da.escribir(con, tmp_path, EXTRAIDO)
    ruta = tmp_path / "csv" / "estatus.csv"
    ruta.write_bytes(ruta.read_bytes().replace(b"concluida,Concluida", b"concluida,Terminada del todo"))
    tipos = {e for _, e, _ in errores(validar(tmp_path / da.PAQUETE))}
    assert {"hash-count", "byte-count"} <= tipos


def test_every_dictionary_column_is_in_its_table_schema_typed_as_the_csv_holds_it(con):
    paquete = da.paquete(con, EXTRAIDO)
    recursos = {r["name"]: r for r in paquete["resources"]}
    assert list(recursos) == [c.nombre for c in CONJUNTOS]
    dic = da.diccionario(con).set_index(["tabla", "columna"])
    tipos = {"INTEGER": "integer", "VARCHAR": "string", "BOOLEAN": "boolean", "DATE": "date",
             "TIMESTAMP": "datetime"}
    for conjunto in CONJUNTOS:
        recurso = recursos[conjunto.nombre]
        assert recurso["path"] == f"csv/{conjunto.nombre}.csv" and recurso["title"] == conjunto.titulo
        campos = recurso["schema"]["fields"]
        assert [c["name"] for c in campos] == list(conjunto.columnas), conjunto.nombre
        for campo in campos:
            fila = dic.loc[(conjunto.nombre, campo["name"])]
            assert campo["type"] == tipos[fila["tipo"]], (conjunto.nombre, campo["name"])
            assert campo["title"] == fila["significado"] and fila["valores_permitidos"] in campo["description"]
        assert recurso["schema"]["primaryKey"] == list(conjunto.clave)
    actividades = recursos["actividades"]["schema"]
    assert {"fields": "organismo", "reference": {"resource": "organismos", "fields": "clave"}} in (
        actividades["foreignKeys"])
    assert {"fields": "actividad", "reference": {"resource": "actividades", "fields": "id"}} in (
        recursos["actividad_ods"]["schema"]["foreignKeys"])
    assert paquete["name"] == da.IDENTIFICADOR and re.fullmatch(r"[a-z0-9-]+", paquete["name"])
    assert paquete["licenses"] == [{"path": da.LICENCIA_URL, "title": da.LICENCIA}]
    assert paquete["created"] == "2025-06-01T12:30:00" and paquete["title"] and paquete["sources"]


def test_keys_and_references_agree_with_the_database_and_with_the_allowed_values(con):
    restricciones = con.execute(
        "select table_name, constraint_type, constraint_column_names, referenced_table, referenced_column_names "
        "from duckdb_constraints() where constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')").fetchall()
    for tabla, tipo, columnas, destino, columnas_destino in restricciones:
        if tabla not in POR_NOMBRE:
            continue
        conjunto = POR_NOMBRE[tabla]
        if tipo == "PRIMARY KEY":
            assert conjunto.clave == tuple(columnas), tabla
        else:  # every reference the database enforces on the working table, the package declares
            assert conjunto.referencias.get(columnas[0]) == f"{destino}.{columnas_destino[0]}", (tabla, columnas)
    # «clave de organismos», «id de actividades», «número de ods»: the dictionary's words name every reference.
    palabras = {"clave": "clave", "id": "id", "número": "numero"}
    for conjunto in CONJUNTOS:
        assert conjunto.clave and set(conjunto.clave) <= set(conjunto.columnas), conjunto.nombre
        dichas = {}
        for columna, (_, valores) in conjunto.columnas.items():
            if m := re.match(r"(clave|id|número) de (\w+)", valores):
                dichas[columna] = f"{m.group(2)}.{palabras[m.group(1)]}"
        assert conjunto.referencias == dichas, conjunto.nombre
        for destino in conjunto.referencias.values():
            tabla, columna = destino.split(".")
            assert POR_NOMBRE[tabla].clave == (columna,), destino


# --- The catalogue -------------------------------------------------------------------------------------------------

REQUERIDOS_CONJUNTO = ("identifier", "title", "description", "modified", "contactPoint", "mbox", "landingPage",
                       "accrualPeriodicity", "keyword", "temporal", "spatial")
REQUERIDOS_DISTRIBUCION = ("title", "downloadURL", "mediaType", "byteSize")
TIPOS_POR_EXTENSION = {
    "csv": "text/csv", "json": "application/json", "parquet": "application/vnd.apache.parquet", "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def test_the_catalogue_has_every_required_field_and_each_file_with_its_real_size(con, tmp_path):
    escritos = da.escribir(con, tmp_path, EXTRAIDO)
    catalogo = json.loads((tmp_path / da.CATALOGO).read_text(encoding="utf-8"))
    [conjunto] = catalogo["dataset"]
    for campo in REQUERIDOS_CONJUNTO:
        assert conjunto.get(campo), campo
    assert conjunto["identifier"] == da.IDENTIFICADOR and conjunto["identifier"].isascii()
    assert conjunto["modified"] == da.ultima_validacion(con).isoformat(timespec="seconds")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", conjunto["temporal"])
    distribuciones = conjunto["distribution"]
    # One per file written, the catalogue itself aside (its own size cannot be inside it).
    assert sorted(d["downloadURL"] for d in distribuciones) == sorted(
        p.relative_to(tmp_path).as_posix() for p in escritos if p.name != da.CATALOGO)
    for distribucion in distribuciones:
        for campo in REQUERIDOS_DISTRIBUCION:
            assert distribucion.get(campo), (distribucion["downloadURL"], campo)
        ruta = tmp_path / distribucion["downloadURL"]  # relative: to the catalogue's folder
        assert distribucion["byteSize"] == ruta.stat().st_size, ruta
        assert distribucion["mediaType"] == TIPOS_POR_EXTENSION[ruta.suffix[1:]], ruta
    titulos = {d["downloadURL"]: d["title"] for d in distribuciones}
    assert titulos["xlsx/compromisos.xlsx"] == "Compromisos de gobierno abierto (XLSX)"


def test_without_a_contact_the_catalogue_says_so_and_names_nobody(con):
    conjunto = da.catalogo(con, EXTRAIDO, {})["dataset"][0]
    assert conjunto["contactPoint"] == da.CONTACTO_NO_DEFINIDO
    assert conjunto["mbox"] == da.CORREO_NO_DEFINIDO and conjunto["mbox"].endswith(".invalid")
    assert "no se ha definido un punto de contacto" in conjunto["description"]


def test_a_configured_contact_and_public_address_make_absolute_links(con, tmp_path, monkeypatch):
    monkeypatch.setenv("PIZARRAS_URL_PUBLICA", BASE + "/")
    monkeypatch.setenv("PIZARRAS_CONTACTO_NOMBRE", "Unidad de datos abiertos")
    monkeypatch.setenv("PIZARRAS_CONTACTO_CORREO", "datos@ejemplo.mx")
    da.escribir(con, tmp_path, EXTRAIDO)
    conjunto = json.loads((tmp_path / da.CATALOGO).read_text(encoding="utf-8"))["dataset"][0]
    assert (conjunto["contactPoint"], conjunto["mbox"]) == ("Unidad de datos abiertos", "datos@ejemplo.mx")
    assert "punto de contacto" not in conjunto["description"]
    assert conjunto["landingPage"] == f"{BASE}/datos_abiertos/"
    urls = {d["downloadURL"] for d in conjunto["distribution"]}
    assert f"{BASE}/datos/csv/actividades.csv" in urls and all(u.startswith(f"{BASE}/datos/") for u in urls)
    assert f"{BASE}/datos_abiertos/" in (tmp_path / da.LEEME).read_text(encoding="utf-8")  # the citation's address
    # The package's paths stay relative: it travels with its files.
    assert json.loads((tmp_path / da.PAQUETE).read_text(encoding="utf-8"))["resources"][0]["path"] == (
        "csv/actividades.csv")


def test_an_explicit_base_wins_over_the_environment_and_none_keeps_links_relative(con, monkeypatch):
    monkeypatch.setenv("PIZARRAS_URL_PUBLICA", "https://otra.ejemplo.mx")
    huellas = {"csv/ods.csv": (10, "x")}
    assert da.catalogo(con, EXTRAIDO, huellas, BASE)["dataset"][0]["distribution"][0]["downloadURL"] == (
        f"{BASE}/datos/csv/ods.csv")
    relativo = da.catalogo(con, EXTRAIDO, huellas, None)["dataset"][0]
    assert (relativo["distribution"][0]["downloadURL"], relativo["landingPage"]) == ("csv/ods.csv", da.LEEME)


@pytest.mark.parametrize("url", ["pizarras.ejemplo.mx", "https://pizarras ejemplo.mx", "https://pizarrás.mx"])
def test_an_incomplete_public_address_is_refused_saying_what_to_fix(con, tmp_path, url):
    with pytest.raises(ValueError, match="PIZARRAS_URL_PUBLICA"):
        da.escribir(con, tmp_path, EXTRAIDO, url_base=url)


# --- schema.org JSON-LD --------------------------------------------------------------------------------------------

def _json_del_bloque(bloque: str) -> dict:
    inicio, fin = '<script type="application/ld+json">', "</script>"
    assert bloque.startswith(inicio) and bloque.endswith(fin)
    return json.loads(bloque[len(inicio):-len(fin)])


def test_the_json_ld_block_is_a_schema_org_dataset(con):
    datos = _json_del_bloque(da.json_ld(con, EXTRAIDO, BASE))
    assert (datos["@context"], datos["@type"]) == ("https://schema.org/", "Dataset")
    for campo in ("name", "description", "license", "dateModified", "creator", "publisher", "spatialCoverage",
                  "temporalCoverage", "distribution", "url"):
        assert datos.get(campo), campo
    assert datos["license"] == da.LICENCIA_URL and datos["url"] == f"{BASE}/datos_abiertos/"
    assert datos["creator"]["name"] == datos["publisher"]["name"] == "Sistema Nacional de Transparencia"
    assert datos["spatialCoverage"] == {"@type": "Place", "name": "México"}
    assert len(datos["distribution"]) == len(CONJUNTOS) * len(da.FORMATOS)
    descarga = datos["distribution"][0]
    assert descarga["@type"] == "DataDownload" and descarga["encodingFormat"] == "text/csv"
    assert descarga["contentUrl"] == f"{BASE}/datos/csv/actividades.csv"
    # Without a public address: relative to the site's root, where its open-data page is.
    sin_base = _json_del_bloque(da.json_ld(con, EXTRAIDO, None))
    assert sin_base["distribution"][0]["contentUrl"] == "../datos/csv/actividades.csv" and "url" not in sin_base


def test_a_hostile_table_title_cannot_leave_the_script_element(con):
    hostil = '</script><script>alert("x")</script><!-- & </SCRIPT>'
    conjuntos = (dataclasses.replace(CONJUNTOS[0], titulo=hostil), *CONJUNTOS[1:])
    bloque = da.json_ld(con, EXTRAIDO, None, conjuntos)
    assert bloque.lower().count("</script") == 1 and bloque.lower().count("<script") == 1 and "<!--" not in bloque
    assert _json_del_bloque(bloque)["distribution"][0]["name"] == f"{hostil} (CSV)"  # the text itself survives


# --- The citation and the file names -------------------------------------------------------------------------------

def test_the_citation_names_the_dataset_the_acronym_the_address_and_the_date():
    texto = da.cita(date(2025, 6, 3), f"{BASE}/datos_abiertos/")
    assert texto == f'"{da.TITULO}", SNT; {BASE}/datos_abiertos/; fecha de consulta: 2025-06-03.'
    sin_datos = da.cita()
    assert "AAAA-MM-DD" in sin_datos and "dirección de donde descargó" in sin_datos


def test_the_readme_carries_the_citation(con, tmp_path):
    da.escribir(con, tmp_path, EXTRAIDO)
    leeme = (tmp_path / da.LEEME).read_text(encoding="utf-8")
    assert da.cita() in leeme and da.PAQUETE in leeme and da.CATALOGO in leeme


NOMBRE_ESTABLE = re.compile(r"[A-Za-z_]+(/[a-z_]+)?\.[a-z]+")  # ASCII letters only: no accent, no date, no digit


def test_every_file_name_is_ascii_and_the_same_in_every_release(con, tmp_path):
    primera = sorted(p.relative_to(tmp_path / "a").as_posix() for p in da.escribir(con, tmp_path / "a", EXTRAIDO))
    segunda = sorted(p.relative_to(tmp_path / "b").as_posix()
                     for p in da.escribir(con, tmp_path / "b", datetime(2031, 12, 31, 23, 59)))
    assert primera == segunda
    assert len(primera) == len(CONJUNTOS) * len(da.FORMATOS) + 5
    for nombre in primera:
        assert NOMBRE_ESTABLE.fullmatch(nombre), nombre
    assert {da.DICCIONARIO, da.METADATOS, da.LEEME, da.PAQUETE, da.CATALOGO} <= set(primera)
    with zipfile.ZipFile(io.BytesIO(da.zip_completo(con, EXTRAIDO))) as archivo:
        assert sorted(n.removeprefix("datos_abiertos/") for n in archivo.namelist()) == primera
