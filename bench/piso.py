"""Floor script: redraws, from constant data already in memory, exactly the elements a page drew.

The bench captures a page's element tree under AppTest (bench.paginas.capturar), keeps it in
`bench.paginas.MEMORIA[clave]`, and runs this script with `st.session_state["piso_clave"] = clave`. What this script
costs is what drawing those elements costs in Streamlit (figure and dataframe serialisation included); the page's
cost above it is the board's own work: queries, cache look-ups, building figures and tables.
"""

from __future__ import annotations

import streamlit as st

from bench.paginas import MEMORIA


def dibujar(elementos: list[dict]) -> None:
    for e in elementos:
        tipo = e["tipo"]
        if tipo in ("title", "header", "subheader", "caption", "markdown", "text", "code"):
            getattr(st, tipo)(e["valor"])
        elif tipo in ("info", "warning", "error", "success"):
            getattr(st, tipo)(e["valor"])
        elif tipo == "metric":
            st.metric(e["etiqueta"], e["valor"], delta=e["delta"] or None, help=e["ayuda"] or None)
        elif tipo == "plotly_chart":
            st.plotly_chart(e["figura"], width="stretch", key=e["clave"])
        elif tipo == "dataframe":
            st.dataframe(e["tabla"], hide_index=True, width="stretch")
        elif tipo == "divider":
            st.divider()
        elif tipo == "html":
            st.html(e["valor"])
        elif tipo == "table":
            st.table(e["tabla"])
        elif tipo == "download_button":
            st.download_button(e["etiqueta"], data=e["datos"], file_name=e["archivo"], key=e["clave"])
        elif tipo == "multiselect":
            st.multiselect(e["etiqueta"], e["opciones"], default=e["elegidas"], key=e["clave"])
        elif tipo == "button":
            st.button(e["etiqueta"], key=e["clave"])
        elif tipo == "date_input":
            st.date_input(e["etiqueta"], value=e["valor"], key=e["clave"])
        elif tipo == "page_link":
            st.page_link(e["destino"], label=e["etiqueta"], icon=e["icono"])
        elif tipo == "columnas":
            for columna, hijos in zip(st.columns(e["pesos"]), e["hijos"], strict=True):
                with columna:
                    dibujar(hijos)
        elif tipo == "expander":
            with st.expander(e["etiqueta"]):
                dibujar(e["hijos"])
        elif tipo == "tabs":
            for pestana, hijos in zip(st.tabs(e["etiquetas"]), e["hijos"], strict=True):
                with pestana:
                    dibujar(hijos)
        elif tipo == "contenedor":
            with st.container():
                dibujar(e["hijos"])
        elif tipo == "sidebar":
            with st.sidebar:
                dibujar(e["hijos"])


st.set_page_config(layout="wide")
dibujar(MEMORIA[st.session_state["piso_clave"]])
