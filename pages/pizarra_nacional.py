"""Pizarra nacional: KPIs, progress by eje, región and organismo, status breakdown and the activities table, whose
rows open an activity's detail (with what the public saw of it over time). A click on a región, eje or organismo
bar opens the matching board with that filter set."""

from __future__ import annotations

from datetime import date

import streamlit as st

from pizarras.graficas import avance
from pizarras.lectura.navegacion import PAGINA_NACIONAL
from pizarras.lectura.tableros import nacional as tablero
from pizarras.lectura.tableros.nacional import actividades_para_descarga, pizarra_nacional
from pizarras.ui import componentes, evolucion
from pizarras.ui.chips import encabezado
from pizarras.ui.datos import consultar_directo, tablero_compartido
from pizarras.ui.detalle import mostrar_detalle
from pizarras.ui.figuras import dibujar, figura_declarada
from pizarras.ui.marco import exigir_marco
from pizarras.ui.navegacion import grafica_navegable
from pizarras.ui.tablas import tabla_al_pie

exigir_marco()
encabezado(
    "Pizarra de avance",
    "Actividades autorreportadas por los integrantes del SNT en PROTAI, PRONADATOS y los planes de trabajo de las comisiones.",
    nacional="Pizarra nacional de avance",
)

filtros = st.session_state["filtros"]
hoy = date.today()
pizarra = tablero_compartido(pizarra_nacional, filtros, hoy)
componentes.aviso_demo(pizarra.demo)

componentes.cifras(pizarra.cifras)
componentes.fecha_de_validacion(pizarra.ultima_validacion, filtros.solo_validadas)
componentes.nota_no_aplican(pizarra.no_aplican_compromisos, "los compromisos de gobierno abierto")
componentes.nota_no_aplican(pizarra.no_aplican_capacitaciones, "las capacitaciones")

if pizarra.vacia:
    componentes.estado_vacio()
    st.stop()

st.caption("Haga clic en una barra de región, eje u organismo para abrir su pizarra con ese filtro.")
st.caption(avance.NOTA_ORDEN_AVANCE)
graficas = pizarra.graficas
izquierda, derecha = st.columns(2)
dibujar(figura_declarada(graficas["por_estatus"]), izquierda)
grafica_navegable(
    figura_declarada(graficas["por_region"]), "region", key="nacional_grafica_region", desde=PAGINA_NACIONAL,
    contenedor=derecha,
)
# Full width: eje names are long, and at half width they left no room for the bars and their figures.
grafica_navegable(
    figura_declarada(graficas["por_eje_tematico"]), "eje", key="nacional_grafica_eje_tematico", desde=PAGINA_NACIONAL,
)
if pizarra.por_eje_transversal.empty:
    st.caption("Las actividades filtradas no tienen ejes transversales.")
else:
    grafica_navegable(
        figura_declarada(graficas["por_eje_transversal"]), "eje", key="nacional_grafica_eje_transversal",
        desde=PAGINA_NACIONAL,
    )
grafica_navegable(
    figura_declarada(graficas["por_organismo"]), "organismo", key="nacional_grafica_organismo", desde=PAGINA_NACIONAL,
)
if not pizarra.por_eje_tematico["verificado"].all():
    st.caption("Los nombres de los ejes de PROTAI y PRONADATOS 2022-2026 no están verificados contra el DOF; se corregirán en el catálogo.")

st.subheader("Actividades")
st.caption("Seleccione una fila para ver todos sus campos, su evidencia y las versiones que ha visto el público.")
tabla = pizarra.tabla
elegida = tabla_al_pie(tabla, "tabla_nacional", "actividades", seleccionable=True)
componentes.descargas(
    tabla, "actividades", "Actividades filtradas — Pizarra nacional", filtros,
    completa=lambda: actividades_para_descarga(consultar_directo, filtros),
)
if elegida is not None:
    fila = pizarra.actividades.iloc[elegida].to_dict()
    mostrar_detalle(fila, fila["titulo"], tablero.detalle_actividad, tablero.fuentes_actividad,
                    tablero.avisos_actividad, tabla="actividades")

evolucion.cambio_desde(filtros, date.today())
