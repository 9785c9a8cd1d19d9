"""Every board table drawn the same way: each column formatted by its kind in `pizarras.etiquetas` (thousands
separators, dd/mm/aaaa dates, progress bars, one link per source) and empty cells shown as '—', never 'None'."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pizarras import estilo, etiquetas
from pizarras.ui import pantalla

# A link cell shows the site it leads to, not a 200-character URL.
_SITIO = r"https?://(?:www\.)?([^/?#]+)"


def _configuracion_de(encabezado: str):
    tipo = etiquetas.tipo_de(encabezado)
    if tipo == "entero":
        return st.column_config.NumberColumn(encabezado, format="%,d")
    if tipo == "clave":
        return st.column_config.NumberColumn(encabezado, format="%d")
    if tipo == "avance":
        return st.column_config.ProgressColumn(encabezado, min_value=0, max_value=100, format="%d %%")
    if tipo == "porcentaje":
        return st.column_config.ProgressColumn(encabezado, min_value=0, max_value=100, format="%.1f %%")
    if tipo == "fecha":
        return st.column_config.DatetimeColumn(encabezado, format="DD/MM/YYYY")
    if tipo == "fecha_hora":
        return st.column_config.DatetimeColumn(encabezado, format="DD/MM/YYYY HH:mm")
    if tipo == "enlace":
        return st.column_config.LinkColumn(encabezado, display_text=_SITIO)
    return None


def configuracion(tabla: pd.DataFrame) -> dict:
    """column_config for every column whose kind needs one."""
    salida = {}
    for columna in tabla.columns:
        config = _configuracion_de(str(columna))
        if config is not None:
            salida[str(columna)] = config
    return salida


def separar_referencias(tabla: pd.DataFrame) -> pd.DataFrame:
    """Link columns whose cells are sometimes a citation rather than an address (a report's title as «Fuente») keep
    the addresses, and the citations move to a «Referencia» text column after the first of them: drawn as links,
    they were dead ones. A table without citations in its link columns is returned as it is."""
    enlaces = [c for c in tabla.columns if etiquetas.tipo_de(str(c)) == "enlace"]
    citas = {}
    for columna in enlaces:
        texto = tabla[columna].astype("string").str.strip()
        citas[columna] = texto.notna() & (texto != "") & ~texto.str.match(r"https?://", na=False)
    if not any(marca.any() for marca in citas.values()):
        return tabla
    salida = tabla.copy()
    referencia = pd.Series([[] for _ in range(len(tabla))], index=tabla.index)
    for columna in enlaces:
        for indice in tabla.index[citas[columna]]:
            referencia[indice].append(str(tabla.at[indice, columna]).strip())
        salida[columna] = tabla[columna].where(~citas[columna])
    salida.insert(salida.columns.get_loc(enlaces[0]) + 1, etiquetas.COLUMNAS["referencia"].etiqueta,
                  referencia.map(lambda partes: " | ".join(partes) or None))
    return salida


def mostrar_tabla(tabla: pd.DataFrame, contenedor=st, **opciones):
    """st.dataframe with the board's formats; extra options (selection, key) pass through."""
    tabla = separar_referencias(tabla)
    return contenedor.dataframe(
        tabla,
        hide_index=True,
        width="stretch",
        column_config=configuracion(tabla),
        placeholder=estilo.SIN_DATO,
        **opciones,
    )


def tabla_al_pie(tabla: pd.DataFrame, clave: str, que: str) -> None:
    """A long table at the foot of a board. On a phone it waits for a tap: its rows and the table's own code are a
    seventh of a phone's first visit (bench «Primera visita»), for a table few read on a 390 px screen. Desktops and
    projectors draw it at once, as before."""
    etiqueta = f"Ver la tabla de {que} ({estilo.entero(len(tabla))} filas)"
    if pantalla.en_telefono() and not st.toggle(etiqueta, key=f"ver_{clave}"):
        return
    mostrar_tabla(tabla)
