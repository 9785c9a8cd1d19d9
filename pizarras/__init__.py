"""Pizarras de Avance: the package behind the app, in layers (see .importlinter and the README's map).

base (the DuckDB file, named queries, schema) < lectura (filters, boards) | escritura (accounts, rules, self-report)
< graficas | cargas < publicacion < arranque < ui and the command line. Only `app.py`, `pages/` and `pizarras.ui`
import Streamlit; everything else runs from tests and the command line.
"""
