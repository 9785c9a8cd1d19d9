"""Cargar: staff upload a spreadsheet of activities, trainings or commitments' progress (a template filled with their
records), see every problem by row and column and a preview that leads with the new and changed rows, and confirm;
after the import the page shows what was written and clears the file; admins roll a batch back in two steps."""

from __future__ import annotations

import streamlit as st

from pizarras.cargas.plantillas import plantilla
from pizarras.ui import autorreporte as vista
from pizarras.ui import cargar
from pizarras.ui.datos import conexion, opciones_catalogos
from pizarras.ui.escrituras import aviso_pendiente
from pizarras.ui.espanol import ELIJA_UNA
from pizarras.ui.marco import exigir_marco

exigir_marco()

st.title("Cargar")
usuario = vista.exigir_sesion(
    "Suba aquí las actividades o las capacitaciones de su organismo en una hoja de cálculo (la plantilla XLSX o un "
    "CSV). Inicie sesión con su cuenta de enlace."
)
aviso_pendiente()
if not usuario.escribe:
    st.info("Su rol es de evaluación: puede ver las importaciones, pero no cargar archivos.",
            icon=":material/visibility:")
    cargar.lotes(usuario)
    st.stop()

TIPOS = {"actividades": "Actividades", "capacitaciones": "Capacitaciones que organizó",
         "compromisos": "Avance de compromisos de su entidad"}
tipo = st.radio("Qué va a cargar", list(TIPOS), format_func=TIPOS.get, horizontal=True, key="carga_tipo")
st.subheader("1. Plantilla")
if usuario.solo_su_organismo:
    organismo = usuario.organismo
else:
    nombres = {o.clave: o.nombre for o in opciones_catalogos()["organismo"]}
    organismo = st.selectbox("Llenar la plantilla con los registros de", [None, *nombres],
                             format_func=lambda c: "Ningún organismo (plantilla vacía)" if c is None else nombres[c],
                             key="carga_organismo", placeholder=ELIJA_UNA)
st.download_button(
    "Descargar plantilla (XLSX)" + (f" con los registros de {organismo}" if organismo else ""),
    plantilla(conexion(), tipo, organismo), file_name=f"plantilla_{tipo}_{organismo or 'vacia'}.xlsx",
    icon=":material/download:", on_click="ignore",
)
st.caption("Edite las filas (no cambie el ID), agregue las nuevas y súbala. También se acepta CSV (UTF-8 o "
           "Windows-1252, con coma o punto y coma).")

st.subheader("2. Subir el archivo")
archivo = cargar.subir()
revisado = cargar.revisar_subido(usuario, archivo, tipo) if archivo is not None else None
if revisado is not None:
    revision, vista = revisado
    cargar.informe(revision, vista)
# An import's result (or conflict) appears where the eye is: above «Importar», or right under the uploader once
# the import cleared the file.
zona = cargar.zona_de_importacion()
if revisado is None:
    cargar.resultado(usuario)
elif revision.valida:
    cargar.confirmar(usuario, revision, vista, zona)
cargar.lotes(usuario)
