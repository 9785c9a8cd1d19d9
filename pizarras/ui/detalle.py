"""A table whose rows open a detail view: pick one row, see every field, its sources as links and its data warnings."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from pizarras.lectura.tableros.detalle import Fuente
from pizarras.ui.tablas import mostrar_tabla

_MARKDOWN = set("\\`*_{}[]<>()#+-.!|~$:")


def tabla_seleccionable(tabla: pd.DataFrame, clave: str) -> int | None:
    """Draw the table with single-row selection; return the position of the chosen row, or None."""
    evento = mostrar_tabla(tabla, on_select="rerun", selection_mode="single-row", key=clave)
    filas = list(evento.selection.rows) if evento is not None else []
    # A selection kept from before a filter change may point past the end of the new table.
    if filas and 0 <= filas[0] < len(tabla):
        return int(filas[0])
    return None


def mostrar_detalle(
    fila: Mapping[str, object],
    titulo: str,
    campos: Callable[[Mapping[str, object]], list[tuple[str, str]]],
    fuentes: Callable[[Mapping[str, object]], list[Fuente]],
    avisos: Callable[[Mapping[str, object]], list[str]],
) -> None:
    """Every field of the record as a two-column table, then its warnings and its sources."""
    with st.container(border=True):
        st.markdown(f"#### {_escapar(titulo)}")
        for aviso in avisos(fila):
            st.warning(aviso, icon=":material/science:")
        st.table(pd.DataFrame(campos(fila), columns=["Campo", "Valor"]).set_index("Campo"))
        lista = fuentes(fila)
        if not lista:
            st.caption("La fuente no está registrada.")
        for fuente in lista:
            if fuente.url:
                st.link_button(f"Abrir fuente: {_corto(fuente.url)}", fuente.url, icon=":material/open_in_new:")
            else:
                st.caption(f"Fuente: {_escapar(fuente.texto)}")


def _escapar(texto: str) -> str:
    """Source text shown as written, not read as Markdown."""
    return "".join("\\" + c if c in _MARKDOWN else c for c in str(texto))


def _corto(url: str, largo: int = 60) -> str:
    sin_esquema = url.split("://", 1)[-1]
    return sin_esquema if len(sin_esquema) <= largo else sin_esquema[: largo - 1] + "…"
