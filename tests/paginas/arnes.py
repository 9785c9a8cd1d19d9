"""AppTest harness: the real frame (filters, router) with one page, named in session state, as the default page."""

from pathlib import Path

import streamlit as st

from pizarras.ui.marco import ejecutar_app

RAIZ = Path(__file__).resolve().parents[2]
ejecutar_app([st.Page(RAIZ / st.session_state["pagina_bajo_prueba"], default=True)])
