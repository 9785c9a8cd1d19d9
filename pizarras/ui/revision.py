"""The review page's widgets: the queue's filters, validation in two steps, and the chosen record (what validating
it changes for the public, validate it, send it back with a comment). The decisions are the core's
(pizarras.escritura.revision).

What a validation changes (the published version against the pending one, and each record's line in the plan) is
drawn as a static table of text, so a reviewer reads, searches and copies it like the rest of the page (a data grid
is a canvas); st.table reads Markdown, so every cell is escaped. A plan too long to read as a page (more than
`_EN_TEXTO` records) goes to a scrolling grid.

A comment belongs to the record it was written for: the chosen record is kept as the reviewer saw it (its version),
its form and text area are keyed by (tabla, id, version), and its messages go to a zone named after the record, so
a queue that changes under the reviewer can neither move a comment to another record nor hide the answer.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pizarras.escritura import revision
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.cuentas import Usuario
from pizarras.texto import escapar_markdown
from pizarras.ui import datos
from pizarras.ui.escrituras import escribir, zona_de_aviso
from pizarras.ui.espanol import ELIJA_UNA, ELIJA_VARIAS
from pizarras.ui.tablas import tabla_de_texto

_PLAN = "_revision_plan"  # the first step of a validation: {"registros": [...], "plan": PlanDeValidacion}
_ELEGIDO = "_revision_elegido"  # the chosen record as the reviewer saw it (a queue row)
_ULTIMO_LUGAR = "_revision_ultimo_lugar"  # the zone of the last record acted on
_SELECTOR = "revision_registro"
_GENERACION = "_revision_generacion_selector"
_LOTE = "revision-lote"
_NOMBRADOS = 10  # rule-breakers named in the warning; the table lists them all
_EN_TEXTO = 200  # plan rows drawn as text; a longer plan scrolls in a grid


def _lugar(tabla: str, id_: int) -> str:
    return f"revision-{tabla}-{id_}"


def filtros(cola: pd.DataFrame) -> revision.FiltroCola:
    """The queue's filters (organismo or entidad, kind, age, order)."""
    columnas = st.columns([3, 2, 2, 2])
    quien = columnas[0].multiselect("Organismo o entidad", sorted(cola["quien"].dropna().unique()),
                                    placeholder=ELIJA_VARIAS, key="revision_quien")
    tipos = columnas[1].multiselect("Tipo", list(revision.TIPOS), format_func=revision.TIPOS.get,
                                    placeholder=ELIJA_VARIAS, key="revision_tipos")
    antiguedad = columnas[2].selectbox("Enviado hace", list(revision.ANTIGUEDADES),
                                       format_func=lambda k: revision.ANTIGUEDADES[k][0], placeholder=ELIJA_UNA,
                                       key="revision_antiguedad")
    orden = columnas[3].selectbox("Orden", list(revision.ORDENES), format_func=revision.ORDENES.get,
                                  placeholder=ELIJA_UNA, key="revision_orden")
    return revision.FiltroCola(tuple(quien), tuple(tipos), antiguedad or "todas", orden or "antiguos")


def avisos_pendientes() -> None:
    """The answers of the last validation and of the last record acted on, when the queue is now empty."""
    zona_de_aviso(_LOTE)
    if st.session_state.get(_ULTIMO_LUGAR):
        zona_de_aviso(st.session_state[_ULTIMO_LUGAR])
    st.session_state.pop(_PLAN, None)


def _tabla_del_plan(tabla: pd.DataFrame) -> None:
    if len(tabla) <= _EN_TEXTO:
        tabla_de_texto(tabla, hide_index=True)
    else:
        st.dataframe(tabla, hide_index=True, column_config={revision.CAMBIA: st.column_config.TextColumn(
            revision.CAMBIA, width="large")})


def mostrar_cambio(cambio: revision.QueCambio) -> None:
    """What validating a record changes for the public: a sentence (against what) and one row per field."""
    st.caption(cambio.desde)
    if not cambio.filas.empty:
        tabla_de_texto(cambio.filas, hide_index=True)


def tabla_cola(cola: pd.DataFrame) -> None:
    st.dataframe(revision.vista_de_cola(cola), hide_index=True)


