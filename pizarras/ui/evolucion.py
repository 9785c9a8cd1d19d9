"""Progress over time on the boards: an organismo's series and the nation's change since a reporting date."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from pizarras import estilo
from pizarras.graficas.evolucion import linea_de_avance
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros import evolucion
from pizarras.ui.datos import tablero_compartido
from pizarras.ui.espanol import FORMATO_FECHA
from pizarras.ui.figuras import dibujar, figura


def avance_en_el_tiempo(filtros: Filtros, organismo: str, sigla: str) -> None:
    st.subheader("Avance a lo largo del tiempo")
    serie = tablero_compartido(evolucion.avance_en_el_tiempo, filtros, organismo)
    if len(serie) < 2:
        st.caption(f"{sigla} tiene reportes de un solo mes con estos filtros: aún no hay una evolución que mostrar.")
        return
    dibujar(figura(linea_de_avance, serie, f"Avance promedio de {sigla}, reporte a reporte"))
    st.caption(
        "Al cierre de cada mes con reportes, el promedio del último avance reportado de cada actividad hasta ese "
        "momento (sin las canceladas)."
    )


def cambio_desde(filtros: Filtros, hoy: date) -> None:
    st.subheader("Cambio desde una fecha de reporte")
    fecha = st.date_input("Comparar con lo reportado hasta el", value=hoy - timedelta(days=365), max_value=hoy,
                          format=FORMATO_FECHA, key="nacional_fecha_comparacion")
    cambio = tablero_compartido(evolucion.cambio_desde, filtros, fecha)
    columnas = st.columns(2)
    columnas[0].metric(f"Avance promedio al {estilo.fecha(fecha)}", estilo.porcentaje(cambio["avance_entonces"]),
                       help=f"{estilo.entero(cambio['actividades_entonces'])} actividades reportadas hasta esa fecha.")
    delta = None
    if cambio["avance_entonces"] is not None and cambio["avance_hoy"] is not None:
        delta = f"{cambio['avance_hoy'] - cambio['avance_entonces']:+.1f} puntos"
    columnas[1].metric("Avance promedio hoy", estilo.porcentaje(cambio["avance_hoy"]), delta=delta,
                       help=f"{estilo.entero(cambio['actividades_hoy'])} actividades.")
