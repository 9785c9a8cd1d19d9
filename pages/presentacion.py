"""Presentación: open a deck full screen for a room (`?presentacion=CLAVE&diapositiva=N`), or choose one; logged-in
admins and enlaces build decks here. Slides show validated data only."""

from __future__ import annotations

import streamlit as st

from pizarras.escritura.permisos import NoAutorizado, exigir_escritura
from pizarras.publicacion import presentaciones
from pizarras.publicacion.diapositivas import VISTAS
from pizarras.texto import escapar_markdown
from pizarras.ui.datos import conexion
from pizarras.ui.escrituras import aviso_pendiente
from pizarras.ui.espanol import ELIJA_UNA
from pizarras.ui.marco import exigir_marco
from pizarras.ui.presentacion import AVISO_RED_LOCAL, gestos, presentar, proyectar, puerta_publica, vuelta
from pizarras.ui.presentacion_editor import editor, elegir_recien_guardada
from pizarras.ui.presentador import ventana_presentador

exigir_marco()
pedida = st.query_params.get("presentacion")
deck = presentaciones.leer(conexion(), pedida) if pedida else None
if deck is not None and deck.diapositivas:
    if st.query_params.get("presentador") == "1":
        ventana_presentador(deck)  # the presenter's second window: it drives the projector's
    else:
        proyectar(deck)
    st.stop()

st.title("Presentación")
aviso_pendiente()
if pedida:
    st.warning(f"No hay una presentación con la clave «{escapar_markdown(pedida)}». Elija una de la lista.")
st.caption(
    "Presentaciones para proyectar en talleres: pantalla completa, letra grande, con las flechas del teclado o el "
    "control del presentador (Re Pág / Av Pág). Cada diapositiva lleva un código QR para abrir la misma vista en el "
    "teléfono. Solo muestran registros validados."
)
decks = presentaciones.lista(conexion())
puerta = puerta_publica()  # once per run: reading it starts the static copy's upkeep, whose state it reports
if not decks:
    st.info("Aún no hay presentaciones. Inicie sesión para crear la primera.", icon=":material/slideshow:")
else:
    titulos = {d["clave"]: d for d in decks}
    elegir_recien_guardada("presentacion_elegida")
    clave = st.selectbox("Presentación", list(titulos), format_func=lambda c: titulos[c]["titulo"],
                         key="presentacion_elegida", placeholder=ELIJA_UNA)
    elegida = presentaciones.leer(conexion(), clave)
    if elegida.descripcion:
        st.text(elegida.descripcion)
    st.dataframe(
        [{"#": i, "Vista": VISTAS[d.vista].nombre if d.vista in VISTAS else d.vista, "Título": d.titulo or "",
          "Filtros": presentaciones.filtros_a_texto(d.filtros) or "Todos"}
         for i, d in enumerate(elegida.diapositivas, start=1)],
        hide_index=True, width="stretch",
    )
    parada = vuelta(clave)
    if parada is not None and parada <= len(elegida.diapositivas):
        st.info(f"La presentación se detuvo en la diapositiva {parada} de {len(elegida.diapositivas)}.",
                icon=":material/pause_presentation:")
    con_qr = True
    if puerta is not None:  # on 127.0.0.1 there is no QR to hide
        con_qr = st.toggle("Mostrar en cada diapositiva el código QR para el público", value=True,
                           key=f"presentacion_qr_{clave}")
    izquierda, centro, derecha, _ = st.columns([1, 1, 1, 1])
    # Full screen in this same tab: the click asks the browser for it (pizarras.ui.presentacion.gestos); Esc or
    # «Salir» leave it.
    if izquierda.button("Pantalla completa", icon=":material/fullscreen:", key="presentar_completa", type="primary",
                        width="stretch"):
        presentar(clave, con_qr=con_qr)
        st.rerun()
    if centro.button("Presentar aquí", icon=":material/slideshow:", key="presentar_aqui", width="stretch"):
        presentar(clave, con_qr=con_qr)
        st.rerun()
    if parada is not None and 1 < parada <= len(elegida.diapositivas) and derecha.button(
            f"Continuar en la {parada}", icon=":material/play_arrow:", key="presentar_continuar", width="stretch"):
        presentar(clave, parada, con_qr=con_qr)
        st.rerun()
    gestos()
if puerta is None:
    st.info(AVISO_RED_LOCAL, icon=":material/wifi:")
else:  # for the presenter only: the projected slide shows the QR code and its short link
    st.info(escapar_markdown(puerta.descripcion()), icon=":material/qr_code_2:")

usuario = st.session_state.get("usuario")
try:
    exigir_escritura(usuario)
except NoAutorizado:
    st.caption("Para crear o cambiar presentaciones, inicie sesión como administración o enlace.")
else:
    with st.expander("Crear o cambiar una presentación", icon=":material/edit:"):
        editor(usuario, decks)
