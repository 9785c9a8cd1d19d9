"""The global filters: their names, how URL values resolve to catalog keys, and how they become SQL parameters.

Every filter is a list of catalog keys; an empty list means "all". In the URL a filter is a repeated query
parameter (`?region=norte&region=sureste`) whose values may be catalog keys or names; unknown values are reported,
never guessed. This module does not draw widgets (see `pizarras.ui.filtros`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache

from pizarras.etiquetas import todos
from pizarras.texto import escapar_markdown, normalizar


@dataclass(frozen=True)
class DefinicionFiltro:
    clave: str  # URL parameter name and Filtros field
    etiqueta: str  # Spanish label shown to the user
    parametro_sql: str  # name of the $parameter in queries/
    entero: bool = False  # values are integers (ODS number, year)


DEFINICIONES: tuple[DefinicionFiltro, ...] = (
    DefinicionFiltro("region", "Región", "regiones"),
    DefinicionFiltro("entidad", "Entidad federativa", "entidades"),
    DefinicionFiltro("organismo", "Organismo", "organismos"),
    DefinicionFiltro("programa", "Programa", "programas"),
    DefinicionFiltro("eje", "Eje", "ejes"),
    DefinicionFiltro("ods", "ODS", "ods", entero=True),
    DefinicionFiltro("periodo", "Periodo", "periodos", entero=True),
    DefinicionFiltro("estatus", "Estatus", "estatus"),
)
POR_CLAVE = {d.clave: d for d in DEFINICIONES}
PARAMETROS_SQL = frozenset(d.parametro_sql for d in DEFINICIONES)


@dataclass(frozen=True)
class Filtros:
    region: tuple[str, ...] = ()
    entidad: tuple[str, ...] = ()
    organismo: tuple[str, ...] = ()
    programa: tuple[str, ...] = ()
    eje: tuple[str, ...] = ()
    ods: tuple[int, ...] = ()
    periodo: tuple[int, ...] = ()
    estatus: tuple[str, ...] = ()
    # Not a filter anyone chooses: the public sees validated records only, a logged-in admin or evaluador sees
    # every record (the frame sets it from the session). It is part of every board's cache key.
    solo_validadas: bool = True

    def valores(self, clave: str) -> tuple:
        return getattr(self, clave)

    def activos(self) -> list[str]:
        """The filter names that restrict something."""
        return [d.clave for d in DEFINICIONES if self.valores(d.clave)]

    def con(self, **cambios: Sequence) -> Filtros:
        return replace(self, **{k: tuple(v) for k, v in cambios.items()})

    def parametros_sql(self) -> dict[str, list | None]:
        """Every filter as a DuckDB parameter (a list of keys, or None for 'all'), and whether only validated
        records count."""
        parametros = {d.parametro_sql: (list(self.valores(d.clave)) or None) for d in DEFINICIONES}
        return {**parametros, "solo_validadas": self.solo_validadas}

    def a_url(self) -> dict[str, list[str]]:
        """The non-empty filters as query parameters (keys, as strings)."""
        return {d.clave: [str(v) for v in self.valores(d.clave)] for d in DEFINICIONES if self.valores(d.clave)}


assert [f.name for f in fields(Filtros)] == [d.clave for d in DEFINICIONES] + ["solo_validadas"]


@dataclass(frozen=True)
class Opcion:
    """One choosable value of a filter: its catalog key and its display name."""

    clave: str | int
    nombre: str
    grupo: str | None = None  # the parent key it depends on (programa of an eje, entidad of an organismo)


@dataclass(frozen=True)
class Resolucion:
    filtros: Filtros
    desconocidos: dict[str, list[str]] = field(default_factory=dict)

    def avisos(self) -> list[str]:
        """One Spanish sentence per filter with values that were ignored."""
        return [
            f"Se ignoró el valor {', '.join(escapar_markdown(repr(v)) for v in valores)} del filtro "
            f"«{POR_CLAVE[clave].etiqueta}»: "
            "no corresponde a ningún valor del catálogo. Se muestran todos los valores de ese filtro."
            for clave, valores in self.desconocidos.items()
        ]


@lru_cache(maxsize=64)
def _indice(opciones: tuple[Opcion, ...]) -> dict[str, str | int]:
    # Built once per catalog: every URL change in a live audience resolves its values against it.
    indice: dict[str, str | int] = {}
    for opcion in opciones:
        indice.setdefault(normalizar(str(opcion.clave)), opcion.clave)
        indice.setdefault(normalizar(opcion.nombre), opcion.clave)
    return indice


def resolver_valores(valores: Iterable[str], opciones: Sequence[Opcion]) -> tuple[list, list[str]]:
    """Map URL values (keys or names, any case or accents) to catalog keys; return (keys, unknown values)."""
    indice = _indice(tuple(opciones))
    encontrados: list = []
    desconocidos: list[str] = []
    for valor in valores:
        clave = indice.get(normalizar(valor))
        if clave is None:
            if valor.strip():
                desconocidos.append(valor)
        elif clave not in encontrados:
            encontrados.append(clave)
    return encontrados, desconocidos


def desde_url(parametros: Mapping[str, Sequence[str]], opciones: Mapping[str, Sequence[Opcion]]) -> Resolucion:
    """Filters from query parameters; values not in the catalogs are left out and reported."""
    elegidos: dict[str, list] = {}
    desconocidos: dict[str, list[str]] = {}
    for definicion in DEFINICIONES:
        valores = list(parametros.get(definicion.clave, []))
        claves, malos = resolver_valores(valores, opciones.get(definicion.clave, []))
        elegidos[definicion.clave] = claves
        if malos:
            desconocidos[definicion.clave] = malos
    filtros = Filtros(**{k: tuple(v) for k, v in elegidos.items()})
    return Resolucion(podar_dependientes(filtros, opciones), desconocidos)


def opciones_visibles(clave: str, filtros: Filtros, opciones: Mapping[str, Sequence[Opcion]]) -> list[Opcion]:
    """Options of one filter given its parents: ejes of the chosen programas, organismos of the chosen places."""
    todas = list(opciones.get(clave, []))
    if clave == "eje" and filtros.programa:
        return [o for o in todas if o.grupo in filtros.programa]
    if clave == "organismo" and (filtros.entidad or filtros.region):
        entidades_visibles = {
            o.clave
            for o in opciones.get("entidad", [])
            if (not filtros.entidad or o.clave in filtros.entidad) and (not filtros.region or o.grupo in filtros.region)
        }
        return [o for o in todas if o.grupo in entidades_visibles]
    if clave == "entidad" and filtros.region:
        return [o for o in todas if o.grupo in filtros.region]
    return todas


def podar_dependientes(filtros: Filtros, opciones: Mapping[str, Sequence[Opcion]]) -> Filtros:
    """Drop chosen values that their parents now exclude (an eje of a programa no longer chosen, say)."""
    for clave in ("entidad", "organismo", "eje"):
        visibles = {o.clave for o in opciones_visibles(clave, filtros, opciones)}
        filtros = filtros.con(**{clave: [v for v in filtros.valores(clave) if v in visibles]})
    return filtros


def parametros_para(consulta_parametros: Iterable[str], filtros: Filtros, **otros) -> dict:
    """The SQL parameters a query declares, taken from the filters and from `otros`."""
    disponibles = {**filtros.parametros_sql(), **otros}
    return {nombre: disponibles[nombre] for nombre in consulta_parametros if nombre in disponibles}


def filtros_no_aplicables(consulta_parametros: Iterable[str], filtros: Filtros) -> list[str]:
    """Labels of active filters a query does not take (to tell the user they do not apply there)."""
    tomados = set(consulta_parametros)
    return [POR_CLAVE[c].etiqueta for c in filtros.activos() if POR_CLAVE[c].parametro_sql not in tomados]


def describir(filtros: Filtros, opciones: Mapping[str, Sequence[Opcion]]) -> list[tuple[str, str]]:
    """(label, chosen names or 'Todos') for every filter: the 'filters applied' section of an export."""
    descripcion = []
    for definicion in DEFINICIONES:
        nombres = {o.clave: o.nombre for o in opciones.get(definicion.clave, [])}
        valores = filtros.valores(definicion.clave)
        elegidos = "; ".join(nombres.get(v, str(v)) for v in valores)
        descripcion.append((definicion.etiqueta, elegidos or todos(definicion.clave)))
    return descripcion
