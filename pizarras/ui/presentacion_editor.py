"""The deck editor: a logged-in admin or enlace builds a deck once (title, interval, slides with their filters, in
order) and saves it through the core, which checks the role, the catalogs and the version, and audits the write.

A slide is chosen with the same controls as the boards' sidebar (a view, then one list per filter, each narrowed
by its parents), previewed before it goes in, and moved up or down the list; nobody types URL syntax.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from pizarras.escritura.cuentas import Usuario
from pizarras.etiquetas import todos
from pizarras.lectura.filtros import DEFINICIONES, Filtros, opciones_visibles
from pizarras.publicacion import diapositivas, presentaciones
from pizarras.publicacion.diapositivas import VISTAS
from pizarras.publicacion.presentaciones import Diapositiva, Presentacion
from pizarras.texto import escapar_markdown
from pizarras.ui.datos import conexion, tablero_compartido
from pizarras.ui.escrituras import escribir
from pizarras.ui.espanol import ELIJA_UNA

_LISTA = "_editor_presentacion_lista"  # the slides being edited (list of Diapositiva)
_CARGADA = "_editor_presentacion_de"  # the deck whose slides _LISTA holds
_EDITANDO = "_editor_presentacion_editando"  # index of the slide in the form; None = a new one
_PREVIA = "_editor_presentacion_previa"  # the slide to preview (Diapositiva), or None
_RECIEN_GUARDADA = "_editor_presentacion_guardada"  # the deck saved last, for the page's selector
_VISTA, _TITULO = "editor_diapositiva_vista", "editor_diapositiva_titulo"


def _clave_filtro(clave: str) -> str:
    return f"editor_diapositiva_{clave}"


def elegir_recien_guardada(clave_selector: str) -> None:
    """Choose the deck just saved in the page's selector (call before drawing it): a new deck is there at once."""
    guardada = st.session_state.pop(_RECIEN_GUARDADA, None)
    if guardada:
        st.session_state[clave_selector] = guardada


def puede_editar(usuario: Usuario | None, deck: dict) -> bool:
    return usuario is not None and (usuario.edita_lo_ajeno or deck["creada_por"] == usuario.usuario)


def _lista() -> list[Diapositiva]:
    return st.session_state[_LISTA]


def _filtros_del_formulario(opciones) -> Filtros:
    elegidos = {d.clave: [str(v) for v in st.session_state.get(_clave_filtro(d.clave), [])] for d in DEFINICIONES}
    return diapositivas.filtros_de({k: v for k, v in elegidos.items() if v}, opciones)


def _diapositiva_del_formulario(opciones) -> Diapositiva:
    titulo = str(st.session_state.get(_TITULO) or "").strip() or None
    return Diapositiva(st.session_state.get(_VISTA) or "nacional", _filtros_del_formulario(opciones).a_url(), titulo)


def _llenar_formulario(d: Diapositiva | None, opciones) -> None:
    """Put slide `d` (or a blank one) into the form's widgets (from a callback: before they are drawn)."""
    d = d or Diapositiva("nacional")
    filtros = diapositivas.filtros_de(d.filtros, opciones)
    st.session_state[_VISTA] = d.vista if d.vista in VISTAS else "nacional"
    st.session_state[_TITULO] = d.titulo or ""
    for definicion in DEFINICIONES:
        st.session_state[_clave_filtro(definicion.clave)] = list(filtros.valores(definicion.clave))


def _editar(i: int | None, opciones) -> None:
    st.session_state[_EDITANDO] = i
    st.session_state[_PREVIA] = None
    _llenar_formulario(None if i is None else _lista()[i], opciones)


def _mover(i: int, paso: int) -> None:
    lista, j = _lista(), i + paso
    if 0 <= j < len(lista):
        lista[i], lista[j] = lista[j], lista[i]
        if st.session_state.get(_EDITANDO) in (i, j):  # the form follows the slide it holds
            st.session_state[_EDITANDO] = j if st.session_state[_EDITANDO] == i else i


