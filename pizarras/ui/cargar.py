"""The upload screen: template, upload, the row-level report or the preview, confirmation, and the list of batches
with their rollback (admins). Every check and write is the core's (pizarras.cargas)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pizarras.cargas.hojas import ArchivoInvalido
from pizarras.cargas.importar import importaciones, importar
from pizarras.cargas.reversion import revertir
from pizarras.cargas.revision import Revision, informe_de_errores, muestra, revisar
from pizarras.escritura.cuentas import Usuario
from pizarras.texto import escapar_markdown
from pizarras.ui import datos
from pizarras.ui.escrituras import escribir

_REVISION = "_revision_carga"


def revisar_subido(usuario: Usuario, archivo, tipo: str) -> Revision | None:
    """Check the uploaded file once (kept per file content and kind across reruns); None after a Spanish error."""
    contenido = archivo.getvalue()
    huella = (tipo, archivo.name, len(contenido), hash(contenido))
    guardada = st.session_state.get(_REVISION)
    if guardada is not None and guardada[0] == huella:
        return guardada[1]
    try:
        with st.spinner("Revisando el archivo fila por fila…"):
            revision = revisar(datos.conexion(), usuario, archivo.name, contenido, tipo)
    except ArchivoInvalido as error:
        st.error(escapar_markdown(str(error)), icon=":material/error:")
        return None
    st.session_state[_REVISION] = (huella, revision)
    return revision


def informe(revision: Revision) -> None:
    for aviso in revision.avisos:
        st.caption(aviso)
    if not revision.valida:
        filas, errores = len({e.fila for e in revision.errores}), len(revision.errores)
        st.error(f"El archivo tiene {errores:,} {'error' if errores == 1 else 'errores'} en {filas:,} "
                 f"{'fila' if filas == 1 else 'filas'}; no se importó nada. Corríjalo y súbalo de nuevo.",
                 icon=":material/error:")
        st.dataframe(pd.DataFrame([{"Fila": e.fila, "Columna": e.columna, "Qué corregir": e.mensaje}
                                   for e in revision.errores]), hide_index=True)
        st.download_button("Descargar el informe de errores (XLSX)", informe_de_errores(revision),
                           file_name="errores_de_carga.xlsx", icon=":material/download:", on_click="ignore")
        return
    columnas = st.columns(3)
    columnas[0].metric("Nuevas", f"{revision.cuenta('insertar'):,}")
    columnas[1].metric("Cambian", f"{revision.cuenta('actualizar'):,}")
    columnas[2].metric("Sin cambio", f"{revision.cuenta('sin_cambio'):,}")
    st.caption("Así quedarán guardadas las primeras filas:")
    st.dataframe(pd.DataFrame(muestra(revision)), hide_index=True)


def confirmar(usuario: Usuario, revision: Revision) -> None:
    cambios = revision.cuenta("insertar") + revision.cuenta("actualizar")
    if not cambios:
        st.info("El archivo no cambia nada de lo registrado.", icon=":material/check:")
        return
    validar = usuario.puede_validar and st.checkbox("Validar las filas al importarlas (si no, quedan enviadas a "
                                                    "revisión)", key="carga_validar")
    if st.button(f"Importar {cambios:,} {'fila' if cambios == 1 else 'filas'}", type="primary",
                 key="carga_importar"):
        st.session_state.pop(_REVISION, None)
        escribir(lambda: importar(datos.conexion(), usuario, revision, validar=validar),
                 f"Archivo importado: {revision.cuenta('insertar'):,} nuevas y {revision.cuenta('actualizar'):,} "
                 "cambiadas" + (", validadas." if validar else ", enviadas a revisión."))


def lotes(usuario: Usuario) -> None:
    tabla = importaciones(datos.conexion())
    st.subheader("Importaciones")
    if tabla.empty:
        st.caption("Aún no hay importaciones.")
        return
    st.dataframe(tabla, hide_index=True, column_config={
        "id": st.column_config.NumberColumn("Núm.", format="%d"),
        "en": st.column_config.DatetimeColumn("Fecha", format="DD/MM/YYYY HH:mm"), "usuario": "Usuario",
        "tipo": "Tipo", "archivo": "Archivo", "insertadas": "Nuevas", "actualizadas": "Cambiadas",
        "sin_cambio": "Sin cambio", "validadas": "Validadas",
        "revertida_en": st.column_config.DatetimeColumn("Revertida", format="DD/MM/YYYY HH:mm"),
        "revertida_por": "Revertida por"})
    if not usuario.puede_validar:
        return
    vigentes = [int(i) for i, r in zip(tabla["id"], tabla["revertida_en"], strict=True) if pd.isna(r)]
    if not vigentes:
        return
    columnas = st.columns([2, 1])
    elegida = columnas[0].selectbox("Importación a revertir", vigentes, format_func=lambda i: f"Núm. {i}",
                                    key="carga_revertir")
    if columnas[1].button("Revertir", key="carga_revertir_boton"):
        escribir(lambda: revertir(datos.conexion(), usuario, elegida),
                 f"Importación {elegida} revertida: todo quedó como estaba antes de ella.")
