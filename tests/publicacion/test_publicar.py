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
