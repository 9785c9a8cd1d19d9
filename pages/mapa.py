"""Mapa: the 32 entidades as a tile grid coloured by a chosen measure; a tile or the selector opens the board of the
entidad's organismo garante. Drawn without geographic data, so it works with no internet access."""

from __future__ import annotations

import streamlit as st

from pizarras.graficas.mapa import figura_mapa
from pizarras.lectura.navegacion import clave_seleccionada, destino_de_entidad
from pizarras.lectura.tableros.mapa import MEDIDAS, mapa_entidades, nota_grises, tabla_entidades
from pizarras.ui import componentes
from pizarras.ui.chips import encabezado
from pizarras.ui.datos import tablero_compartido
from pizarras.ui.figuras import dibujar, figura
from pizarras.ui.marco import exigir_marco
from pizarras.ui.navegacion import clic_nuevo, ir_a, puntos_elegidos
from pizarras.ui.tablas import mostrar_tabla

exigir_marco()

encabezado(
    "Mapa de avance por entidad",
    "Cada cuadro es una entidad federativa, colocado de forma aproximada a su ubicación. Haga clic en un cuadro "
    "para abrir la pizarra de su organismo garante.",
)

filtros = st.session_state["filtros"]
opciones = st.session_state["opciones"]
medida = st.radio(
    "Medida", options=list(MEDIDAS), format_func=lambda c: MEDIDAS[c].etiqueta, horizontal=True, key="mapa_medida"
)
mapa = tablero_compartido(mapa_entidades, filtros)
componentes.aviso_demo(mapa.demo(medida))
componentes.fecha_de_validacion(mapa.ultima_validacion(medida), filtros.solo_validadas)
componentes.nota_no_aplican(mapa.no_aplican[medida], f"la medida «{MEDIDAS[medida].etiqueta}»")
if mapa.vacio(medida):
    componentes.estado_vacio(f"{MEDIDAS[medida].que} en las entidades federativas")

evento = dibujar(
    figura(figura_mapa, mapa, medida), width="content", on_select="rerun", selection_mode="points", key="mapa_entidades"
)
ir_a(destino_de_entidad(clic_nuevo("mapa_entidades", clave_seleccionada(puntos_elegidos(evento))), filtros, opciones))

nombres = {o.clave: o.nombre for o in opciones["entidad"] if o.clave in set(mapa.entidades["entidad"])}
entidad = st.selectbox(
    "Abrir la pizarra del organismo garante de",
    options=list(nombres),
    format_func=lambda c: nombres[c],
    index=None,
    placeholder="Elija una entidad",
    key="mapa_entidad",
)
ir_a(destino_de_entidad(entidad, filtros, opciones))
st.caption(nota_grises(medida))

if not mapa.vacio(medida):
    st.subheader("Entidades")
    tabla = tabla_entidades(mapa, medida)
    mostrar_tabla(tabla)
    componentes.descargas(tabla, f"mapa_{medida}", f"Mapa por entidad — {MEDIDAS[medida].etiqueta}", filtros)
