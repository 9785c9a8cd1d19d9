"""Pizarras de Avance — entry point: the registered pages, run inside the shared frame (filters, router)."""

from __future__ import annotations

import streamlit as st

from pizarras.ui.marco import ejecutar_app

PAGINAS = {
    "Pizarras": [
        st.Page("pages/pizarra_nacional.py", title="Pizarra nacional", icon=":material/dashboard:", default=True),
        st.Page("pages/compromisos.py", title="Compromisos de gobierno abierto", icon=":material/handshake:"),
        st.Page("pages/capacitaciones.py", title="Capacitaciones", icon=":material/school:"),
    ],
}

ejecutar_app(PAGINAS)
