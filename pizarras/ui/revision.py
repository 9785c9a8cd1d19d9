"""The review queue: bulk validation and sending a record back with a comment (admins; the core checks it too)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pizarras.escritura import autorreporte
from pizarras.escritura.cuentas import Usuario
from pizarras.ui import datos
from pizarras.ui.autorreporte import PROGRESO
from pizarras.ui.escrituras import escribir

TIPOS = {"actividades": "Actividad", "compromisos": "Compromiso", "capacitaciones": "Capacitación"}
_COLUMNAS = {
    "tipo": "Tipo", "id": st.column_config.NumberColumn("Núm.", format="%d"), "quien": "Organismo o entidad",
    "titulo": "Título", "estatus": "Estatus", "avance": PROGRESO,
    "evidencia_url": st.column_config.LinkColumn("Evidencia"), "reportado_por": "Reportó",
    "reportado_en": st.column_config.DatetimeColumn("Enviado", format="DD/MM/YYYY HH:mm"),
}


def _vista(cola: pd.DataFrame) -> pd.DataFrame:
    return cola.assign(tipo=cola["tabla"].map(TIPOS))


def tabla_cola(cola: pd.DataFrame) -> None:
    st.dataframe(_vista(cola), hide_index=True, column_order=list(_COLUMNAS), column_config=_COLUMNAS)


def validar_en_bloque(usuario: Usuario, cola: pd.DataFrame) -> None:
    editada = st.data_editor(
        _vista(cola).assign(validar=False),
        hide_index=True,
        column_order=["validar", *_COLUMNAS],
        column_config={"validar": st.column_config.CheckboxColumn("Validar", default=False), **_COLUMNAS},
        disabled=list(_COLUMNAS),
        key=f"cola_{len(cola)}_{int(cola['version'].sum())}",
    )
    elegidas = editada[editada["validar"]]
    columnas = st.columns(2)
    todas = columnas[0].button(f"Validar todas ({len(cola):,})", key="validar_todas")
    seleccion = columnas[1].button(f"Validar seleccionadas ({len(elegidas):,})", type="primary",
                                   disabled=elegidas.empty, key="validar_seleccion")
    if todas or seleccion:
        registros = [(f["tabla"], int(f["id"]), int(f["version"]))
                     for f in (cola if todas else elegidas).to_dict("records")]
        escribir(lambda: autorreporte.validar_varios(datos.conexion(), usuario, registros),
                 (f"{len(registros):,} registros validados: ya cuentan" if len(registros) > 1
                  else "1 registro validado: ya cuenta") + " en las pizarras públicas.")


def observar(usuario: Usuario, cola: pd.DataFrame) -> None:
    st.subheader("Devolver con observaciones")
    filas = {(f["tabla"], int(f["id"])): f for f in cola.to_dict("records")}
    elegido = st.selectbox(
        "Registro", list(filas),
        format_func=lambda k: f"{TIPOS[k[0]]} #{k[1]} · {filas[k]['quien']} · {filas[k]['titulo'][:80]}",
        key="observar_registro",
    )
    with st.form("observar"):
        comentario = st.text_area("Qué debe corregir el enlace", max_chars=2000)
        devolver = st.form_submit_button("Devolver al enlace")
    if devolver:
        fila = filas[elegido]
        escribir(lambda: autorreporte.cambiar_revision(datos.conexion(), usuario, fila["tabla"], int(fila["id"]),
                                                       int(fila["version"]), "observar", comentario),
                 "Registro devuelto al enlace con sus observaciones.")