def validar_en_bloque(usuario: Usuario, cola: pd.DataFrame) -> None:
    """The queue with a tick per record, «Validar todas» and «Validar seleccionadas»: a first step that says what
    would be validated and what breaks a rule, then «Confirmar»."""
    zona = zona_de_aviso(_LOTE)
    claves = revision.claves(cola)
    vista = revision.vista_de_cola(cola)
    editada = st.data_editor(
        vista.assign(Validar=False)[["Validar", *vista.columns]],
        hide_index=True,
        column_config={"Validar": st.column_config.CheckboxColumn("Validar", default=False)},
        disabled=list(vista.columns),
        key=f"cola_{hash(tuple(claves))}",  # a changed queue starts unticked: a tick never moves to another row
    )
    elegidas = cola[editada["Validar"].to_numpy()]
    columnas = st.columns(2)
    if columnas[0].button(f"Validar todas ({len(cola):,})", key="validar_todas", disabled=cola.empty):
        _primer_paso(cola)
    if columnas[1].button(f"Validar seleccionadas ({len(elegidas):,})", disabled=elegidas.empty,
                          key="validar_seleccion"):
        _primer_paso(elegidas)
    paso = st.session_state.get(_PLAN)
    if paso is not None:
        _segundo_paso(usuario, paso["plan"], paso["numero"], zona)


def _primer_paso(filas: pd.DataFrame) -> None:
    numero = st.session_state["_revision_planes"] = st.session_state.get("_revision_planes", 0) + 1
    st.session_state[_PLAN] = {"plan": revision.plan_de_validacion(datos.conexion(), filas), "numero": numero}
    st.rerun()


def _segundo_paso(usuario: Usuario, plan: revision.PlanDeValidacion, numero: int, zona) -> None:
    with st.container(border=True):
        sin, con = len(plan.sin_problemas), len(plan.con_problemas)
        st.markdown(f"**Antes de validar.** Se validarán {sin:,} "
                    f"{'registro' if sin == 1 else 'registros'}; al validarlos, su versión nueva es la que ven las "
                    "pizarras públicas.")
        if sin:
            st.caption(f"«{revision.CAMBIA}»: lo que el público verá distinto al validar cada registro (antes → "
                       "después).")
            _tabla_del_plan(plan.vista_sin_problemas())
        tambien = False
        if con:
            nombrados = "\n".join(
                f"- {escapar_markdown(f'{revision.nombre_de(i.tabla, i.id)} · {i.quien}: {i.reglas}')}"
                for i in plan.con_problemas[:_NOMBRADOS])
            resto = con - min(con, _NOMBRADOS)
            st.warning(f"{con:,} {'registro no cumple' if con == 1 else 'registros no cumplen'} una regla que el "
                       "formulario del enlace exige; no se validarán salvo que usted lo marque:\n\n" + nombrados
                       + (f"\n\ny {resto:,} más (todos en la tabla)." if resto else ""),
                       icon=":material/rule:")
            _tabla_del_plan(plan.vista_con_problemas())
            tambien = st.checkbox(f"Validar también {'este' if con == 1 else 'estos'} {con:,} con problemas",
                                  key=f"tambien_{numero}")
        registros = plan.a_validar(tambien)
        columnas = st.columns(2)
        confirmar = columnas[0].button(f"Confirmar: validar {len(registros):,}", type="primary",
                                       disabled=not registros, key=f"confirmar_{numero}")
        if columnas[1].button("Cancelar", key=f"cancelar_{numero}"):
            st.session_state.pop(_PLAN, None)
            st.rerun()
    if confirmar:
        st.session_state.pop(_PLAN, None)  # a second click finds no plan: nothing is validated twice
        escribir(lambda: revision.validar(datos.conexion(), usuario, registros, tambien_con_problemas=tambien),
                 (f"{len(registros):,} registros validados: ya cuentan" if len(registros) > 1
                  else "1 registro validado: ya cuenta") + " en las pizarras públicas.", zona)


def _etiqueta(fila: dict) -> str:
    return f"{revision.nombre_de(fila['tabla'], int(fila['id']))} · {fila['quien']} · {str(fila['titulo'])[:80]}"


