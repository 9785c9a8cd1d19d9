"""Pizarra por organismo: its activities by eje and status, what is overdue, its last report, the commitments of its
entidad and the trainings it organised, under the global filters."""

from __future__ import annotations

from datetime import date

import streamlit as st

from pizarras import estilo
from pizarras.lectura.tableros import listado_completo
from pizarras.lectura.tableros import organismo as tablero
from pizarras.lectura.tableros.nacional import tabla_para_mostrar
from pizarras.ui import componentes, evolucion
from pizarras.ui.chips import encabezado
from pizarras.ui.datos import consultar_directo, tablero_compartido
from pizarras.ui.marco import exigir_marco
from pizarras.ui.navegacion import selector_unico
from pizarras.ui.tablas import mostrar_tabla

exigir_marco()

encabezado("Pizarra por organismo", con_alcance=False)
clave = selector_unico("organismo", "Organismo", "Elija un organismo", key="pizarra_organismo_elegido")
if clave is None:
    st.info(
        "Elija un organismo para ver su pizarra. También puede abrirla con un clic en la pizarra nacional, la de "
        "región o el mapa.",
        icon=":material/touch_app:",
    )
    st.stop()

filtros = st.session_state["filtros"]
hoy = date.today()
pizarra = tablero_compartido(tablero.pizarra_organismo, filtros, clave, hoy)
ficha = pizarra.ficha
sigla = ficha["sigla"]
st.caption(f"{ficha['nombre']} · {ficha['entidad_nombre']} · {ficha['region_nombre']}")
componentes.aviso_demo(pizarra.demo)

componentes.cifras(pizarra.cifras)
componentes.fecha_de_validacion(pizarra.ultima_validacion, filtros.solo_validadas)
componentes.nota_no_aplican(pizarra.no_aplican_compromisos, "los compromisos de gobierno abierto")
componentes.nota_no_aplican(pizarra.no_aplican_capacitaciones, "las capacitaciones")

if pizarra.vacia:
    componentes.estado_vacio(f"actividades, compromisos ni capacitaciones de {sigla}")
    st.stop()



def tabla_con_descargas(tabla, nombre: str, titulo: str, consulta: str | None = None, para_mostrar=None) -> None:
    """The table and its CSV/XLSX downloads; a table cut at the visible rows downloads every row of `consulta`,
    shaped by `para_mostrar`."""
    mostrar_tabla(tabla)
    completa = None
    if consulta is not None:
        filtros_organismo = filtros.con(organismo=[clave])
        completa = lambda: para_mostrar(listado_completo(consultar_directo, consulta, filtros_organismo, hoy=hoy))  # noqa: E731
    componentes.descargas(tabla, f"{clave}_{nombre}", f"{titulo} — {sigla}", filtros, completa=completa)


por_eje, vencidas, actividades, compromisos, capacitaciones = st.tabs(
    ["Por eje y estatus", "Vencidas", "Actividades", "Compromisos", "Capacitaciones"]
)
with por_eje:
    if pizarra.sin_actividades:
        componentes.estado_vacio(f"actividades de {sigla}")
    else:
        tabla_con_descargas(tablero.tabla_ejes(pizarra.por_eje), "actividades_por_eje", "Actividades por eje y estatus")
        st.caption(tablero.NOTA_EJES)
with vencidas:
    if pizarra.vencidas.empty:
        st.success(
            f"{sigla} no tiene actividades vencidas al {estilo.fecha(hoy)} con los filtros elegidos.",
            icon=":material/check_circle:",
        )
    else:
        tabla_con_descargas(
            tablero.tabla_vencidas(pizarra.vencidas), "actividades_vencidas", "Actividades vencidas",
            "tableros/actividades_vencidas", tablero.tabla_vencidas,
        )
with actividades:
    if pizarra.sin_actividades:
        componentes.estado_vacio(f"actividades de {sigla}")
    else:
        tabla_con_descargas(
            tabla_para_mostrar(pizarra.actividades), "actividades", "Actividades", "tableros/actividades_tabla", tabla_para_mostrar
        )
with compromisos:
    if not pizarra.es_local:
        st.caption(
            f"Los compromisos de gobierno abierto son de los planes de acción de las entidades; {sigla} es un "
            "integrante federal."
        )
    elif pizarra.compromisos.empty:
        componentes.estado_vacio(f"compromisos de gobierno abierto de {ficha['entidad_nombre']}")
    else:
        tabla_con_descargas(
            tablero.tabla_compromisos(pizarra.compromisos), "compromisos",
            f"Compromisos de gobierno abierto de {ficha['entidad_nombre']}", "tableros/compromisos_tabla", tablero.tabla_compromisos,
        )
with capacitaciones:
    if pizarra.capacitaciones.empty:
        componentes.estado_vacio(f"capacitaciones organizadas por {sigla}")
    else:
        tabla_con_descargas(
            tablero.tabla_capacitaciones(pizarra.capacitaciones), "capacitaciones", "Capacitaciones organizadas",
            "tableros/capacitaciones_tabla", tablero.tabla_capacitaciones,
        )

evolucion.avance_en_el_tiempo(filtros, clave, sigla)
