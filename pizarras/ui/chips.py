"""A board's heading: its title with the place it covers, its description, and the active filters as chips that a
tap removes (plus «Restablecer»); and the phone layout of the KPI cards.

The sidebar is closed on a phone and on a projected slide, so what is filtered must be said on the page itself.
A chip removes its value through `pedir_filtros`, the same path as a drill-down: the sidebar and the URL follow.
The phone rules are CSS under a width query, so desktop and projector layouts do not change.
"""

from __future__ import annotations

import streamlit as st

from pizarras.lectura.filtros import DEFINICIONES
from pizarras.lectura.filtros_visibles import Chip, chips, sin_valor, titulo_con_alcance
from pizarras.texto import escapar_markdown
from pizarras.ui.filtros import pedir_filtros

CLAVE_KPIS = "kpis"
CLAVE_LINEA = "filtros_activos"
ANCHO_TELEFONO_PX = 480

# Streamlit stacks columns one per row below 640 px: ten KPI cards then push the first chart two screens down.
# On a phone they wrap two to a row (the rows of four that keep desktop values whole split evenly), smaller; the
# chips stay compact. Nothing here applies above 480 px but the
# chips' own size, which is the same on every screen.
ESTILO = f"""<style>
.st-key-{CLAVE_LINEA} button {{ min-height: 1.9rem; padding: 0.1rem 0.6rem; border-radius: 1rem; }}
.st-key-{CLAVE_LINEA} button p {{ font-size: 0.85rem; }}
@media (max-width: {ANCHO_TELEFONO_PX}px) {{
  .st-key-{CLAVE_KPIS} [data-testid="stHorizontalBlock"] {{
    flex-direction: row !important; flex-wrap: wrap !important; gap: 0.25rem 0.5rem !important;
  }}
  .st-key-{CLAVE_KPIS} [data-testid="stColumn"] {{
    flex: 1 1 calc(50% - 0.5rem) !important; min-width: calc(50% - 0.5rem) !important;
    width: calc(50% - 0.5rem) !important;
  }}
  .st-key-{CLAVE_KPIS} [data-testid="stMetricValue"] {{ font-size: 1.3rem; }}
  .st-key-{CLAVE_KPIS} [data-testid="stMetricLabel"] p {{ font-size: 0.75rem; white-space: normal; }}
  .st-key-{CLAVE_KPIS} [data-testid="stMetricLabel"] div {{ white-space: normal; overflow: visible; }}
  [data-testid="stMainBlockContainer"] {{ padding-top: 3.5rem; }}
  [data-testid="stMain"] h1 {{ font-size: 1.9rem; }}
  /* On a touch screen plotly's toolbar stays up and covers the chart's title; Streamlit's own stays. */
  [data-testid="stPlotlyChart"] .modebar-container {{ display: none; }}
}}
</style>"""


def _quitar(chip: Chip) -> None:
    pedir_filtros(**{chip.clave: sin_valor(st.session_state["filtros"], chip)})


def _restablecer() -> None:
    pedir_filtros(**{d.clave: () for d in DEFINICIONES})


def clave_chip(chip: Chip) -> str:
    return f"quitar_filtro_{chip.clave}_{chip.valor}"


def linea_de_filtros() -> None:
    """The active filters as chips, each removed by one tap, and «Restablecer»; nothing when no filter is set."""
    activos = chips(st.session_state["filtros"], st.session_state["opciones"])
    if not activos:
        return
    with st.container(horizontal=True, key=CLAVE_LINEA, gap="small", vertical_alignment="center"):
        st.caption("Filtros activos:", width="content")
        for chip in activos:
            st.button(
                escapar_markdown(chip.etiqueta),
                key=clave_chip(chip),
                help=escapar_markdown(f"Quitar «{chip.etiqueta}» del filtro {chip.filtro}"),
                on_click=_quitar,
                args=(chip,),
                icon=":material/close:",
                icon_position="right",
            )
        st.button(
            "Restablecer", key="restablecer_filtros_linea", on_click=_restablecer, type="tertiary",
            icon=":material/filter_alt_off:", help="Quitar todos los filtros",
        )


def encabezado(titulo: str, descripcion: str | None = None, nacional: str | None = None,
               con_alcance: bool = True) -> None:
    """Title (with its place when a place filter is set), description, and the active filters under them."""
    st.html(ESTILO)
    if con_alcance:
        filtros, opciones = st.session_state["filtros"], st.session_state["opciones"]
        titulo = titulo_con_alcance(titulo, filtros, opciones, nacional)
    st.title(escapar_markdown(titulo) if con_alcance else titulo)
    if descripcion:
        st.caption(descripcion)
    linea_de_filtros()


def bloque_kpis():
    """The container the KPI rows go in (`componentes.casillas_kpi`), so a phone shows them two to a row."""
    return st.container(key=CLAVE_KPIS)
