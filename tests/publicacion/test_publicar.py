"""The static publication from the command line: the orders and their alias, what the site holds, and that a folder
it did not write is never replaced (the browser test serves and opens the site)."""

from __future__ import annotations

import shutil

import pytest

from pizarras.__main__ import main
from pizarras.publicacion.sitio import MARCA, PAGINAS, PLOTLY_JS


@pytest.fixture()
def base(ruta_pequena, tmp_path):
    return shutil.copy(ruta_pequena, tmp_path / "base.duckdb")


def test_publicar_writes_every_page_plotly_js_and_the_open_data(base, tmp_path, capsys):
    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0
    assert "Sitio publicado" in capsys.readouterr().out
    assert set(PAGINAS) <= {p.name for p in destino.iterdir()}
    assert (destino / "plotly.min.js").read_bytes() == PLOTLY_JS.read_bytes()
    assert (destino / "datos" / "parquet" / "actividades.parquet").is_file()
    assert (destino / "datos" / "diccionario.csv").is_file()
    nacional = (destino / "pizarra_nacional.html").read_text(encoding="utf-8")
    assert nacional.count('class="plotly-graph-div"') == 4 and "Avance por regi" in nacional


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
    import json

    from tests.apoyo import fechas_prueba

    base = fechas_prueba.copia_con_fechas(ruta_pequena, tmp_path / "fechas.duckdb")
    destino = tmp_path / "sitio"
    assert main(["publicar", str(destino), "--db", str(base)]) == 0

    def sello(pagina: str) -> str:
        texto = (destino / pagina).read_text(encoding="utf-8")
        return texto.split('<p class="validados">', 1)[1].split("</p>", 1)[0]

    # Each page the newest validation among what it shows: the national page and the regions show activities only.
    assert sello("pizarra_nacional.html") == fechas_prueba.ACTIVIDADES
    assert sello("regiones.html") == fechas_prueba.ACTIVIDADES
    assert sello("compromisos.html") == fechas_prueba.COMPROMISOS_TODOS
    assert sello("capacitaciones.html") == fechas_prueba.NACIONAL  # training 3
    assert sello("mapa.html") == fechas_prueba.NACIONAL  # its people-trained map shows training 3
    assert sello("index.html") == sello("datos.html") == fechas_prueba.NACIONAL  # all the open data
    metadatos = json.loads((destino / "datos" / "metadatos.json").read_text(encoding="utf-8"))
    assert (metadatos["fecha_validacion"], metadatos["validados_al"]) == ("2025-05-25T17:40:00", fechas_prueba.NACIONAL)
    assert f"{fechas_prueba.NACIONAL} (la validación más reciente" in (destino / "datos" / "LEEME.txt").read_text(
        encoding="utf-8")


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
        rf"Sitio publicado en «{re.escape(str(destino))}» en (\d+\.\d) s: 7 páginas, (\d+) archivos de datos "
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
