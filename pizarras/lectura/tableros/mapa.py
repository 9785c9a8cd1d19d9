"""The map of the 32 entidades as a tile-grid cartogram: one square per entidad at a fixed (row, column) that
approximates Mexico's geography, coloured by a chosen measure. This module holds the grid, the measures and the
data; `pizarras.graficas.mapa` draws it.

Why not a geographic map: plotly's geo traces fetch topojson from a CDN and its tile maps fetch tiles, and the boards
must work with no internet access; no Mexican state boundaries ship with plotly. A tile grid needs no boundary data,
gives every entidad the same visual weight (Tlaxcala is as visible as Chihuahua) and still reads as Mexico.
Colours: viridis, reversed so that more is darker — perceptually uniform and readable with colour-vision deficiencies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros import Consultar, Demo, con_encabezados, consulta_filtrada, no_aplican


class Casilla(NamedTuple):
    fila: int
    columna: int
    abreviatura: str


# INEGI key -> tile. Rows run north to south, columns west to east (9 columns, 5 rows):
#   BC   SON  CHIH COAH NL
#   BCS  SIN  DGO  ZAC  SLP  TAMPS
#        NAY  AGS  GTO  QRO  HGO  VER
#        JAL  MICH MEX  CDMX TLAX PUE       YUC
#        COL  GRO  MOR  OAX  CHIS TAB  CAMP QROO
CUADRICULA: dict[str, Casilla] = {
    "02": Casilla(0, 0, "BC"),
    "26": Casilla(0, 1, "SON"),
    "08": Casilla(0, 2, "CHIH"),
    "05": Casilla(0, 3, "COAH"),
    "19": Casilla(0, 4, "NL"),
    "03": Casilla(1, 0, "BCS"),
    "25": Casilla(1, 1, "SIN"),
    "10": Casilla(1, 2, "DGO"),
    "32": Casilla(1, 3, "ZAC"),
    "24": Casilla(1, 4, "SLP"),
    "28": Casilla(1, 5, "TAMPS"),
    "18": Casilla(2, 1, "NAY"),
    "01": Casilla(2, 2, "AGS"),
    "11": Casilla(2, 3, "GTO"),
    "22": Casilla(2, 4, "QRO"),
    "13": Casilla(2, 5, "HGO"),
    "30": Casilla(2, 6, "VER"),
    "14": Casilla(3, 1, "JAL"),
    "16": Casilla(3, 2, "MICH"),
    "15": Casilla(3, 3, "MEX"),
    "09": Casilla(3, 4, "CDMX"),
    "29": Casilla(3, 5, "TLAX"),
    "21": Casilla(3, 6, "PUE"),
    "31": Casilla(3, 8, "YUC"),
    "06": Casilla(4, 1, "COL"),
    "12": Casilla(4, 2, "GRO"),
    "17": Casilla(4, 3, "MOR"),
    "20": Casilla(4, 4, "OAX"),
    "07": Casilla(4, 5, "CHIS"),
    "27": Casilla(4, 6, "TAB"),
    "04": Casilla(4, 7, "CAMP"),
    "23": Casilla(4, 8, "QROO"),
}
FILAS = 1 + max(c.fila for c in CUADRICULA.values())
COLUMNAS = 1 + max(c.columna for c in CUADRICULA.values())


@dataclass(frozen=True)
class Medida:
    clave: str
    etiqueta: str  # Spanish, for the selector, the colour bar and the table
    columna_demo: str  # the demo-record count of the records behind the measure
    consulta_origen: str  # the query whose filters this measure takes (to name the ones that do not apply)
    que: str  # what an empty map lacks, for the empty state
    porcentaje: bool = False
    # Colour by rank: one entidad far above the rest (Guanajuato's trainees) left every other tile the same colour.
    cuantiles: bool = False
    sin_dato: str = ""  # what a grey tile inside the place filters lacks

    @property
    def columna_validacion(self) -> str:
        """The column of the newest validation of the records behind the measure (the kind its demo count names)."""
        return self.columna_demo.replace("demo_", "validacion_")


MEDIDAS: dict[str, Medida] = {
    m.clave: m
    for m in (
        Medida("avance_promedio", "Avance promedio (%)", "demo_actividades", "tableros/kpi_actividades", "actividades", True,
               sin_dato="actividades con avance"),
        Medida("actividades", "Actividades", "demo_actividades", "tableros/kpi_actividades", "actividades",
               sin_dato="actividades"),
        Medida("compromisos", "Compromisos de gobierno abierto", "demo_compromisos", "tableros/kpi_compromisos", "compromisos",
               sin_dato="compromisos de gobierno abierto"),
        Medida("participantes", "Personas capacitadas", "demo_capacitaciones", "tableros/kpi_capacitaciones", "capacitaciones",
               cuantiles=True, sin_dato="personas capacitadas registradas"),
    )
}
COLUMNAS_TABLA = [
    "nombre_corto", "region_nombre", "avance_promedio", "actividades", "compromisos", "capacitaciones", "participantes",
]


@dataclass(frozen=True)
class Mapa:
    entidades: pd.DataFrame  # mapa_entidades plus fila, columna, abreviatura
    no_aplican: dict[str, list[str]]  # measure -> labels of active filters it does not take

    def valores(self, medida: str) -> pd.Series:
        """The measure per entidad; NaN outside the place filters (and for an average with no activities)."""
        return self.entidades[medida].where(self.entidades["en_filtro"])

    def vacio(self, medida: str) -> bool:
        """No entidad inside the filters has anything for this measure."""
        valores = self.valores(medida).dropna()
        return valores.empty or (not MEDIDAS[medida].porcentaje and bool((valores == 0).all()))

    def registros_demo(self, medida: str) -> int:
        entidades = self.entidades[self.entidades["en_filtro"]]
        return int(entidades[MEDIDAS[medida].columna_demo].sum())

    def ultima_validacion(self, medida: str) -> pd.Timestamp | None:
        """The newest validation among the records behind the measure, in the entidades inside the filters."""
        fechas = self.entidades.loc[self.entidades["en_filtro"], MEDIDAS[medida].columna_validacion].dropna()
        return pd.Timestamp(fechas.max()) if not fechas.empty else None

    def demo(self, medida: str) -> Demo:
        """The demo records behind the measure (the map's commitment count does not tell rows from alignments)."""
        campo = {"demo_actividades": "actividades", "demo_compromisos": "compromisos_o_alineaciones",
                 "demo_capacitaciones": "capacitaciones"}[MEDIDAS[medida].columna_demo]
        return Demo(**{campo: self.registros_demo(medida)})


def medida(clave: str) -> Medida:
    if clave not in MEDIDAS:
        raise ValueError(f"Medida desconocida: {clave!r}. Elija una de {', '.join(MEDIDAS)}.")
    return MEDIDAS[clave]


def con_posiciones(entidades: pd.DataFrame) -> pd.DataFrame:
    """Add each entidad's tile (row, column, abbreviation); an entidad without a tile is an error."""
    faltan = sorted(set(entidades["entidad"]) - set(CUADRICULA))
    if faltan:
        raise ValueError(f"Entidades sin casilla en el mapa: {faltan}")
    casillas = [CUADRICULA[e] for e in entidades["entidad"]]
    return entidades.assign(
        fila=[c.fila for c in casillas], columna=[c.columna for c in casillas], abreviatura=[c.abreviatura for c in casillas]
    )


def mapa_entidades(consultar: Consultar, filtros: Filtros) -> Mapa:
    entidades = con_posiciones(consulta_filtrada(consultar, "tableros/mapa_entidades", filtros))
    return Mapa(entidades, {m.clave: no_aplican(m.consulta_origen, filtros) for m in MEDIDAS.values()})


def nota_grises(clave_medida: str) -> str:
    """What a grey tile means for the chosen measure."""
    return (
        f"Los cuadros grises quedan fuera de los filtros de lugar o no tienen {medida(clave_medida).sin_dato}. Los "
        "integrantes federales (INAI, ASF, AGN, INEGI) y las capacitaciones de alcance nacional no aparecen en el mapa."
    )


def tabla_entidades(mapa: Mapa, clave_medida: str) -> pd.DataFrame:
    """The entidades inside the filters, highest value of the measure first, with Spanish headers."""
    datos = mapa.entidades[mapa.entidades["en_filtro"]]
    datos = datos.sort_values([clave_medida, "nombre_corto"], ascending=[False, True], na_position="last")
    return con_encabezados(datos, COLUMNAS_TABLA, "mapa")
