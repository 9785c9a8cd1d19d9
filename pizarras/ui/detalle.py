"""A table whose rows open a detail view: pick one row, see every field, its sources as links, its data warnings
and what the public saw of it over time (each published version: when, who validated it, what changed)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from pizarras import estilo
from pizarras.escritura import historial
from pizarras.lectura.tableros.detalle import Fuente
from pizarras.ui.datos import conexion
from pizarras.ui.tablas import fila_elegida, mostrar_tabla, tabla_de_texto

_MARKDOWN = set("\\`*_{}[]<>()#+-.!|~$:")


def tabla_seleccionable(tabla: pd.DataFrame, clave: str) -> int | None:
    """Draw the table with single-row selection; return the position of the chosen row, or None."""
    return fila_elegida(mostrar_tabla(tabla, on_select="rerun", selection_mode="single-row", key=clave), len(tabla))


def mostrar_detalle(
    fila: Mapping[str, object],
    titulo: str,
    campos: Callable[[Mapping[str, object]], list[tuple[str, str]]],
    fuentes: Callable[[Mapping[str, object]], list[Fuente]],
    avisos: Callable[[Mapping[str, object]], list[str]],
    tabla: str | None = None,
) -> None:
    """Every field of the record as a two-column table, then its warnings and its sources; with `tabla` (the record's
    table: 'actividades', 'compromisos', 'capacitaciones'), the versions of it the public has seen."""
    with st.container(border=True):
        st.markdown(f"#### {_escapar(titulo)}")
        for aviso in avisos(fila):
            st.warning(aviso, icon=":material/science:")
        tabla_de_texto(pd.DataFrame(campos(fila), columns=["Campo", "Valor"]).set_index("Campo"))
        lista = fuentes(fila)
        if not lista:
            st.caption("La fuente no está registrada.")
        for fuente in lista:
            if fuente.url:
                st.link_button(f"Abrir fuente: {_corto(fuente.url)}", fuente.url, icon=":material/open_in_new:")
            else:
                st.caption(f"Fuente: {_escapar(fuente.texto)}")
        if tabla is not None:
            versiones_publicadas(tabla, int(fila["id"]))


COLUMNAS_PUBLICADAS = {"en": "Validada el", "validada_por": "Validó", "cambios": "Qué cambió para el público"}


def versiones_publicadas(tabla: str, id_: int) -> None:
    """What the public saw of one record, newest first: each published version, when and by whom it was validated
    and what it changed for the public, field by field (pizarras.escritura.historial). Plain text in a table."""
    st.markdown("##### Lo que vio el público")
    versiones = historial.versiones_publicadas(conexion(), tabla, id_)
    if versiones.empty:
        st.caption("Nunca se ha publicado: el público no ve este registro hasta que se valide.")
        return
    st.caption("Cada versión publicada, de la más reciente a la primera: cuándo se validó, quién la validó y qué "
               "cambió para el público.")
    mostrar_tabla(versiones.assign(en=[estilo.fecha_hora(v) for v in versiones["en"]]).rename(
        columns=COLUMNAS_PUBLICADAS))


def _escapar(texto: str) -> str:
    """Source text shown as written, not read as Markdown."""
    return "".join("\\" + c if c in _MARKDOWN else c for c in str(texto))


def _corto(url: str, largo: int = 60) -> str:
    sin_esquema = url.split("://", 1)[-1]
    return sin_esquema if len(sin_esquema) <= largo else sin_esquema[: largo - 1] + "…"
