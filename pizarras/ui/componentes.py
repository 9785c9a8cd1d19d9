"""Small widgets every board uses: demo-data notice, empty state, filters-not-applied note, CSV download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pizarras.exportar import a_csv


def aviso_demo(registros_demo: int) -> None:
    if registros_demo:
        st.info(
            f"**Datos de demostración.** {registros_demo:,} de los registros que se muestran son datos de "
            "demostración, no reportes reales del SNT (columna «Dato de demostración» en las tablas). "
            "Los catálogos y las cifras publicadas por la Comisión de Gobierno Abierto sí son reales.",
            icon=":material/science:",
        )


def estado_vacio(que: str = "actividades") -> None:
    st.info(
        f"No hay {que} que cumplan con los filtros elegidos. Quite algún filtro en la barra lateral o use "
        "«Restablecer filtros».",
        icon=":material/filter_list_off:",
    )


def nota_no_aplican(etiquetas: list[str], que: str) -> None:
    if etiquetas:
        st.caption(f"Los filtros {', '.join(etiquetas)} no aplican a {que}.")


def descarga_csv(tabla: pd.DataFrame, nombre_archivo: str, etiqueta: str = "Descargar CSV") -> None:
    st.download_button(
        etiqueta,
        data=a_csv(tabla),
        file_name=nombre_archivo,
        mime="text/csv",
        icon=":material/download:",
        disabled=tabla.empty,
    )
