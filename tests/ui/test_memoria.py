"""What every session shares with plain Python keys (pizarras/ui/memoria.py), and the figures drawn through it."""

from __future__ import annotations

import gc
import threading

import pandas as pd
import plotly.graph_objects as go
import plotly.io

from pizarras.lectura.grafica import Grafica
from pizarras.ui import figuras
from pizarras.ui.memoria import Compartidos, PorIdentidad


def test_shared_values_are_built_once_per_key_and_the_least_recent_leaves_first():
    construidos = []

    def construir(n):
        construidos.append(n)
        return {"n": n}

    memoria = Compartidos(2)
    primero = memoria.obtener(("a", 1), lambda: construir(1))
    assert memoria.obtener(("a", 1), lambda: construir(99)) is primero
    memoria.obtener("b", lambda: construir(2))
    memoria.obtener(("a", 1), lambda: construir(99))  # now the most recent
    memoria.obtener("c", lambda: construir(3))  # "b" leaves
    assert len(memoria) == 2 and construidos == [1, 2, 3]
    assert memoria.obtener("b", lambda: construir(4)) == {"n": 4}
    memoria.vaciar()
    assert len(memoria) == 0


def test_a_value_built_while_a_write_clears_the_memory_is_not_kept():
    memoria = Compartidos(8)
    empezo, seguir = threading.Event(), threading.Event()

    def lento():
        empezo.set()
        seguir.wait(5)
        return "leído antes de la escritura"

    hilo = threading.Thread(target=lambda: memoria.obtener("tablero", lento))
    hilo.start()
    empezo.wait(5)
    memoria.vaciar()  # a write lands while the board is being read
    seguir.set()
    hilo.join(5)
    assert memoria.obtener("tablero", lambda: "leído después") == "leído después"


class Objeto:
    pass


def test_derived_values_follow_the_objects_identity_and_leave_with_it():
    memoria = PorIdentidad()
    uno, otro = Objeto(), Objeto()
    assert memoria.obtener(uno, lambda o: "de uno") == "de uno"
    assert memoria.obtener(uno, lambda o: "otra vez") == "de uno"
    assert memoria.obtener(otro, lambda o: "de otro") == "de otro"  # equal content, another object
    del uno
    gc.collect()
    assert len(memoria) == 1  # only `otro` is left


def test_a_declared_chart_is_found_by_identity_and_drawn_from_a_dict_made_once(monkeypatch):
    figuras.olvidar_figuras()
    datos = pd.DataFrame({"nombre": ["Programada", "Concluida"], "actividades": [3, 5],
                          "estatus": ["programada", "concluida"]})
    grafica = Grafica("por_estatus", "barras_estatus", datos)
    figura = figuras.figura_declarada(grafica)
    assert figuras.figura_declarada(grafica) is figura
    a_dict = []
    original = go.Figure.to_dict

    def contando(self):
        a_dict.append(self)
        return original(self)

    monkeypatch.setattr(go.Figure, "to_dict", contando)
    dibujadas = []

    class Contenedor:
        def plotly_chart(self, fig, **opciones):
            dibujadas.append(fig)

    figuras.dibujar(figura, Contenedor())
    figuras.dibujar(figura, Contenedor())
    assert len(a_dict) == 1  # once, not on every rerun
    assert dibujadas[0] is dibujadas[1]
    assert plotly.io.to_json(dibujadas[0].to_dict(), validate=False) == plotly.io.to_json(figura, validate=False)
    figuras.olvidar_figuras()
    assert figuras.figura_declarada(grafica) is not figura  # a write clears them: built again
