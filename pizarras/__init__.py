"""Pizarras de Avance: the Streamlit-free core (database, named queries, filters, charts, exports).

Only `app.py`, `pages/` and `pizarras.ui` import Streamlit; everything here runs from tests and the command line.
"""
