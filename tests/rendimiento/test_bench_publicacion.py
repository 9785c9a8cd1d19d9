"""The bench's publishing and slide-change measurement on the fixture database, and its table in results.md."""

from __future__ import annotations

import shutil

import duckdb

from bench import publicacion
from bench.resultados import _seccion_publicacion
from pizarras.publicacion.presentaciones import cargar_predeterminadas


def test_publishing_and_slide_changes_are_measured_and_reported(ruta_pequena, tmp_path, monkeypatch):
    ruta = shutil.copy(ruta_pequena, tmp_path / "bench.duckdb")
    con = duckdb.connect(str(ruta))
    con.execute("begin")
    cargar_predeterminadas(con)
    con.execute("commit")
    con.close()
    monkeypatch.setenv("PIZARRAS_DB", str(ruta))

    salida = tmp_path / "r.json"
    assert publicacion.main(["--db", str(ruta), "--salida", str(salida), "--repeticiones", "1"]) == 0
    import json

    r = json.loads(salida.read_text(encoding="utf-8"))
    assert r["publicar_ms"]["n"] == 1 and r["sitio_bytes"] > 100_000
    # What publishing wrote, as `Publicacion` says it; the precompressed copies apart.
    sitio = r["sitio"]
    assert sitio["bytes"] == r["sitio_bytes"] and sitio["paginas"] >= 6 and sitio["archivos_datos"] > 0
    assert sitio["archivos"] >= sitio["paginas"] + sitio["archivos_datos"]
    copias = sitio["precomprimidas"]
    assert copias["bytes"] == copias["gz"] + copias["br"] and (copias["archivos"] == 0) == (copias["bytes"] == 0)
    assert r["rss_max_mb"] > 50  # Python with DuckDB, pandas and plotly loaded
    assert r["diapositiva"]["diapositivas"] == 6
    assert r["diapositiva"]["primera_vuelta_ms"]["n"] == 6 and r["diapositiva"]["caliente_ms"]["n"] == 6

    texto = "\n".join(_seccion_publicacion([{**r, "base": "pequeña", "actividades": 6}]))
    assert "## Publicación estática y presentación" in texto and "| pequeña | 6 |" in texto
    assert f"| {sitio['archivos']:,} ({sitio['paginas']} páginas, {sitio['archivos_datos']} de datos) |" in texto
