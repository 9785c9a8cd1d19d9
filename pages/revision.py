"""Revisión: the SNT secretariat validates what enlaces sent, or sends it back with a comment. The public boards
show each record's published version: the reviewer sees what an edit changes against it, validating publishes the
edit, sending it back keeps the published version."""

from __future__ import annotations

import streamlit as st

from pizarras.escritura import revision as nucleo
from pizarras.ui import autorreporte as vista
from pizarras.ui import revision
from pizarras.ui.datos import conexion
from pizarras.ui.escrituras import aviso_pendiente
from pizarras.ui.marco import exigir_marco

exigir_marco()

st.title("Revisión")
usuario = vista.exigir_sesion(
    "La Secretaría Ejecutiva valida aquí lo que envían los enlaces antes de que aparezca en las pizarras públicas."
)
aviso_pendiente()
if not usuario.ve_sin_validar:
    # Other organismos' unvalidated records are not an enlace's to read; its own are in Autorreporte.
    st.info("La Secretaría Ejecutiva revisa lo enviado. El estado de revisión de sus registros está en «Autorreporte».",
            icon=":material/info:")
    st.stop()
completa = nucleo.cola_de_revision(conexion())
if completa.empty:
    revision.avisos_pendientes()
    st.success("No hay registros pendientes de revisión.", icon=":material/task_alt:")
    st.stop()
filtro = revision.filtros(completa)
cola = nucleo.filtrar_cola(completa, filtro)
st.caption(f"{len(cola):,} de {len(completa):,} registros enviados a revisión, "
           f"{nucleo.ORDENES[filtro.orden].lower()}.")
if not usuario.puede_validar:
    st.info("Solo la Secretaría Ejecutiva (rol de administración) valida registros; su rol de evaluación puede "
            "consultarlos.",
            icon=":material/visibility:")
    revision.tabla_cola(cola)
else:
    revision.validar_en_bloque(usuario, cola)
revision.registro(usuario, cola)
