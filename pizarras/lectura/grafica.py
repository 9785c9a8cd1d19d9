"""A board's charts as data: which drawing, the table it draws and the drawing's options (titles, label column,
colour, the column a click on a bar reports).

Each board declares its charts once (`graficas` on the board, by key); the page, a presentation slide and the static
site pick the ones they show and hand them to `pizarras.graficas.declaradas` to draw. A chart is then titled,
coloured and fed alike wherever it shows. The read side names the drawing and never imports plotly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Grafica:
    clave: str  # how the page, the slides and the site ask for it
    dibujo: str  # a drawing of pizarras.graficas.declaradas.DIBUJOS
    datos: pd.DataFrame
    opciones: Mapping[str, object] = field(default_factory=dict)  # the drawing's keyword arguments


def declarar(*graficas: Grafica) -> dict[str, Grafica]:
    """A board's charts by key, in the order the board shows them; a key declared twice is an error."""
    por_clave = {g.clave: g for g in graficas}
    if len(por_clave) != len(graficas):
        raise ValueError(f"Clave de gráfica repetida en {[g.clave for g in graficas]}")
    return por_clave
