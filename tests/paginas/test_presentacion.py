"""How every board presents what it shows (issue 11): count axes, chart text, Spanish formats, one label per thing.

Each test opens every board the way a reader does and checks every chart and table it draws, so a new chart or
table that skips the shared mechanism fails here.
"""

from __future__ import annotations

import json

import pytest

from pizarras import estilo, etiquetas
from tests.apoyo.figuras import valores
from tests.apoyo.paginas import abrir

VISTAS = [
    ("pizarra_nacional", {}),
    ("pizarra_nacional", {"region": "norte"}),
    ("capacitaciones", {}),
    ("capacitaciones", {"organismo": "ITEI"}),
    ("compromisos", {}),
    ("pizarra_region", {"region": "centro-occidente"}),
    ("pizarra_organismo", {"organismo": "ITEI"}),
    ("mapa", {}),
]


@pytest.fixture(scope="module", params=VISTAS, ids=[f"{p}-{'&'.join(f'{k}={v}' for k, v in q.items())}" for p, q in VISTAS])
def vista(request):
    pagina, parametros = request.param
    at = abrir(pagina, **parametros)
    assert not at.exception
    return at


def figuras(at) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def ejes(spec: dict) -> dict[str, dict]:
    return {k: v for k, v in spec["layout"].items() if k.startswith(("xaxis", "yaxis")) and v.get("visible", True)}


