"""Read plotly figures drawn by a page under AppTest: find one by title, decode its typed arrays."""

from __future__ import annotations

import base64
import json

import numpy as np


def figura(at, titulo: str) -> dict:
    """The figure (plotly JSON) whose title is `titulo`."""
    for elemento in at.get("plotly_chart"):
        spec = json.loads(elemento.proto.spec)
        if spec["layout"].get("title", {}).get("text") == titulo:
            return spec
    raise AssertionError(f"No hay gráfica «{titulo}»")


def valores(arreglo) -> list:
    """A trace's x or y as a list; plotly writes numeric arrays as {'dtype', 'bdata'} (base64)."""
    if isinstance(arreglo, dict) and "bdata" in arreglo:
        return np.frombuffer(base64.b64decode(arreglo["bdata"]), dtype=np.dtype(arreglo["dtype"])).tolist()
    return list(arreglo)


def barras(at, titulo: str, traza: int = 0, horizontal: bool = True) -> dict:
    """{category: value} of one bar trace of the figure titled `titulo`."""
    datos = figura(at, titulo)["data"][traza]
    categorias, numeros = (datos["y"], datos["x"]) if horizontal else (datos["x"], datos["y"])
    return dict(zip(valores(categorias), valores(numeros), strict=True))