def _quitar(i: int, opciones) -> None:
    del _lista()[i]
    editando = st.session_state.get(_EDITANDO)
    if editando == i:
        _editar(None, opciones)
    elif editando is not None and editando > i:
        st.session_state[_EDITANDO] = editando - 1


def _poner(opciones) -> None:
    """The form's slide into the list: in place of the one being edited, or at the end."""
    d, i = _diapositiva_del_formulario(opciones), st.session_state.get(_EDITANDO)
    if i is None:
        _lista().append(d)
    else:
        _lista()[i] = d
    _editar(None, opciones)


def _desde_la_barra(opciones) -> None:
    filtros: Filtros = st.session_state["filtros"]
    for definicion in DEFINICIONES:
        st.session_state[_clave_filtro(definicion.clave)] = list(filtros.valores(definicion.clave))


def _previa(opciones) -> None:
    st.session_state[_PREVIA] = _diapositiva_del_formulario(opciones)


def _cargar(elegida: str) -> None:
    deck = presentaciones.leer(conexion(), elegida) if elegida else None
    st.session_state[_CARGADA] = elegida
    st.session_state[_LISTA] = list(deck.diapositivas) if deck else [Diapositiva("nacional")]
    _editar(None, st.session_state["opciones"])


def _texto(d: Diapositiva, opciones) -> str:
    nombre = VISTAS[d.vista].nombre if d.vista in VISTAS else d.vista
    partes = [nombre, d.titulo, diapositivas.texto_filtros(diapositivas.filtros_de(d.filtros, opciones), opciones)]
    return " — ".join(p for p in partes if p)


def _lista_de_diapositivas(opciones) -> None:
    lista = _lista()
    if not lista:
        st.caption("Sin diapositivas: agregue al menos una.")
    for i, d in enumerate(lista):
        fila = st.container(horizontal=True, vertical_alignment="center", key=f"editor_fila_{i}")
        fila.markdown(f"**{i + 1}.** {escapar_markdown(_texto(d, opciones))}", width="stretch")
        fila.button("Subir", key=f"editor_subir_{i}", icon=":material/arrow_upward:", on_click=_mover, args=(i, -1),
                    disabled=i == 0)
        fila.button("Bajar", key=f"editor_bajar_{i}", icon=":material/arrow_downward:", on_click=_mover,
                    args=(i, 1), disabled=i == len(lista) - 1)
        fila.button("Editar", key=f"editor_editar_{i}", icon=":material/edit:", on_click=_editar,
                    args=(i, opciones))
        fila.button("Quitar", key=f"editor_quitar_{i}", icon=":material/delete:", on_click=_quitar,
                    args=(i, opciones))


def _formulario(opciones) -> None:
    i = st.session_state.get(_EDITANDO)
    caja = st.container(border=True, key="editor_diapositiva")
    caja.markdown(f"**Diapositiva {i + 1}**" if i is not None else "**Nueva diapositiva**")
    caja.selectbox("Vista", list(VISTAS), format_func=lambda v: VISTAS[v].nombre, key=_VISTA, placeholder=ELIJA_UNA)
    caja.text_input("Título (opcional; vacío: el de la vista)", key=_TITULO)
    # The boards' sidebar controls: the same lists, each narrowed by its parents' choice.
    columnas = caja.columns(4)
    for n, definicion in enumerate(DEFINICIONES):
        visibles = opciones_visibles(definicion.clave, _filtros_del_formulario(opciones), opciones)
        nombres = {o.clave: o.nombre for o in visibles}
        clave = _clave_filtro(definicion.clave)
        st.session_state[clave] = [v for v in st.session_state.get(clave, []) if v in nombres]
        columnas[n % 4].multiselect(definicion.etiqueta, list(nombres), key=clave, placeholder=todos(definicion.clave),
                                    format_func=lambda v, nombres=nombres: nombres.get(v, str(v)), select_all=False)
    botones = caja.container(horizontal=True)
    botones.button("Vista previa", key="editor_vista_previa", icon=":material/visibility:", on_click=_previa,
                   args=(opciones,))
    botones.button("Agregar al final" if i is None else f"Guardar la diapositiva {i + 1}", key="editor_poner",
                   icon=":material/add:" if i is None else ":material/check:", on_click=_poner, args=(opciones,))
    botones.button("Usar los filtros de la barra lateral", key="editor_desde_barra",
                   icon=":material/filter_alt:", on_click=_desde_la_barra, args=(opciones,))
    if i is not None:
        botones.button("Cancelar", key="editor_cancelar", on_click=_editar, args=(None, opciones))
    previa = st.session_state.get(_PREVIA)
    if previa is not None:
        _vista_previa(caja.container(border=True, key="editor_previa"), previa, opciones)


