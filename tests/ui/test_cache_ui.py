"""What the app keeps between reruns and shares between sessions: figures per content, catalog options per
database, and both dropped by `invalidar_cache` after a write."""

from __future__ import annotations

import shutil

import pandas as pd
import plotly.graph_objects as go
import pytest

from pizarras.ui import datos
from pizarras.ui.figuras import figura

CONSTRUCCIONES: list[tuple[str, int]] = []


def barras(tabla: pd.DataFrame, titulo: str) -> go.Figure:
    CONSTRUCCIONES.append((titulo, len(tabla)))
    return go.Figure(go.Bar(x=tabla["x"], y=tabla["y"]), layout={"title": titulo})


def puntos(tabla: pd.DataFrame, titulo: str) -> go.Figure:
    CONSTRUCCIONES.append(("puntos " + titulo, len(tabla)))
    return go.Figure(go.Scatter(x=tabla["x"], y=tabla["y"]), layout={"title": titulo})


@pytest.fixture(autouse=True)
def limpio():
    datos.invalidar_cache()
    CONSTRUCCIONES.clear()
    yield
    datos.invalidar_cache()


def test_a_figure_is_built_once_per_content_even_from_another_table_object():
    primera = figura(barras, pd.DataFrame({"x": ["a", "b"], "y": [1, 2]}), "Avance")
    igual = figura(barras, pd.DataFrame({"x": ["a", "b"], "y": [1, 2]}), "Avance")
    assert igual is primera
    assert CONSTRUCCIONES == [("Avance", 2)]


@pytest.mark.parametrize(
    "otra",
    [
        lambda t: figura(barras, t.assign(y=[1, 3]), "Avance"),  # other data
        lambda t: figura(barras, t, "Otro título"),  # other argument
        lambda t: figura(puntos, t, "Avance"),  # other builder, same arguments
    ],
)
def test_a_change_in_data_argument_or_builder_builds_another_figure(otra):
    tabla = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    primera = figura(barras, tabla, "Avance")
    segunda = otra(tabla)
    assert segunda is not primera
    assert len(CONSTRUCCIONES) == 2
    assert segunda.to_json() != primera.to_json()


def test_invalidating_after_a_write_drops_the_figures():
    tabla = pd.DataFrame({"x": ["a"], "y": [1]})
    primera = figura(barras, tabla, "Avance")
    datos.invalidar_cache()
    assert figura(barras, tabla, "Avance") is not primera
    assert len(CONSTRUCCIONES) == 2


@pytest.fixture()
def base_propia(ruta_pequena, tmp_path, monkeypatch):
    """A copy of the fixture database this test may write to, as the app's database."""
    ruta = tmp_path / "propia.duckdb"
    shutil.copy(ruta_pequena, ruta)
    monkeypatch.setenv("PIZARRAS_DB", str(ruta))
    return ruta


def test_catalog_options_are_shared_read_only_and_reread_after_a_write(base_propia):
    opciones = datos.opciones_catalogos()
    assert datos.opciones_catalogos() is opciones
    estatus = [o.clave for o in opciones["estatus"]]
    with pytest.raises(TypeError):
        opciones["estatus"] = ()  # a session cannot change what the others see
    assert isinstance(opciones["estatus"], tuple)

    cursor = datos.conexion().cursor()
    cursor.execute("begin")
    cursor.execute("insert into estatus values ('suspendida', 'Suspendida', 99, 'Detenida por el organismo.')")
    cursor.execute("commit")
    assert [o.clave for o in datos.opciones_catalogos()["estatus"]] == estatus  # cached until told
    datos.invalidar_cache()
    assert [o.clave for o in datos.opciones_catalogos()["estatus"]] == [*estatus, "suspendida"]


def estatus_como_tablero(consultar, orden: str):
    CONSTRUCCIONES.append(("tablero", orden))
    return consultar("catalogos/catalogo_estatus").sort_values("nombre", ascending=orden == "asc")


def test_a_board_is_assembled_once_per_arguments_and_rebuilt_after_a_write(base_propia):
    primero = datos.tablero_compartido(estatus_como_tablero, "asc")
    assert datos.tablero_compartido(estatus_como_tablero, "asc") is primero  # shared, not copied
    otro = datos.tablero_compartido(estatus_como_tablero, "desc")
    assert otro["clave"].tolist() == primero["clave"].tolist()[::-1]
    assert CONSTRUCCIONES == [("tablero", "asc"), ("tablero", "desc")]

    cursor = datos.conexion().cursor()
    cursor.execute("insert into estatus values ('suspendida', 'Suspendida', 99, 'Detenida por el organismo.')")
    datos.invalidar_cache()
    assert "suspendida" in set(datos.tablero_compartido(estatus_como_tablero, "asc")["clave"])
