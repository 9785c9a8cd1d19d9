"""The static publication from the command line: the orders and their alias, what the site holds (a folder per
board with its unfiltered figures already in the HTML, the data files, precompressed copies), and that a folder it
did not write is never replaced. tests/e2e/test_sitio_e2e.py serves the site and compares it with the app."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from functools import partial

import brotli
import duckdb
import pytest

from pizarras.__main__ import main
from pizarras.base.consultas import ejecutar
from pizarras.lectura.filtros import Filtros
from pizarras.publicacion.sitio import MARCA, TAMANO_MINIMO
from pizarras.publicacion.sitio.tableros import PAGINAS, vista


@pytest.fixture()
def base(ruta_pequena, tmp_path):
    return shutil.copy(ruta_pequena, tmp_path / "base.duckdb")


def _cifras_en(html: str) -> list[list[str]]:
    """The KPI cards written into a page: [[key, text], …]."""
    cifras = []
    for trozo in html.split('<div class="kpi" data-cifra="')[1:]:
        clave = trozo.split('"', 1)[0]
        texto = trozo.split("<b>", 1)[1].split("</b>", 1)[0]
        cifras.append([clave, texto])
    return cifras


def test_publicar_writes_a_folder_per_board_its_data_and_the_open_data(base, tmp_path, capsys):
    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    assert "Sitio publicado" in capsys.readouterr().out
    for ruta in PAGINAS:
        texto = (destino / ruta / "index.html").read_text(encoding="utf-8")
        assert '<html lang="es"' in texto and '<script src="../recursos/sitio.js" defer></script>' in texto
        assert 'src="http' not in texto and "plotly" not in texto  # nothing from another host, no chart bundle
    for archivo in ("recursos/sitio.js", "tableros/datos.json",
                    "tableros/filas/indice.json", "datos/parquet/actividades.parquet", "datos/diccionario.csv",
                    "index.html", "datos_abiertos/index.html"):
        assert (destino / archivo).is_file(), archivo
    assert not (destino / "plotly.min.js").exists()


def test_without_javascript_each_board_already_shows_the_apps_unfiltered_figures(base, tmp_path):
    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    con = duckdb.connect(str(base), read_only=True)
    try:
        actividades = con.execute("select count(*) from actividades_publicadas").fetchone()[0]
        for ruta in ("pizarra_nacional", "compromisos", "capacitaciones"):
            esperada = vista(partial(ejecutar, con), ruta, Filtros(), date.today())
            html = (destino / ruta / "index.html").read_text(encoding="utf-8")
            assert _cifras_en(html) == esperada["cifras"], ruta
            for clave, grafica in esperada["graficas"].items():  # each chart's data, as a table
                assert f'data-grafica="{clave}"' in html
                assert all(f'<th scope="row">{fila[0]}</th>' in html for fila in grafica["filas"]), clave
    finally:
        con.close()
    nacional = (destino / "pizarra_nacional" / "index.html").read_text(encoding="utf-8")
    assert nacional.count("<tr><td>") == actividades  # every published activity of the fixture database, a row


def test_every_text_file_has_gzip_and_brotli_copies_of_the_same_bytes(base, tmp_path):
    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    textos = [p for p in destino.rglob("*") if p.suffix in (".html", ".js", ".css", ".json", ".csv")
              and p.stat().st_size >= TAMANO_MINIMO]
    assert len(textos) > 10
    for ruta in textos:
        original = ruta.read_bytes()
        assert gzip.decompress(ruta.with_name(ruta.name + ".gz").read_bytes()) == original, ruta
        assert brotli.decompress(ruta.with_name(ruta.name + ".br").read_bytes()) == original, ruta


def test_the_app_paths_and_the_old_file_names_open_the_boards(base, tmp_path):
    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    assert {"pizarra_nacional", "pizarra_region", "pizarra_organismo", "compromisos", "capacitaciones",
            "mapa"} <= {p.name for p in destino.iterdir() if p.is_dir()}
    viejo = (destino / "regiones.html").read_text(encoding="utf-8")
    assert 'location.replace("pizarra_region/" + location.search)' in viejo  # an old link keeps its filters


def test_the_data_files_hold_only_published_records_grouped(base, tmp_path):
    from tests.apoyo.publico_prueba import con_registros_sin_validar

    base = con_registros_sin_validar(base, tmp_path / "mixta.duckdb")
    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    hechos = json.loads((destino / "tableros" / "datos.json").read_text(encoding="utf-8"))["hechos"]
    con = duckdb.connect(str(base), read_only=True)
    try:
        publicados = [con.execute(f"select count(*) from {t}").fetchone()[0]
                      for t in ("actividades_publicadas", "compromisos_publicados", "capacitaciones_publicadas")]
        todos = con.execute("select count(*) from actividades").fetchone()[0]
    finally:
        con.close()
    assert [sum(hechos[k]["n"]) for k in ("actividades", "compromisos", "capacitaciones")] == publicados
    assert publicados == [3, 2, 2] and todos == 6  # drafts and edits under review are not on the site


def test_publish_replaces_an_earlier_publication(base, tmp_path):
    destino = tmp_path / "sitio"
    assert main(["publish", str(destino), "--db", str(base)]) == 0
    (destino / "viejo.html").write_text("de antes", encoding="utf-8")
    assert main(["publish", str(destino), "--db", str(base)]) == 0
    assert not (destino / "viejo.html").exists() and (destino / MARCA).exists()
    assert not [p for p in tmp_path.iterdir() if "publicando" in p.name]


def test_a_folder_it_did_not_write_is_never_replaced(base, tmp_path, capsys):
    ajena = tmp_path / "ajena"
    ajena.mkdir()
    (ajena / "tesis.docx").write_text("no tocar", encoding="utf-8")
    assert main(["publicar", str(ajena), "--db", str(base)]) == 1
    assert "no se reemplaza una carpeta ajena" in capsys.readouterr().err
    assert [p.name for p in ajena.iterdir()] == ["tesis.docx"]


def test_every_page_of_the_site_says_when_what_it_shows_was_validated(ruta_pequena, tmp_path):
    from tests.apoyo import fechas_prueba

    base = fechas_prueba.copia_con_fechas(ruta_pequena, tmp_path / "fechas.duckdb")
    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0

    def sello(pagina: str) -> str:
        texto = (destino / pagina).read_text(encoding="utf-8")
        return texto.split('<p class="validados">', 1)[1].split("</p>", 1)[0]

    # Each board the newest validation among what it shows, as the app's board says it.
    assert sello("pizarra_nacional/index.html") == fechas_prueba.NACIONAL  # it counts trainings too
    assert sello("compromisos/index.html") == fechas_prueba.COMPROMISOS_TODOS
    assert sello("capacitaciones/index.html") == fechas_prueba.NACIONAL  # training 3
    assert sello("index.html") == sello("datos_abiertos/index.html") == fechas_prueba.NACIONAL  # all the open data
    metadatos = json.loads((destino / "datos" / "metadatos.json").read_text(encoding="utf-8"))
    assert (metadatos["fecha_validacion"], metadatos["validados_al"]) == ("2025-05-25T17:40:00", fechas_prueba.NACIONAL)
    assert f"{fechas_prueba.NACIONAL} (la validación más reciente" in (destino / "datos" / "LEEME.txt").read_text(
        encoding="utf-8")


def test_the_open_data_page_carries_a_dataset_json_ld_and_the_published_package_validates(base, tmp_path):
    import subprocess
    import sys

    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    pagina = (destino / "datos_abiertos" / "index.html").read_text(encoding="utf-8")
    bloque = pagina.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    datos = json.loads(bloque)
    assert datos["@type"] == "Dataset" and datos["distribution"]
    for descarga in datos["distribution"]:  # each link, relative to the page, reaches a published file
        assert (destino / "datos_abiertos" / descarga["contentUrl"]).resolve().is_file(), descarga["contentUrl"]
    assert "fecha de consulta" in pagina  # the licence's citation, in its own form
    hecho = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json",
                            str(destino / "datos" / "datapackage.json")], capture_output=True, text=True)
    assert hecho.returncode == 0 and json.loads(hecho.stdout)["valid"], hecho.stdout[-2000:]


# ------------------------------------------------------------------------------------------------ publishing as a job


def _en_disco(carpeta) -> tuple[int, int]:
    """Files of a site and their bytes, precompressed copies (X.gz, X.br beside X) not counted."""
    archivos = [p for p in carpeta.rglob("*")
                if p.is_file() and not (p.suffix in (".gz", ".br") and p.with_suffix("").is_file())]
    return len(archivos), sum(p.stat().st_size for p in archivos)


def test_publishing_tells_each_step_and_sums_up_what_it_wrote(base, tmp_path, capsys):
    import re
    import time

    from pizarras import estilo

    destino = tmp_path / "sitio"
    inicio = time.perf_counter()
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    pared = time.perf_counter() - inicio
    salida = capsys.readouterr()

    primera, *pasos = salida.err.splitlines()
    assert primera == f"Publicando «{base}» en «{destino}»…"
    segundos = []
    for linea in pasos:
        encontrado = re.fullmatch(r" *(\d+\.\d) s  (\S.*)", linea)
        assert encontrado, f"no es una línea de paso: {linea!r}"
        segundos.append(float(encontrado[1]))
    assert segundos == sorted(segundos) and len(pasos) >= 3
    assert any("Datos abiertos" in p for p in pasos) and any("Pizarra nacional" in p for p in pasos)

    archivos, tamano = _en_disco(destino)
    datos = sum(1 for p in (destino / "datos").rglob("*") if p.is_file() and p.suffix not in (".gz", ".br"))
    resumen = re.fullmatch(
        rf"Sitio publicado en «{re.escape(str(destino))}» en (\d+\.\d) s: 6 páginas, (\d+) archivos de datos "
        r"abiertos; (\d+) archivos en total, (.+)\.\nÁbralo con cualquier servidor web, p\. ej\.: .+\n", salida.out)
    assert resumen, salida.out
    assert float(resumen[1]) <= pared and float(resumen[1]) >= segundos[-1]
    assert (int(resumen[2]), int(resumen[3]), resumen[4]) == (datos, archivos, estilo.tamano(tamano))


def test_sizes_read_as_a_person_reads_them():
    from pizarras.estilo import tamano

    assert [tamano(n) for n in (0, 1023, 1024, 850 * 1024, int(3.2 * 2**20), 1_234_567_890)] == [
        "0 B", "1023 B", "1 KB", "850 KB", "3.2 MB", "1.1 GB"]


def test_a_folder_that_cannot_be_written_is_said_in_spanish(base, tmp_path, capsys):
    archivo = tmp_path / "no_es_carpeta"
    archivo.write_text("x", encoding="utf-8")
    assert main(["publicar", str(archivo / "sitio"), "--db", str(base)]) == 1
    salida = capsys.readouterr()
    assert (f"Error: No se pudo escribir el sitio en «{archivo / 'sitio'}»: una parte de la ruta es un archivo, no "
            "una carpeta.") in salida.err
    assert "Traceback" not in salida.err and "Sitio publicado" not in salida.out


@pytest.mark.parametrize("falla, codigo, mensaje", [
    (OSError(28, "No space left on device"), 1, "el disco está lleno"),
    (KeyboardInterrupt(), 130, "Publicación interrumpida: el sitio a medio escribir se descartó."),
])
def test_a_publication_that_fails_midway_leaves_the_earlier_site(base, tmp_path, capsys, monkeypatch, falla, codigo,
                                                                  mensaje):
    from pizarras.publicacion import datos_abiertos

    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    antes = {p.relative_to(destino): p.read_bytes() for p in destino.rglob("*") if p.is_file()}
    capsys.readouterr()

    def fallar(*_args, **_kwargs):
        raise falla

    monkeypatch.setattr(datos_abiertos, "escribir", fallar)
    assert main(["publicar", str(destino), "--db", str(base)]) == codigo
    salida = capsys.readouterr()
    assert mensaje in salida.err and "Traceback" not in salida.err and salida.out == ""
    assert {p.relative_to(destino): p.read_bytes() for p in destino.rglob("*") if p.is_file()} == antes
    assert not [p for p in tmp_path.iterdir() if "publicando" in p.name]


def test_a_missing_database_says_how_to_build_it(tmp_path, capsys):
    assert main(["publicar", str(tmp_path / "sitio"), "--db", str(tmp_path / "no_existe.duckdb")]) == 1
    assert "Constrúyala con «make data»." in capsys.readouterr().err
    assert not (tmp_path / "sitio").exists()
