"""Board queries at scale: every file in queries/tableros/, timed in DuckDB and against a naive pandas version.

Queries are discovered from the folder, so a new board query is measured without touching this file. Its parameters
come from the $names it declares: a global filter gets a list of keys (or NULL), `$hoy` gets the demo cut-off date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from bench import pandas_equivalentes
from bench.estadistica import medir
from pizarras.base.consultas import cargar, ejecutar, nombres_disponibles
from pizarras.lectura.filtros import PARAMETROS_SQL, Filtros
from pizarras.lectura.tableros import FILAS_VISIBLES

ORGANISMO_MUESTRA = "ITEI"
HOY = date(2025, 11, 30)  # the demo board's reference date (seed.generate_demo.CORTE)
TABLEROS = "tableros"
MACROS = ("actividades_filtradas(", "compromisos_filtrados(", "capacitaciones_filtradas(")

# Filter sets used everywhere in the bench: none, and a selective one over six dimensions.
ESCENARIOS: dict[str, Filtros] = {
    "sin filtros": Filtros(),
    "6 filtros": Filtros(
        region=("norte", "centro"),
        programa=("PROTAI",),
        eje=("PROTAI-T1", "PROTAI-T3", "PROTAI-X1"),
        ods=(16,),
        periodo=(2024, 2025),
        estatus=("en_proceso", "concluida"),
    ),
}


class ParametroDesconocido(ValueError):
    """A query declares a $name the bench does not know how to fill."""


def consultas_de_tablero() -> list[str]:
    """Every board query ("tableros/..."): the files in queries/tableros/."""
    return nombres_disponibles(TABLEROS)


def nombre_corto(nombre: str) -> str:
    """The name the bench's results and bench/pandas_equivalentes.py use: the file name without its folder (unique,
    since every board query is in tableros/), as before the queries were grouped."""
    return nombre.removeprefix(f"{TABLEROS}/")


def parametros(nombre: str, filtros: Filtros, hoy: date = HOY) -> dict:
    """The values for the $names `nombre` declares, as the boards pass them: filters as lists (None = all), $hoy,
    $limite (the rows a board table shows), $organismo (one garante, for the organismo board) and $fecha (a year
    before $hoy, the reporting date the national board compares with)."""
    valores = {**filtros.parametros_sql(), "hoy": hoy, "limite": FILAS_VISIBLES, "organismo": ORGANISMO_MUESTRA,
               "fecha": hoy - timedelta(days=365)}
    desconocidos = sorted(set(cargar(nombre).parametros) - set(valores))
    if desconocidos:
        raise ParametroDesconocido(
            f"La consulta {nombre!r} declara parámetros que el banco de pruebas no sabe llenar: "
            + ", ".join(f"${p}" for p in desconocidos)
        )
    return {p: valores[p] for p in cargar(nombre).parametros}


def une_catalogos_y_filtra_varias_dimensiones(nombre: str) -> bool:
    """True when the query reads a filter macro (they join catalogs) and takes two or more filter parameters."""
    consulta = cargar(nombre)
    return any(m in consulta.sql for m in MACROS) and len(consulta.parametros & PARAMETROS_SQL) >= 2


@dataclass
class Medicion:
    consulta: str
    escenario: str
    actividades: int
    sql: dict | None
    pandas: dict | None
    filas: int | None
    nota: str = ""

    @property
    def razon(self) -> float | None:
        if self.sql and self.pandas:
            return self.pandas["mediana"] / self.sql["mediana"]
        return None

    def a_dict(self) -> dict:
        return {"consulta": nombre_corto(self.consulta), "escenario": self.escenario, "actividades": self.actividades,
                "sql_ms": self.sql, "pandas_ms": self.pandas, "razon_pandas_sql": self.razon, "filas": self.filas,
                "une_catalogos_y_filtra": une_catalogos_y_filtra_varias_dimensiones(self.consulta),
                "nota": self.nota}


def medir_base(ruta: Path, actividades: int, repeticiones: int, presupuesto_s: float,
               con_pandas: bool = True, aviso=print) -> tuple[list[Medicion], dict | None]:
    """Time every board query in every scenario on one database; return the measurements and the pandas load time."""
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        tablas, carga = (pandas_equivalentes.cargar_tablas(con) if con_pandas else (None, None))
        mediciones = []
        for nombre in consultas_de_tablero():
            for escenario, filtros in ESCENARIOS.items():
                try:
                    valores = parametros(nombre, filtros)
                except ParametroDesconocido as error:
                    mediciones.append(Medicion(nombre, escenario, actividades, None, None, None, str(error)))
                    continue
                filas = len(ejecutar(con, nombre, valores))
                sql = medir(lambda: ejecutar(con, nombre, valores), repeticiones, presupuesto_s)
                pandas_ms, nota = None, ""
                funcion = pandas_equivalentes.EQUIVALENTES.get(nombre_corto(nombre))
                if not con_pandas:
                    nota = "pandas no medido en esta base"
                elif funcion is None:
                    nota = "sin versión pandas (añádala en bench/pandas_equivalentes.py)"
                else:
                    pandas_ms = medir(lambda: funcion(tablas, valores), repeticiones, presupuesto_s, minimo=3)
                mediciones.append(Medicion(nombre, escenario, actividades, sql, pandas_ms, filas, nota))
                aviso(f"  {nombre} [{escenario}] @ {actividades:,}: SQL {sql['mediana']:.1f} ms"
                      + (f", pandas {pandas_ms['mediana']:.1f} ms" if pandas_ms else ""))
        return mediciones, carga
    finally:
        con.close()