def _vista_previa(caja, d: Diapositiva, opciones) -> None:
    """The slide as the deck will show it (validated data only), smaller."""
    filtros = diapositivas.filtros_de(d.filtros, opciones)
    texto = diapositivas.texto_filtros(filtros, opciones)
    lamina = tablero_compartido(diapositivas.lamina, d.vista, filtros, date.today(), d.titulo, texto)
    caja.caption("Vista previa")
    caja.subheader(escapar_markdown(lamina.titulo), anchor=False)
    caja.caption(escapar_markdown(" · ".join(t for t in (lamina.filtros_texto, lamina.validados) if t)))
    if lamina.kpis:
        for columna, (etiqueta, valor) in zip(caja.columns(len(lamina.kpis)), lamina.kpis, strict=True):
            columna.metric(etiqueta, valor)
    if lamina.figura is not None:
        figura = diapositivas.en_pantalla(lamina, diapositivas.Pantalla(960, 540), con_qr=False).figura
        caja.plotly_chart(figura, width="stretch", theme=None, config={"displayModeBar": False},
                          key="editor_previa_grafica")
    else:
        caja.info(lamina.mensaje or "Esta diapositiva no tiene datos.", icon=":material/info:")


def editor(usuario: Usuario, decks: list[dict]) -> None:
    """Create a deck or change one the user may change."""
    opciones = st.session_state["opciones"]
    propias = {d["clave"]: d for d in decks if puede_editar(usuario, d)}
    elegida = st.selectbox(
        "Presentación a editar", ["", *propias], key="editor_presentacion_clave",
        format_func=lambda c: "Nueva presentación" if not c else propias[c]["titulo"], placeholder=ELIJA_UNA,
    )
    if st.session_state.get(_CARGADA) != elegida or _LISTA not in st.session_state:
        _cargar(elegida)  # another deck chosen: load its slides
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
    st.markdown("**Diapositivas**, en el orden en que se presentan")
    _lista_de_diapositivas(opciones)
    _formulario(opciones)

    izquierda, derecha, _ = st.columns([1, 1, 2])
    if izquierda.button("Guardar la presentación", type="primary", icon=":material/save:", key="editor_guardar"):
        propuesta = Presentacion(
            clave, titulo, tuple(_lista()), descripcion.strip() or None, int(intervalo) or None,
            version=actual.version if actual else 0,
        )

        def guardar() -> None:
            presentaciones.guardar(conexion(), usuario, propuesta, opciones)
            st.session_state.pop(_CARGADA, None)  # the editor reads the saved slides again
            st.session_state[_RECIEN_GUARDADA] = clave

        escribir(guardar, f"Presentación guardada. Ábrala con ?presentacion={clave}.")
    if actual and derecha.button("Borrar", icon=":material/delete:", key="editor_borrar"):
        def borrar() -> None:
            presentaciones.borrar(conexion(), usuario, clave)
            st.session_state.pop(_CARGADA, None)

        escribir(borrar, "Presentación borrada.")

