"""Pizarras de Avance — entry point: the registered pages, run inside the shared frame (filters, router)."""

from __future__ import annotations

import streamlit as st

from pizarras.ui.marco import ejecutar_app

DATOS_ABIERTOS = st.Page("pages/datos_abiertos.py", title="Datos abiertos", icon=":material/dataset:")
AUTORREPORTE = [
    st.Page("pages/autorreporte.py", title="Autorreporte", icon=":material/edit_note:"),
    st.Page("pages/cargar.py", title="Cargar", icon=":material/upload_file:"),
    st.Page("pages/revision.py", title="Revisión", icon=":material/fact_check:"),
]
PAGINAS = {
    "Pizarras": [
        st.Page("pages/pizarra_nacional.py", title="Pizarra nacional", icon=":material/dashboard:", default=True),
        st.Page("pages/compromisos.py", title="Compromisos de gobierno abierto", icon=":material/handshake:"),
        st.Page("pages/capacitaciones.py", title="Capacitaciones", icon=":material/school:"),
        st.Page("pages/pizarra_region.py", title="Pizarra por región", icon=":material/travel_explore:"),
        st.Page("pages/pizarra_organismo.py", title="Pizarra por organismo", icon=":material/account_balance:"),
        st.Page("pages/mapa.py", title="Mapa por entidad", icon=":material/grid_view:"),
        st.Page("pages/indicadores.py", title="Indicadores de los programas", icon=":material/flag:",
                url_path="indicadores"),
    ],
    "Publicación": [
        st.Page("pages/presentacion.py", title="Presentación", icon=":material/slideshow:"),
        DATOS_ABIERTOS,
    ],
    "Autorreporte": AUTORREPORTE,
}

# The write pages work on the account's own records and the review queue, and the open data carry every public
# record: the shared filters narrow none of them.
ejecutar_app(PAGINAS, sin_filtros=[*AUTORREPORTE, DATOS_ABIERTOS])
