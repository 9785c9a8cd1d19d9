"""Small widgets every board uses: demo-data notice, empty state, filters-not-applied note, CSV download."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from pizarras.etiquetas import frase_no_aplican
from pizarras.exportar import a_csv, a_xlsx
from pizarras.filtros import Filtros, describir
from pizarras.tableros import FILAS_VISIBLES, Demo


def aviso_demo(demo: Demo) -> None:
    texto = demo.texto()
    if texto:
        # Plain text: a title and the counts, no Markdown to interpret.
        st.info(texto, icon=":material/science:")


def estado_vacio(que: str = "actividades") -> None:
    st.info(
        f"No hay {que} que cumplan con los filtros elegidos. Quite algún filtro en la barra lateral o use "
        "«Restablecer filtros».",
        icon=":material/filter_list_off:",
    )


def nota_no_aplican(filtros_sin_efecto: list[str], que: str) -> None:
    frase = frase_no_aplican(filtros_sin_efecto, que)
    if frase:
        st.caption(frase)


def descargas(
    tabla: pd.DataFrame,
    nombre_base: str,
    titulo: str,
    filtros: Filtros,
    completa: Callable[[], pd.DataFrame] | None = None,
) -> None:
    """CSV and XLSX of a table; the XLSX opens with a sheet of the filters applied.

    `tabla` is what the board shows. When it was cut at FILAS_VISIBLES rows, `completa` fetches every row, only
    when the user asks for a file.
    """
    recortada = completa is not None and len(tabla) >= FILAS_VISIBLES
    if recortada:
        st.caption(
            f"Se muestran las primeras {FILAS_VISIBLES:,} filas; las descargas CSV y XLSX incluyen todas las que "
            "cumplen los filtros."
        )
    filas = completa if recortada else (lambda: tabla)
    # Described now, inside the session: the file is built later, on a thread with no session state to read.
    filtros_aplicados = describir(filtros, st.session_state["opciones"])
    izquierda, derecha, _ = st.columns([1, 1, 4])
    izquierda.download_button(
        "Descargar CSV",
        data=lambda: a_csv(filas()),
        file_name=f"{nombre_base}.csv",
        mime="text/csv",
        icon=":material/download:",
        disabled=tabla.empty,
        key=f"csv_{nombre_base}",
    )
    derecha.download_button(
        "Descargar XLSX",
        data=lambda: a_xlsx(filas(), titulo, filtros_aplicados),
        file_name=f"{nombre_base}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
        disabled=tabla.empty,
        key=f"xlsx_{nombre_base}",
    )
