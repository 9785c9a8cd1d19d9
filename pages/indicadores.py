"""Indicadores de los programas: per indicator, baseline → goals → achieved, and this year's state in words and
colour; the table with its downloads."""

from __future__ import annotations

from datetime import date

import streamlit as st

from pizarras.lectura.tableros import indicadores as tablero
from pizarras.ui import componentes
from pizarras.ui.chips import encabezado
from pizarras.ui.datos import tablero_compartido
from pizarras.ui.figuras import dibujar, figura_declarada
from pizarras.ui.indicadores import ficha, resumen_de_estados, titulo_con_estado
from pizarras.ui.marco import exigir_marco
from pizarras.ui.tablas import mostrar_tabla

exigir_marco()

encabezado(
    "Indicadores de los programas",
    "Las metas 2022-2026 de cada indicador del PROTAI y del PRONADATOS frente a lo logrado, por eje.",
    con_alcance=False,  # an indicator covers its whole programme: no place filter narrows it
)

filtros = st.session_state["filtros"]
pizarra = tablero_compartido(tablero.pizarra_indicadores, filtros, date.today())

if pizarra.catalogo_vacio:
    st.info(tablero.VACIO, icon=":material/upload_file:")
    st.stop()
aviso = pizarra.aviso_demo()
if aviso:
    st.info(aviso, icon=":material/science:")
componentes.nota_no_aplican(pizarra.no_aplican, "los indicadores")
if pizarra.vacia:
    componentes.estado_vacio("indicadores")
    st.stop()

resumen_de_estados(pizarra)
componentes.fecha_de_validacion(pizarra.ultima_validacion, filtros.solo_validadas)
st.caption(tablero.REGLA)

graficas = pizarra.graficas
for indicador in pizarra.indicadores:
    with st.container(border=True):
        titulo_con_estado(indicador)
        dibujar(figura_declarada(graficas[indicador.ficha["clave"]]))
        ficha(indicador)

st.subheader(f"Indicadores en {pizarra.anio}")
tabla = pizarra.tabla
mostrar_tabla(tabla)
componentes.descargas(tabla, "indicadores", f"Indicadores de los programas en {pizarra.anio}", filtros)
