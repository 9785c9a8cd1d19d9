"""What each board shows, assembled from named queries: the data behind KPIs, charts and tables.

One module per board. A board function takes a `consultar(nombre, parametros) -> DataFrame` callable (cached by the
UI, direct in tests), the filters and, where "overdue" matters, the cut-off date; it returns plain data. Drawing is
the page's job.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from pizarras import estilo
from pizarras.base.consultas import cargar
from pizarras.etiquetas import presentar
from pizarras.lectura.filtros import Filtros, filtros_no_aplicables, parametros_para

Consultar = Callable[[str, dict], pd.DataFrame]

# Rows a board table shows; its CSV and XLSX downloads carry every row (`listado_completo`).
FILAS_VISIBLES = 1000


@dataclass(frozen=True)
class Demo:
    """Demo records among what a board shows, by kind: the banner names each count and where the flag is."""

    actividades: int = 0
    compromisos: int = 0  # demo rows
    alineaciones: int = 0  # real commitments whose ODS alignment alone is demo
    capacitaciones: int = 0
    compromisos_o_alineaciones: int = 0  # where the two are not told apart (the map)

    @classmethod
    def de_kpis(cls, actividades: dict | None = None, compromisos: dict | None = None,
                capacitaciones: dict | None = None) -> Demo:
        """From the KPI rows of `kpi_actividades`, `kpi_compromisos`, `kpi_capacitaciones` (any may be missing)."""
        def n(fila: dict | None, columna: str) -> int:
            return int((fila or {}).get(columna) or 0)

        return cls(
            actividades=n(actividades, "demo"),
            compromisos=n(compromisos, "demo_registros"),
            alineaciones=n(compromisos, "demo") - n(compromisos, "demo_registros"),
            capacitaciones=n(capacitaciones, "demo"),
        )

    @property
    def total(self) -> int:
        return (self.actividades + self.compromisos + self.alineaciones + self.capacitaciones
                + self.compromisos_o_alineaciones)

    def _conteos(self, corto: bool) -> list[str]:
        """Each kind of demo record shown, counted in words ('5 actividades')."""
        mezcla = (("compromiso", "compromisos") if corto else
                  ("compromiso (el registro o su alineación ODS)", "compromisos (el registro o su alineación ODS)"))
        filas = [(self.actividades, "actividad", "actividades"), (self.compromisos, "compromiso", "compromisos"),
                 (self.capacitaciones, "capacitación", "capacitaciones"), (self.compromisos_o_alineaciones, *mezcla)]
        if corto:  # the long notice gives the alignments a sentence of their own
            filas.append((self.alineaciones, "alineación a un ODS", "alineaciones a un ODS"))
        return [estilo.cantidad(n, singular, plural) for n, singular, plural in filas if n]

    def texto(self, corto: bool = False) -> str | None:
        """The banner, in words (`corto`: one sentence, for a phone); None when nothing shown is demo data."""
        partes = self._conteos(corto)
        if corto:
            no_reales = "no es un dato real" if self.total == 1 else "no son datos reales"
            return f"Datos de demostración: {estilo.lista(partes)} de esta página {no_reales} del SNT." if partes else None
        frases = []
        if partes:
            frases.append(
                f"Datos de demostración, no reportes reales del SNT: {estilo.lista(partes)} de las cifras de esta "
                "página (columna «Dato de demostración» en las tablas)."
            )
        if self.alineaciones:
            inicio = "Además, " if partes else "Datos de demostración: "
            cuantos = estilo.cantidad(self.alineaciones, "compromiso real tiene", "compromisos reales tienen")
            frases.append(
                f"{inicio}{cuantos} una alineación a un ODS de demostración (columna «Alineación ODS de demostración»)."
            )
        if not frases:
            return None
        reales = "Los catálogos y las cifras publicadas por la Comisión de Gobierno Abierto sí son reales."
        return " ".join(frases) + " " + reales


VALIDADOS_AL = "Datos validados al {fecha}"


def ultima_validacion(*filas: Mapping[str, object] | None, columna: str = "ultima_validacion") -> pd.Timestamp | None:
    """The newest validation among what a board shows, from the KPI rows of the kinds it shows (`ultima_validacion`
    of kpi_actividades, kpi_compromisos, kpi_capacitaciones; any may be missing). None when nothing shown is
    published: an empty board, or the internal view, whose working versions carry no validation date."""
    fechas = [pd.Timestamp(fila[columna]) for fila in filas
              if fila and fila.get(columna) is not None and not pd.isna(fila[columna])]
    return max(fechas) if fechas else None


def validados_al(fecha: object) -> str | None:
    """'Datos validados al 16/12/2025' (es-MX, day first), the stamp every public board, slide, the static site and
    the open data carry; None when there is no validation to date."""
    if fecha is None or pd.isna(fecha):
        return None
    return VALIDADOS_AL.format(fecha=estilo.fecha(fecha))


def consulta_filtrada(consultar: Consultar, nombre: str, filtros: Filtros, **otros) -> pd.DataFrame:
    """Run a named query with the filter parameters it declares (and any extra ones, such as $hoy)."""
    return consultar(nombre, parametros_para(cargar(nombre).parametros, filtros, **otros))


def listado_completo(consultar: Consultar, nombre: str, filtros: Filtros, **otros) -> pd.DataFrame:
    """Every row of a list query (one with `$limite`), for a download."""
    return consulta_filtrada(consultar, nombre, filtros, limite=None, **otros)


def no_aplican(nombre: str, filtros: Filtros) -> list[str]:
    """Labels of the active filters that the named query does not take."""
    return filtros_no_aplicables(cargar(nombre).parametros, filtros)


def primera_fila(tabla: pd.DataFrame) -> dict:
    """The single row of a KPI query as a dict, with SQL NULL (and NaN) as None."""
    return {k: (None if pd.isna(v) else v) for k, v in tabla.iloc[0].items()}


def con_encabezados(tabla: pd.DataFrame, columnas: Sequence[str], tema: str | None = None) -> pd.DataFrame:
    """The table as boards and exports show it: the named columns in order, with the labels and value kinds of the
    one dictionary in `pizarras.etiquetas`."""
    return presentar(tabla, columnas, tema)
