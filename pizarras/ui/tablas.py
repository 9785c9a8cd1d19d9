"""Every board table drawn the same way: each column formatted by its kind in `pizarras.etiquetas` (thousands
separators, dd/mm/aaaa dates, progress bars, one link per source) and empty cells shown as '—', never 'None'."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pizarras import estilo, etiquetas
from pizarras.texto import escapar_markdown
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


def tabla_de_texto(tabla: pd.DataFrame, contenedor=st, **opciones) -> None:
    """A static table people read and copy as text (on the page, not a canvas): st.table reads Markdown, so every
    cell is escaped; labels the app writes (the index) are left as they are."""
    contenedor.table(tabla.astype(str).map(escapar_markdown), **opciones)


def mostrar_tabla(tabla: pd.DataFrame, contenedor=st, **opciones):
    """st.dataframe with the board's formats; extra options (selection, key) pass through."""
    return contenedor.dataframe(
        tabla,
        hide_index=True,
        width="stretch",
        column_config=configuracion(tabla),
        placeholder=estilo.SIN_DATO,
        **opciones,
    )


def tabla_al_pie(tabla: pd.DataFrame, clave: str, que: str, seleccionable: bool = False) -> int | None:
    """A long table at the foot of a board. On a phone it waits for a tap: its rows and the table's own code are a
    seventh of a phone's first visit (bench «Primera visita»), for a table few read on a 390 px screen. Desktops and
    projectors draw it at once, as before. `seleccionable`: one row can be picked; its position, or None."""
    etiqueta = f"Ver la tabla de {que} ({estilo.entero(len(tabla))} filas)"
    if pantalla.en_telefono() and not st.toggle(etiqueta, key=f"ver_{clave}"):
        return None
    if not seleccionable:
        mostrar_tabla(tabla)
        return None
    return fila_elegida(mostrar_tabla(tabla, on_select="rerun", selection_mode="single-row", key=clave), len(tabla))


def fila_elegida(evento, filas: int) -> int | None:
    """The position of the row chosen in a single-row selectable table of `filas` rows, or None."""
    elegidas = list(evento.selection.rows) if evento is not None else []
    # A selection kept from before a filter change may point past the end of the new table.
    return int(elegidas[0]) if elegidas and 0 <= elegidas[0] < filas else None
