"""Running a named query in tests: filter parameters from a Filtros, extra ones (hoy, limite…) by keyword."""

from __future__ import annotations

from pizarras.base.consultas import cargar, ejecutar
from pizarras.lectura.filtros import Filtros, parametros_para
from tests.apoyo.datos_prueba import HOY


def correr(con, nombre, filtros=Filtros(), **otros):
    """Run `nombre` with the parameters it declares; by default every row, overdue as of HOY."""
    otros.setdefault("limite", None)
    otros.setdefault("hoy", HOY)
    return ejecutar(con, nombre, parametros_para(cargar(nombre).parametros, filtros, **otros))