def registro(usuario: Usuario, cola: pd.DataFrame) -> None:
    """The chosen record: what validating it changes for the public, and (for an admin) validate it or send it
    back with a comment (which keeps the published version)."""
    st.subheader("Un registro: qué cambia, validarlo o devolverlo" if usuario.puede_validar
                 else "Un registro: qué cambia")
    filas = {f"{f['tabla']}:{int(f['id'])}": f for f in cola.to_dict("records")}
    visto = st.session_state.get(_ELEGIDO)
    # The selector's key changes when its record leaves the queue: a new widget, drawn empty (the browser would keep
    # showing the old label on a widget whose value was dropped).
    generacion = st.session_state.setdefault(_GENERACION, 0)
    clave_selector = f"{_SELECTOR}-{generacion}"
    if visto is not None and st.session_state.get(clave_selector) == visto["clave"] and visto["clave"] not in filas:
        filas = {visto["clave"]: visto, **filas}  # still the one on screen: its answer must reach the person
    if st.session_state.get(clave_selector) is not None and st.session_state[clave_selector] not in filas:
        st.session_state.pop(clave_selector, None)
        generacion = st.session_state[_GENERACION] = generacion + 1
        clave_selector = f"{_SELECTOR}-{generacion}"
    ultimo = st.session_state.get(_ULTIMO_LUGAR)
    elegido = st.selectbox("Registro", list(filas), index=None, format_func=lambda k: _etiqueta(filas[k]),
                           placeholder=ELIJA_UNA, key=clave_selector)
    if elegido is None:
        st.session_state.pop(_ELEGIDO, None)
        if ultimo:
            zona_de_aviso(ultimo)  # the answer to the last record acted on, which has left the queue
        return
    if visto is None or visto["clave"] != elegido:
        visto = {**filas[elegido], "clave": elegido}
        st.session_state[_ELEGIDO] = visto
    tabla, id_, version = visto["tabla"], int(visto["id"]), int(visto["version"])
    lugar = _lugar(tabla, id_)
    if ultimo and ultimo != lugar:
        zona_de_aviso(ultimo)
    zona = zona_de_aviso(lugar)
    actual = next((f for f in cola.to_dict("records") if f"{f['tabla']}:{int(f['id'])}" == elegido), None)
    if actual is None or int(actual["version"]) != version:
        st.warning("Este registro cambió desde que lo eligió"
                   + (" y ya no está en la cola" if actual is None else "") + ": lo que haga ahora no se aplicará. "
                   "Elíjalo de nuevo para ver cómo está.", icon=":material/sync_problem:")
    cambio = _que_cambio(tabla, id_)
    if not usuario.puede_validar:
        return
    problemas = revision.problemas_de(datos.conexion(), tabla, id_)
    if problemas:
        st.warning("Este registro no cumple una regla que el formulario del enlace exige:\n\n"
                   + "\n".join(f"- {escapar_markdown(str(p))}" for p in problemas), icon=":material/rule:")
        aun_asi = st.checkbox("Validarlo aunque no cumpla", key=f"aun-{tabla}-{id_}-{version}")
    else:
        aun_asi = False
    quien, terminacion = f"{revision.nombre_de(tabla, id_)} ({visto['quien']})", revision.TERMINACION[tabla]
    if st.button("Validar este registro", key=f"validar-{tabla}-{id_}-{version}",
                 disabled=bool(problemas) and not aun_asi):
        _actuar(lugar, lambda: revision.validar(datos.conexion(), usuario, [(tabla, id_, version)],
                                                tambien_con_problemas=aun_asi),
                f"{quien} validad{terminacion}: ya cuenta en las pizarras públicas.", zona)
    with st.form(f"observar-{tabla}-{id_}-{version}"):
        comentario = st.text_area("Qué debe corregir el enlace", max_chars=2000,
                                  key=f"comentario-{tabla}-{id_}-{version}")
        zona.error_de("comentario")
        devolver = st.form_submit_button("Devolver al enlace")
    if devolver:
        _actuar(lugar, lambda: revision.devolver(datos.conexion(), usuario, tabla, id_, version, comentario),
                f"{quien} devuelt{terminacion} al enlace con sus observaciones."
                + (" El público sigue viendo la versión publicada." if cambio.publicada else ""), zona)


def _actuar(lugar: str, accion, exito: str, zona) -> None:
    """Run a write on the chosen record; once it is done (or the record changed under the reviewer) the record is
    no longer the one on screen, and its zone is drawn where the person looks."""
    st.session_state[_ULTIMO_LUGAR] = lugar

    def hacer():
        try:
            accion()
        except CambioConcurrente:
            st.session_state.pop(_ELEGIDO, None)
            raise
        st.session_state.pop(_ELEGIDO, None)

    escribir(hacer, exito, zona)


def _que_cambio(tabla: str, id_: int) -> revision.QueCambio:
    st.markdown("**Qué cambió frente a lo publicado**")
    cambio = revision.que_cambio(datos.conexion(), tabla, id_)
    mostrar_cambio(cambio)
    return cambio
