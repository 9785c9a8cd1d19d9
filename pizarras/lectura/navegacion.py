"""Drill-down: which board a click or a choice opens, and which global filters it sets.

A click on a chart bar (región, eje, organismo), a map tile (entidad) or a choice in a board's selector becomes a
`Destino`: the page to open and the filter values to set there. The filter values stay coherent with the sidebar's
dependent filters: opening an organismo outside the chosen región or entidad drops those place filters instead of
leaving a board that the sidebar would prune to nothing. No Streamlit here; `pizarras.ui.navegacion` does the switch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pizarras.lectura.filtros import Filtros, Opcion, opciones_visibles

PAGINA_NACIONAL = "pages/pizarra_nacional.py"
PAGINA_REGION = "pages/pizarra_region.py"
PAGINA_ORGANISMO = "pages/pizarra_organismo.py"
PAGINA_MAPA = "pages/mapa.py"

Grafica = Literal["region", "eje", "organismo"]

# The board a click on each kind of chart opens; the chart's kind is also the filter it sets.
PAGINA_DE_GRAFICA: dict[str, str] = {
    "region": PAGINA_REGION,
    "eje": PAGINA_NACIONAL,
    "organismo": PAGINA_ORGANISMO,
}

Opciones = Mapping[str, Sequence[Opcion]]


@dataclass(frozen=True)
class Destino:
    pagina: str
    cambios: dict[str, tuple] = field(default_factory=dict)  # filter name -> new values


def unico(filtros: Filtros, clave: str):
    """The single value of a filter, or None when it has none or several."""
    valores = filtros.valores(clave)
    return valores[0] if len(valores) == 1 else None


def elegibles(clave: str, filtros: Filtros, opciones: Opciones) -> list[Opcion]:
    """What a board's selector offers: the filter's chosen values when several, else every value the filters allow."""
    visibles = opciones_visibles(clave, filtros, opciones)
    elegidos = filtros.valores(clave)
    if len(elegidos) > 1:
        return [o for o in visibles if o.clave in elegidos]
    return visibles


def clave_seleccionada(puntos: Sequence[Mapping]) -> str | None:
    """The key a chart carries in customdata[0] of the first selected point."""
    for punto in puntos:
        datos = punto.get("customdata")
        if isinstance(datos, (list, tuple)):
            datos = datos[0] if datos else None
        if datos is not None and str(datos) != "":
            return str(datos)
    return None


def _lugar_coherente(organismo: str, filtros: Filtros, opciones: Opciones) -> dict[str, tuple]:
    """Place filters to drop so that the organismo stays visible under the sidebar's dependent filters."""
    entidad = next((o.grupo for o in opciones.get("organismo", []) if o.clave == organismo), None)
    region = next((o.grupo for o in opciones.get("entidad", []) if o.clave == entidad), None)
    cambios: dict[str, tuple] = {}
    if filtros.entidad and entidad not in filtros.entidad:
        cambios["entidad"] = ()
    if filtros.region and region not in filtros.region:
        cambios["region"] = ()
    return cambios


def cambios_para(clave: str, valor, filtros: Filtros, opciones: Opciones) -> dict[str, tuple] | None:
    """Filter changes that make `valor` the only value of filter `clave`; None when it is not a catalog value."""
    if valor is None or valor not in {o.clave for o in opciones.get(clave, [])}:
        return None
    cambios: dict[str, tuple] = {clave: (valor,)}
    if clave == "organismo":
        cambios.update(_lugar_coherente(valor, filtros, opciones))
    return cambios


def _destino(pagina: str, cambios: dict | None, filtros: Filtros, pagina_actual: str | None) -> Destino | None:
    if cambios is None:
        return None
    if pagina == pagina_actual and filtros.con(**cambios) == filtros:
        return None  # already there: navigating again would loop on the same selection
    return Destino(pagina, cambios)


def destino_de_clic(
    grafica: Grafica, clave: str | None, filtros: Filtros, opciones: Opciones, pagina_actual: str | None = None
) -> Destino | None:
    """Where a click on a bar of a región, eje or organismo chart leads; None when it leads nowhere new."""
    if grafica not in PAGINA_DE_GRAFICA:
        raise ValueError(f"Gráfica sin destino: {grafica!r}")
    return _destino(PAGINA_DE_GRAFICA[grafica], cambios_para(grafica, clave, filtros, opciones), filtros, pagina_actual)


def organismo_de_entidad(entidad: str, opciones: Opciones) -> str | None:
    """The organismo garante of an entidad: its only organismo in the catalog (None for the federal level)."""
    suyos = [o.clave for o in opciones.get("organismo", []) if o.grupo == entidad]
    return suyos[0] if len(suyos) == 1 else None


def destino_de_entidad(entidad: str | None, filtros: Filtros, opciones: Opciones) -> Destino | None:
    """A map tile or the map's selector: the board of the entidad's organismo garante."""
    organismo = organismo_de_entidad(entidad, opciones) if entidad else None
    return _destino(PAGINA_ORGANISMO, cambios_para("organismo", organismo, filtros, opciones), filtros, None)
