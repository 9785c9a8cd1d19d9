"""Compromisos de gobierno abierto: KPIs, plans, status, policy areas, ODS alignment, STL membership, table + detail."""

from __future__ import annotations

from datetime import date

import streamlit as st

from pizarras import estilo
from pizarras.lectura.tableros import compromisos as tablero
from pizarras.ui import componentes
from pizarras.ui.chips import encabezado
from pizarras.ui.datos import consultar_directo, tablero_compartido
from pizarras.ui.detalle import mostrar_detalle, tabla_seleccionable
from pizarras.ui.figuras import dibujar, figura_declarada
from pizarras.ui.marco import exigir_marco
from pizarras.ui.tablas import mostrar_tabla

exigir_marco()

encabezado(
    "Compromisos de gobierno abierto",
    "Compromisos de los planes de acción locales de la estrategia Cocreación desde lo Local, co-creados por cada "
    "Secretariado Técnico Local (STL).",
)

filtros = st.session_state["filtros"]
hoy = date.today()
pizarra = tablero_compartido(tablero.pizarra_compromisos, filtros, hoy)
componentes.aviso_demo(pizarra.demo)

componentes.cifras(pizarra.cifras)
componentes.fecha_de_validacion(pizarra.ultima_validacion, filtros.solo_validadas)
componentes.nota_no_aplican(pizarra.no_aplican, "los compromisos de gobierno abierto")

if pizarra.vacia:
    componentes.estado_vacio("compromisos de gobierno abierto")
    st.stop()

graficas = pizarra.graficas
dibujar(figura_declarada(graficas["por_plan"]))
with st.expander("Planes de acción (tabla)"):
    mostrar_tabla(tablero.tabla_planes(pizarra.por_plan))

izquierda, derecha = st.columns(2)
dibujar(figura_declarada(graficas["por_estatus"]), izquierda)
if pizarra.sin_avance:
    izquierda.caption(
        f"Sin porcentaje de avance en su fuente (solo estatus): "
        f"{estilo.cantidad(pizarra.sin_avance, 'compromiso', 'compromisos')}; no cuentan en los promedios."
    )
dibujar(figura_declarada(graficas["por_area"]), derecha)
textos = estilo.cantidad(len(pizarra.por_area), "texto distinto", "textos distintos")
derecha.caption(
    f"Las fuentes nombran el área con texto libre ({textos}); "
    "se agrupan en un catálogo basado en las áreas de política de la Alianza para el Gobierno Abierto. La tabla "
    "dice qué textos reúne cada área."
)
with derecha.expander(f"Áreas de política y textos de las fuentes ({len(pizarra.areas)})"):
    mostrar_tabla(tablero.tabla_areas(pizarra.areas))

st.subheader("Alineación a los Objetivos de Desarrollo Sostenible")
dibujar(figura_declarada(graficas["por_ods"]))
if pizarra.alineaciones_demo:
    st.caption(
        f"**Alineaciones de demostración.** Ninguna fuente alinea cada compromiso a un ODS: las "
        f"{pizarra.alineaciones_demo} alineaciones mostradas son datos de demostración (columna «Alineación ODS de demostración» de la tabla). Sin filtros, "
        "los totales por ODS reproducen la tabla publicada por la Comisión de Gobierno Abierto y de Transparencia "
        "Proactiva del SNT (informe nov 2019 – nov 2020: 60 compromisos alineados, 24 al ODS 16)."
    )

st.subheader("Integrantes de los Secretariados Técnicos Locales")
componentes.nota_no_aplican(pizarra.no_aplican_stl, "los integrantes de los STL")
if pizarra.stl.empty:
    st.caption("No hay integrantes de STL registrados en las entidades elegidas.")
else:
    stl = tablero.stl_por_sector(pizarra.stl)
    izquierda, derecha = st.columns([3, 2])
    dibujar(figura_declarada(graficas["stl"]), izquierda)
    mostrar_tabla(stl, derecha)
    derecha.metric("Integrantes", estilo.entero(stl["Total"].sum()))
    if pizarra.stl_es_demo:
        st.caption(
            "**Desglose de demostración.** Solo los totales nacionales están publicados (184 integrantes: 105 del "
            "sector público, 62 de sociedad civil y sector privado, 17 de la academia; 110 hombres y 74 mujeres). "
            "El reparto por entidad es de demostración, así que las cifras filtradas por lugar no son reales."
        )

st.subheader("Compromisos")
st.caption("Seleccione una fila para ver todos sus campos, su fuente y su estatus según la fuente.")
tabla = pizarra.tabla
elegida = tabla_seleccionable(tabla, "tabla_compromisos")
componentes.descargas(
    tabla, "compromisos", "Compromisos de gobierno abierto filtrados", filtros,
    completa=lambda: tablero.compromisos_para_descarga(consultar_directo, filtros, hoy),
)
if elegida is not None:
    fila = pizarra.compromisos.iloc[elegida].to_dict()
    mostrar_detalle(
        fila, fila["titulo"], tablero.detalle_compromiso, tablero.fuentes_compromiso, tablero.avisos_compromiso,
        tabla="compromisos",
    )
