"""Demo rows apart from real ones: production starts without the generated demo data, keeping every sourced record."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from pizarras.base.consultas import ejecutar_en

# (statement, what it removes) in an order the links allow: links and reports before their activities.
# Published versions go first: their links are found through the working activities.
_PASOS = (
    ("demo/demo_quitar_publicadas_transversales", "vínculos publicados de actividades con ejes transversales"),
    ("demo/demo_quitar_publicadas_ods", "vínculos publicados de actividades con ODS"),
    ("demo/demo_quitar_publicados_reportes", "reportes de avance publicados"),
    ("demo/demo_quitar_publicadas_actividades", "versiones publicadas de actividades"),
    ("demo/demo_quitar_publicados_compromisos", "versiones publicadas de compromisos"),
    ("demo/demo_quitar_publicada_alineacion_ods", "alineaciones a ODS de demostración en compromisos publicados"),
    ("demo/demo_quitar_publicadas_capacitaciones", "versiones publicadas de capacitaciones"),
    ("demo/demo_quitar_transversales", "vínculos de actividades con ejes transversales"),
    ("demo/demo_quitar_ods_actividad", "vínculos de actividades con ODS"),
    ("demo/demo_quitar_reportes", "reportes de avance"),
    ("demo/demo_quitar_actividades", "actividades"),
    ("demo/demo_quitar_compromisos", "compromisos"),
    ("demo/demo_quitar_alineacion_ods", "alineaciones a ODS de demostración en compromisos reales"),
    ("demo/demo_quitar_capacitaciones", "capacitaciones"),
    ("demo/demo_quitar_stl", "integrantes de Secretariados Técnicos Locales"),
    ("demo/demo_quitar_publicadas_mediciones", "valores publicados de indicadores"),
    ("demo/demo_quitar_mediciones", "valores de indicadores"),
    ("demo/demo_quitar_indicadores", "fichas de indicadores"),
)


def quitar_demo(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Remove every demo row (inside the caller's transaction); returns how many of each kind."""
    cuentas = {}
    for consulta, que in _PASOS:
        filas = ejecutar_en(cur, consulta)
        cuentas[que] = int(filas[0]["Count"]) if filas else 0
    return cuentas


def cargar_indicadores_demo(cur: duckdb.DuckDBPyConnection, carpeta_demo: Path, ahora: datetime | None = None) -> None:
    """The demo indicator sheets and their yearly values (seed/demo/), inside the caller's transaction; the values
    loaded as validated are published as they are. Every sheet is `verificado=false`, `es_demo`."""
    ejecutar_en(cur, "demo/demo_cargar_indicadores", {"ruta": str(carpeta_demo / "indicadores.csv")})
    ejecutar_en(cur, "demo/demo_cargar_mediciones", {"ruta": str(carpeta_demo / "mediciones.csv")})
    ejecutar_en(cur, "publicacion/cargadas_mediciones", {"ahora": ahora or datetime.now().replace(microsecond=0)})
