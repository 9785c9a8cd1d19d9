"""The deck editor: a logged-in admin or enlace builds a deck once (title, interval, slides with their filters, in
order) and saves it through the core, which checks the role, the catalogs and the version, and audits the write."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pizarras.escritura.cuentas import Usuario
from pizarras.publicacion import presentaciones
from pizarras.publicacion.diapositivas import VISTAS
from pizarras.publicacion.presentaciones import Diapositiva, Presentacion
from pizarras.ui.datos import conexion
from pizarras.ui.escrituras import escribir
from pizarras.ui.espanol import ELIJA_UNA

_FILAS = "_editor_presentacion_filas"
_CARGADA = "_editor_presentacion_de"  # the deck whose rows _FILAS holds
_VUELTA = "_editor_presentacion_vuelta"  # a new key for the table editor whenever its rows are replaced
_RECIEN_GUARDADA = "_editor_presentacion_guardada"  # the deck saved last, for the page's selector
_NOMBRES_VISTA = {v.nombre: v.clave for v in VISTAS.values()}
_COLUMNAS = ["Vista", "Título (opcional)", "Filtros"]


def elegir_recien_guardada(clave_selector: str) -> None:
    """Choose the deck just saved in the page's selector (call before drawing it): a new deck is there at once."""
    guardada = st.session_state.pop(_RECIEN_GUARDADA, None)
    if guardada:
        st.session_state[clave_selector] = guardada


def puede_editar(usuario: Usuario | None, deck: dict) -> bool:
    return usuario is not None and (usuario.edita_lo_ajeno or deck["creada_por"] == usuario.usuario)


def _filas_de(presentacion: Presentacion | None) -> pd.DataFrame:
    if presentacion is None:
        return pd.DataFrame([{"Vista": VISTAS["nacional"].nombre, "Título (opcional)": "", "Filtros": ""}])
    return pd.DataFrame([
        {"Vista": VISTAS[d.vista].nombre if d.vista in VISTAS else d.vista, "Título (opcional)": d.titulo or "",
         "Filtros": presentaciones.filtros_a_texto(d.filtros)}
        for d in presentacion.diapositivas
    ], columns=_COLUMNAS)


def _diapositivas_de(filas: pd.DataFrame) -> tuple[Diapositiva, ...]:
    return tuple(
        Diapositiva(_NOMBRES_VISTA.get(f["Vista"], str(f["Vista"])),
                    presentaciones.filtros_desde_texto(str(f["Filtros"] or "")),
                    str(f["Título (opcional)"] or "").strip() or None)
        for f in filas.to_dict("records") if f.get("Vista")
    )


def editor(usuario: Usuario, decks: list[dict]) -> None:
    """Create a deck or change one the user may change."""
    propias = {d["clave"]: d for d in decks if puede_editar(usuario, d)}
    elegida = st.selectbox(
        "Presentación a editar", ["", *propias], key="editor_presentacion_clave",
        format_func=lambda c: "Nueva presentación" if not c else propias[c]["titulo"], placeholder=ELIJA_UNA,
    )
    if st.session_state.get(_CARGADA) != elegida:  # another deck chosen: load its rows
        st.session_state[_CARGADA] = elegida
        st.session_state[_FILAS] = _filas_de(presentaciones.leer(conexion(), elegida) if elegida else None)
        st.session_state[_VUELTA] = st.session_state.get(_VUELTA, 0) + 1
    actual = presentaciones.leer(conexion(), elegida) if elegida else None

    titulo = st.text_input("Título", value=actual.titulo if actual else "", key=f"editor_titulo_{elegida}")
    sugerida = presentaciones.clave_desde_titulo(titulo)
    clave = elegida or st.text_input(
        "Clave para el enlace (?presentacion=…)", key="editor_clave_nueva", placeholder=sugerida or "taller-norte",
        help="Letras minúsculas sin acentos, números y guiones. Vacía: la que sale del título.",
    ).strip() or sugerida
    descripcion = st.text_area("Descripción", value=(actual.descripcion or "") if actual else "",
                               key=f"editor_descripcion_{elegida}")
    intervalo = st.number_input(
        "Avanzar sola cada (segundos; 0 = a mano)", min_value=0, max_value=presentaciones.INTERVALO_MAXIMO,
        value=int(actual.intervalo or 0) if actual else 0, key=f"editor_intervalo_{elegida}",
    )
    st.caption(
        "Una fila por diapositiva, en orden. «Filtros» se escribe como en la dirección de una pizarra, p. ej. "
        "region=norte&ods=16 (o pegue la dirección completa). «Agregar con los filtros actuales» usa los de la "
        "barra lateral."
    )
    filas = st.data_editor(
        st.session_state[_FILAS], key=f"editor_filas_{st.session_state[_VUELTA]}", num_rows="dynamic",
        hide_index=True, width="stretch",
        column_config={"Vista": st.column_config.SelectboxColumn("Vista", options=list(_NOMBRES_VISTA),
                                                                  required=True)},
    )
    izquierda, centro, derecha = st.columns([2, 1, 1])
    if izquierda.button("Agregar con los filtros actuales", icon=":material/add:", key="editor_agregar"):
        actuales = presentaciones.filtros_a_texto(st.session_state["filtros"].a_url())
        nueva = pd.DataFrame([{"Vista": VISTAS["nacional"].nombre, "Título (opcional)": "", "Filtros": actuales}])
        st.session_state[_FILAS] = pd.concat([filas, nueva], ignore_index=True)
        st.session_state[_VUELTA] += 1
        st.rerun()
    if centro.button("Guardar", type="primary", icon=":material/save:", key="editor_guardar"):
        propuesta = Presentacion(
            clave, titulo, _diapositivas_de(filas), descripcion.strip() or None, int(intervalo) or None,
            version=actual.version if actual else 0,
        )

        def guardar() -> None:
            presentaciones.guardar(conexion(), usuario, propuesta, st.session_state["opciones"])
            st.session_state.pop(_CARGADA, None)  # the editor reads the saved rows again
            st.session_state[_RECIEN_GUARDADA] = clave

        escribir(guardar, f"Presentación guardada. Ábrala con ?presentacion={clave}.")
    if actual and derecha.button("Borrar", icon=":material/delete:", key="editor_borrar"):
        def borrar() -> None:
            presentaciones.borrar(conexion(), usuario, clave)
            st.session_state.pop(_CARGADA, None)

        escribir(borrar, "Presentación borrada.")
