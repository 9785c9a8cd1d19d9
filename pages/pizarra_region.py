"""Pizarra por región: the región's organismos side by side, as a sortable table and a chart whose bars open each
organismo's board."""

from __future__ import annotations

from datetime import date

import streamlit as st

from pizarras.graficas import avance
from pizarras.lectura.navegacion import PAGINA_REGION
from pizarras.lectura.tableros.region import pizarra_region, tabla_organismos
from pizarras.ui import componentes
from pizarras.ui.chips import encabezado
from pizarras.ui.datos import tablero_compartido
from pizarras.ui.figuras import figura_declarada
from pizarras.ui.marco import exigir_marco
from pizarras.ui.navegacion import grafica_navegable, selector_unico
from pizarras.ui.tablas import mostrar_tabla

exigir_marco()

encabezado("Pizarra por región", con_alcance=False)
region = selector_unico("region", "Región", "Elija una región", key="pizarra_region_elegida")
if region is None:
    st.info(
        "Elija una región para comparar a sus organismos. También puede abrirla con un clic en una barra de «Avance "
        "por región» de la pizarra nacional.",
        icon=":material/touch_app:",
    )
    st.stop()

filtros = st.session_state["filtros"]
hoy = date.today()
pizarra = tablero_compartido(pizarra_region, filtros, region, hoy)
componentes.aviso_demo(pizarra.demo)

componentes.cifras(pizarra.cifras)
componentes.fecha_de_validacion(pizarra.ultima_validacion, filtros.solo_validadas)
componentes.nota_no_aplican(pizarra.no_aplican_compromisos, "los compromisos de gobierno abierto")
componentes.nota_no_aplican(pizarra.no_aplican_capacitaciones, "las capacitaciones")

if pizarra.vacia:
    componentes.estado_vacio(f"actividades en la {pizarra.nombre}")
    st.stop()

grafica_navegable(
    figura_declarada(pizarra.graficas["por_organismo"]), "organismo", key="region_grafica_organismo",
    desde=PAGINA_REGION,
)
st.caption("Haga clic en una barra para abrir la pizarra de ese organismo. " + avance.NOTA_ORDEN_AVANCE)

st.subheader("Organismos lado a lado")
tabla = tabla_organismos(pizarra.organismos)
mostrar_tabla(tabla)
if pizarra.organismos_sin_actividades:
    st.caption(f"Sin actividades con los filtros elegidos: {', '.join(pizarra.organismos_sin_actividades)}.")
componentes.descargas(tabla, f"region_{region}_organismos", f"Organismos de la {pizarra.nombre}", filtros)
