"""AppTest harness with every page of pages/ registered, so a drill-down's st.switch_page finds its target; the page
named in session state is the default one, because AppTest 1.67 only runs the entry script for the default page."""

from pathlib import Path

import streamlit as st

from pizarras.ui.marco import ejecutar_app

RAIZ = Path(__file__).resolve().parents[2]
actual = st.session_state["pagina_bajo_prueba"]
ejecutar_app(
    [st.Page(RAIZ / "pages" / p.name, default=f"pages/{p.name}" == actual) for p in sorted((RAIZ / "pages").glob("*.py"))]
)