def _luminancia(color: str) -> float:
    canales = [int(color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lineal = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in canales]
    return 0.2126 * lineal[0] + 0.7152 * lineal[1] + 0.0722 * lineal[2]


def contraste_con_blanco(color: str) -> float:
    return 1.05 / (_luminancia(color) + 0.05)


def test_count_axes_have_whole_ticks_and_thousands_separators(vista):
    """Item 2: a count axis never shows 0.5 or '0, 1, 1, 2' (integer dtick) and writes 5,000 rather than 5k."""
    for spec in figuras(vista):
        for traza in spec["data"]:
            if traza.get("type") != "bar":
                continue
            horizontal = traza.get("orientation") == "h"
            numeros = valores(traza["x"] if horizontal else traza["y"])
            eje = ("xaxis" if horizontal else "yaxis") + traza.get("xaxis" if horizontal else "yaxis", "")[1:]
            configuracion = spec["layout"][eje]
            if configuracion.get("ticksuffix") == " %":  # average progress, not a count
                continue
            assert all(float(n).is_integer() for n in numeros if n is not None)
            assert configuracion.get("tickformat") == ",d", (spec["layout"]["title"]["text"], eje)
            assert isinstance(configuracion.get("dtick"), int) and configuracion["dtick"] >= 1


def test_chart_text_is_the_ui_font_legible_on_a_projector_and_the_toolbar_is_hidden(vista):
    """Items 10 and 4: chart text in "Source Sans" (the font the page loads), contrast ≥ 4.5:1 on every axis, at
    least 14 px; plotly's English toolbar is not shown."""
    for elemento in vista.get("plotly_chart"):
        assert json.loads(elemento.proto.config)["displayModeBar"] is False
    for spec in figuras(vista):
        fuente = spec["layout"]["font"]
        assert fuente["family"].startswith('"Source Sans"') and "Source Sans Pro" not in fuente["family"]
        assert contraste_con_blanco(fuente["color"]) >= 4.5 and fuente["size"] >= 14
        for nombre, eje in ejes(spec).items():
            if eje.get("showticklabels") is False:
                continue
            letra = eje.get("tickfont", {})
            assert contraste_con_blanco(letra.get("color", "#808495")) >= 4.5, (spec["layout"]["title"]["text"], nombre)
            assert letra.get("size", 0) >= 14


def test_date_axes_have_spanish_month_ticks(vista):
    """Item 4: plotly names months in English ('Jan 2023'): every date axis gives its own Spanish tick text."""
    for spec in figuras(vista):
        for eje in ejes(spec).values():
            if eje.get("type") == "date" and eje.get("showticklabels", True):
                assert eje.get("ticktext"), spec["layout"]["title"]["text"]
                assert all(t.split()[0] in estilo.MESES for t in eje["ticktext"])


def test_tables_show_empty_cells_as_a_dash_dates_day_first_and_counts_with_separators(vista):
    """Item 4: '—' for empty cells (never 'None'), dd/mm/aaaa dates, thousands separators, in every table."""
    for tabla in vista.dataframe:
        assert tabla.proto.placeholder == "—"
        configuracion = json.loads(tabla.proto.columns or "{}")
        for encabezado in tabla.value.columns:
            tipo = etiquetas.tipo_de(encabezado)
            formato = configuracion.get(encabezado, {}).get("type_config", {}).get("format")
            if tipo == "fecha":
                assert formato == "DD/MM/YYYY", encabezado
            elif tipo == "fecha_hora":
                assert formato == "DD/MM/YYYY HH:mm", encabezado
            elif tipo == "entero":
                assert formato == "%,d", encabezado


def test_every_header_and_coded_value_comes_from_the_one_dictionary(vista):
    """Item 7: one label per thing: every table header is in the dictionary, and no stored code is shown."""
    conocidos = set(etiquetas.TIPOS_POR_ENCABEZADO)
    codigos = {c: {k for k in v if k.islower()} for c, v in etiquetas.VALORES.items()}  # stored codes only
    for tabla in vista.dataframe:
        for encabezado in tabla.value.columns:
            base = encabezado.rsplit(" ", 1)[0] if encabezado.rsplit(" ", 1)[-1].isdigit() else encabezado
            assert base in conocidos, encabezado
        for nombre, entrada in etiquetas.COLUMNAS.items():
            if entrada.valores and entrada.etiqueta in tabla.value.columns:
                mostrados = set(tabla.value[entrada.etiqueta].dropna())
                assert not mostrados & codigos[entrada.valores], (entrada.etiqueta, mostrados)


def test_the_organismo_board_shows_labels_not_codes_and_the_same_headers_as_the_other_boards():
    """Item 7: the organismo board's trainings say 'Taller' and 'Virtual' with the trainings board's headers."""
    organismo = abrir("pizarra_organismo", organismo="ITEI")
    capacitaciones = abrir("capacitaciones", organismo="ITEI")
    de_organismo = next(t.value for t in organismo.dataframe if "Capacitación" in t.value.columns)
    de_capacitaciones = capacitaciones.dataframe[-1].value
    assert list(de_organismo.columns) == list(de_capacitaciones.columns)
    assert set(de_organismo["Tipo de capacitación"]) == {"Taller"} and set(de_organismo["Modalidad"]) == {"Virtual"}
    actividades = next(t.value for t in organismo.dataframe if "Actividad" in t.value.columns and "Revisión" in t.value.columns)
    assert set(actividades["Revisión"]) <= {"Pendiente", "Observada", "Validada"}


def test_the_national_table_leads_with_what_a_reader_scans():
    """Item 12: activity, organismo, status and progress come first, not in columns 11-12."""
    at = abrir("pizarra_nacional")
    assert list(at.dataframe[-1].value.columns[:5]) == ["Actividad", "Organismo", "Estatus", "Avance (%)", "Fin programado"]


def test_the_xlsx_filters_sheet_names_what_the_url_chose_even_when_built_after_the_run(monkeypatch):
    """Item 6: the file is built when the button is pressed, on a thread with no session; its 'Filtros' sheet still
    says 'Región Centro-Occidente' and 'En proceso', not the keys 'centro-occidente' and 'en_proceso'."""
    import io

    from openpyxl import load_workbook
    from streamlit.delta_generator import DeltaGenerator

    original = DeltaGenerator.download_button
    archivos = {}

    def espia(self, etiqueta, data, *args, **kwargs):
        archivos[kwargs.get("file_name")] = data
        return original(self, etiqueta, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", espia)
    at = abrir("pizarra_nacional", region="centro-occidente", estatus="en_proceso")
    assert not at.exception
    assert "actividades.xlsx" in archivos, list(archivos)
    libro = load_workbook(io.BytesIO(archivos["actividades.xlsx"]()))  # outside the script run, as the server does
    filtros = dict(libro["Filtros"].iter_rows(min_row=6, values_only=True))
    assert filtros["Región"] == "Región Centro-Occidente" and filtros["Estatus"] == "En proceso"
    assert filtros["Entidad federativa"] == "Todas" and filtros["Programa"] == "Todos"


def test_commitments_say_concluido_like_their_kpi():
    """Item 4: the KPI says «Concluidos»; the chart, table and detail of commitments say «Concluido», not the
    activities' «Concluida»."""
    at = abrir("compromisos")
    assert any(m.label == "Concluidos" for m in at.metric)
    estatus = json.loads(next(e.proto.spec for e in at.get("plotly_chart")
                              if "Compromisos por estatus" in e.proto.spec))["data"][0]["x"]
    assert "Concluido" in estatus and "Concluida" not in estatus
    assert "Concluida" not in set(at.dataframe[-1].value["Estatus"])
