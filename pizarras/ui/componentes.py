"""Small widgets every board uses: demo-data notice, headline figures, «Datos validados al …», empty state,
filters-not-applied note, CSV download."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from pizarras.etiquetas import frase_no_aplican
from pizarras.lectura.cifras import Cifra
from pizarras.lectura.filtros import Filtros, describir
from pizarras.lectura.sin_validar import EN_DESCARGAS, SIN_FECHA_DE_VALIDACION
from pizarras.lectura.tableros import FILAS_VISIBLES, Demo, validados_al
from pizarras.publicacion.exportar import a_csv, a_xlsx
from pizarras.ui import pantalla
from pizarras.ui.chips import bloque_kpis


def aviso_demo(demo: Demo) -> None:
    # On a phone, one sentence: the full notice took the first screen before any number.
    texto = demo.texto(corto=pantalla.en_telefono())
    if texto:
        # Plain text: a title and the counts, no Markdown to interpret.
        st.info(texto, icon=":material/science:")


KPIS_POR_FILA = 4  # at 1280×720 with the sidebar open, five or six per row cut values such as "16/12/2025"


def casillas_kpi(cuantas: int, por_fila: int = KPIS_POR_FILA) -> list:
    """Room for `cuantas` KPI cards, in rows of `por_fila`, so that no value or label is cut; inside the KPI block,
    which a phone shows three to a row (pizarras.ui.chips)."""
    casillas = []
    bloque = bloque_kpis()
    for inicio in range(0, cuantas, por_fila):
        casillas.extend(bloque.columns(por_fila)[: min(por_fila, cuantas - inicio)])
    return casillas


def cifras(lista: Sequence[Cifra]) -> None:
    """A board's headline figures as KPI cards, in their declared order (pizarras.lectura.cifras)."""
    for casilla, c in zip(casillas_kpi(len(lista)), lista, strict=True):
        casilla.metric(c.etiqueta, c.texto, help=c.ayuda)


def fecha_de_validacion(fecha: object, publica: bool = True) -> None:
    """«Datos validados al dd/mm/aaaa» under a board's figures: the newest validation among what the board shows
    (`ultima_validacion` of its board). Nothing when nothing shown is validated. The internal view (`publica` off)
    says instead why its figures carry no such date."""
    if not publica:
        st.caption(SIN_FECHA_DE_VALIDACION)
        return
    texto = validados_al(fecha)
    if texto:
        st.caption(f":material/verified: {texto}")


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
    when the user asks for a file. In the internal view (`filtros.solo_validadas` off) the file name, the title and
    the 'Filtros' sheet say the file includes records not validated.
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
    archivo = nombre_base
    if not filtros.solo_validadas:  # the internal view: a file must not pass for the public figures
        filtros_aplicados.append(("Revisión", EN_DESCARGAS))
        titulo, archivo = f"{titulo} (incluye registros sin validar)", f"{nombre_base}_incluye_sin_validar"
    # Side by side at their own width: in narrow columns the labels were cut to "Descargar …".
    fila = st.container(horizontal=True)
    fila.download_button(
        "Descargar CSV",
        data=lambda: a_csv(filas()),
        file_name=f"{archivo}.csv",
        mime="text/csv",
        icon=":material/download:",
        disabled=tabla.empty,
        key=f"csv_{nombre_base}",
    )
    fila.download_button(
        "Descargar Excel (XLSX)",
        data=lambda: a_xlsx(filas(), titulo, filtros_aplicados),
        file_name=f"{archivo}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
        disabled=tabla.empty,
        key=f"xlsx_{nombre_base}",
    )
