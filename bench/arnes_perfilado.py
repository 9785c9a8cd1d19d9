"""tests/paginas/arnes.py with a profiler around the run: the page in the real frame, its cost kept per function.

cProfile sees only the thread it runs in, and AppTest runs the script in its own thread, so the profile is taken
here, inside the script, and handed to bench.paginas.PERFILES."""

import cProfile
from pathlib import Path

import streamlit as st

from bench import paginas
from pizarras.ui.marco import ejecutar_app

RAIZ = Path(__file__).resolve().parents[1]
perfil = cProfile.Profile()
perfil.enable()
try:
    ejecutar_app([st.Page(RAIZ / st.session_state["pagina_bajo_prueba"], default=True)])
finally:
    perfil.disable()
    paginas.PERFILES.append(perfil)
