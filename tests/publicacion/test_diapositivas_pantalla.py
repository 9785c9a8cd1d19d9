"""A slide drawn for its screen (issue 23): sizes grow with the screen, the chart takes what the title and KPIs
leave, category labels wrap or shrink to fit their axis, the text beside a bar stays inside the plot area, the map
keeps square cells, and the subtitle never says a filter's name twice."""

from __future__ import annotations

import pandas as pd
import pytest

from pizarras.graficas import avance, proyector
from pizarras.lectura.filtros import desde_url
from pizarras.publicacion.diapositivas import Pantalla, estilo_proyector, texto_filtros
from tests.apoyo.opciones import OPCIONES


@pytest.mark.parametrize("ancho,alto,escala", [(1280, 720, 1.0), (1366, 768, 1.067), (1920, 1080, 1.5),
                                               (3840, 2160, 3.0), (1920, 720, 1.0)])
def test_every_size_on_a_slide_grows_with_the_screen(ancho, alto, escala):
    pantalla = Pantalla(ancho, alto)
    assert pantalla.escala == escala
    ancho_grafica, alto_grafica = pantalla.grafica(con_cifras=True)
    assert 0.55 * alto <= alto_grafica < alto
    assert pantalla.grafica(con_cifras=False)[1] > alto_grafica  # no KPI row: a taller chart
    assert pantalla.grafica(True, con_qr=False)[0] > ancho_grafica  # no QR panel: a wider chart


def _avance(n: int, nombre: str = "Eje") -> pd.DataFrame:
    return pd.DataFrame({"nombre": [f"{nombre} {i} con un nombre largo de varias palabras" for i in range(n)],
                         "avance_promedio": [100.0 - i for i in range(n)], "actividades": [1234 + i for i in range(n)]})


def test_the_text_beside_the_longest_bar_ends_inside_the_plot_area():
    figura = estilo_proyector(avance.barras_avance(_avance(4), "nombre", "Avance"), Pantalla(1280, 720))
    ancho, alto = Pantalla(1280, 720).grafica(True)
    eje = figura.layout.xaxis.range
    assert eje[0] == 0 and eje[1] > 102  # the board's axis ends at 102: '100 % · 1,234 act.' went past it
    # The estimate the axis was widened with: the longest bar plus its text fit the value axis' length.
    letra = figura.data[0].textfont.size
    etiquetas = max(proyector.ancho_texto(y, figura.layout.yaxis.tickfont.size) for y in figura.data[0].y)
    largo = ancho - figura.layout.margin.l - figura.layout.margin.r - etiquetas - letra
    assert 100 / eje[1] * largo + proyector.ancho_texto("100 % · 1,234 act.", letra) <= largo
    assert figura.layout.height == alto and figura.layout.width is None


def test_many_categories_get_smaller_type_never_overlapping_lines():
    figura = estilo_proyector(avance.barras_avance(_avance(18), "nombre", "Avance"), Pantalla(1280, 720))
    _, alto = Pantalla(1280, 720).grafica(True)
    letra = figura.layout.yaxis.tickfont.size
    lineas = max(y.count("<br>") + 1 for y in figura.data[0].y)
    assert letra < Pantalla(1280, 720).px(Pantalla.FUENTE_GRAFICA)  # shrunk to fit
    assert 18 * lineas * letra * proyector.ALTO_LINEA <= alto
    # The full name is still there, only broken into lines (the hover reads it; the board's table has it).
    assert [y.replace("<br>", " ") for y in figura.data[0].y] == list(avance.orden_de_avance(_avance(18))["nombre"])


def test_few_categories_keep_the_large_type_on_fewer_lines():
    figura = estilo_proyector(avance.barras_avance(_avance(2), "nombre", "Avance"), Pantalla(1920, 1080))
    assert figura.layout.yaxis.tickfont.size == Pantalla(1920, 1080).px(Pantalla.FUENTE_GRAFICA) * 0.9
    assert all(y.count("<br>") <= 1 for y in figura.data[0].y)


def test_the_map_fills_the_slide_height_with_square_cells_scaled_up():
    import plotly.graph_objects as go

    base = go.Figure(go.Scatter(x=[0], y=[0], mode="markers+text", text=["DGO"], marker={"size": 58},
                                textfont={"size": 13}))
    pequena = estilo_proyector(base, Pantalla(1280, 720), con_cifras=False, mapa=True)
    grande = estilo_proyector(base, Pantalla(3840, 2160), con_cifras=False, mapa=True)
    assert pequena.layout.height == Pantalla(1280, 720).grafica(False)[1]
    assert grande.data[0].marker.size > 2.5 * pequena.data[0].marker.size
    assert grande.data[0].textfont.size > 2.5 * pequena.data[0].textfont.size


def test_the_subtitle_names_only_the_chosen_filters_once():
    filtros = desde_url({"region": ["norte"], "ods": ["16"]}, OPCIONES).filtros
    assert texto_filtros(filtros, OPCIONES) == "Región Norte · ODS: 16. Paz, justicia e instituciones sólidas"
    assert texto_filtros(desde_url({}, OPCIONES).filtros, OPCIONES) == "Todos los registros validados"
