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
