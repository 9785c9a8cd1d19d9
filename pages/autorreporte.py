"""Autorreporte: an organismo's staff keep its activities and its entidad's commitments current, and send them for
review; beside a published record, what the public sees and what awaits review, and «Retirar mis cambios». Shows
the login form when nobody is logged in."""

from __future__ import annotations

import streamlit as st

from pizarras.escritura import autorreporte
from pizarras.ui import autorreporte as vista
from pizarras.ui.datos import conexion, opciones_catalogos
from pizarras.ui.escrituras import aviso_pendiente
from pizarras.ui.espanol import ELIJA_UNA
from pizarras.ui.marco import exigir_marco

exigir_marco()

st.title("Autorreporte")
usuario = vista.exigir_sesion(
    "Los enlaces de cada organismo registran aquí el avance de sus actividades y de los compromisos de gobierno "
    "abierto de su entidad. Inicie sesión con la cuenta que le dio la Secretaría Ejecutiva."
)
aviso_pendiente()

if usuario.solo_su_organismo:
    organismo = usuario.organismo
else:
    nombres = {o.clave: o.nombre for o in opciones_catalogos()["organismo"]}
    organismo = st.selectbox("Organismo", list(nombres), format_func=nombres.get, key="autorreporte_organismo",
                             placeholder=ELIJA_UNA)
    if not usuario.escribe:
        st.info("Su rol es de evaluación: puede consultar todo, incluidos los borradores, pero no cambiar nada.",
                icon=":material/visibility:")

con = conexion()
vista.observados(autorreporte.observados_de(con, organismo))
listas = autorreporte.opciones_formulario(con)
actividades = autorreporte.actividades_de(con, organismo)
st.caption(f"{len(actividades):,} actividades registradas · organismo {organismo}")
pestanas = st.tabs(["Actividades", "Nueva actividad", "Compromisos de gobierno abierto", "Capacitaciones"])
with pestanas[0]:
    vista.tabla_actividades(actividades)
    if usuario.escribe:
        vista.editar_actividad(usuario, actividades, listas)
with pestanas[1]:
    if not usuario.escribe:
        st.caption("Solo los enlaces y la Secretaría Ejecutiva registran actividades.")
    else:
        vista.nueva_actividad(usuario, organismo, listas)
with pestanas[2]:
    entidad = autorreporte.entidad_de_organismo(con, organismo)
    compromisos = autorreporte.compromisos_de(con, entidad) if entidad else None
    if not usuario.escribe or compromisos is None:
        st.caption("Los compromisos los actualizan los enlaces de la entidad y la Secretaría Ejecutiva.")
    else:
        vista.editar_compromisos(usuario, compromisos, listas)
with pestanas[3]:
    if not usuario.escribe:
        st.caption("Las capacitaciones las registran los enlaces del organismo que las organizó.")
    else:
        vista.capacitaciones(usuario, organismo, autorreporte.capacitaciones_de(con, organismo), listas)
