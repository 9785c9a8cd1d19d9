"""Self-report and review screens: forms that call the core's write functions and say in Spanish what to fix.

User text is shown through st.dataframe / st.text or escaped (`escapar_markdown`), never rendered as Markdown or
HTML. Writes go through `pizarras.ui.escrituras.escribir`, which clears the read caches so every board shows them.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pizarras.escritura import autorreporte
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.reglas import MODALIDADES, TIPOS_CAPACITACION
from pizarras.texto import escapar_markdown
from pizarras.ui import datos
from pizarras.ui.escrituras import escribir
from pizarras.ui.sesion import formulario_acceso

PROGRESO = st.column_config.ProgressColumn("Avance", format="%d %%", min_value=0, max_value=100)


def exigir_sesion(explicacion: str) -> Usuario:
    """The logged-in user; otherwise the explanation and the login form, and the page stops there."""
    usuario = st.session_state.get("usuario")
    if usuario is None:
        st.write(explicacion)
        usuario = formulario_acceso()
        if usuario is None:
            st.stop()
    return usuario


def _texto(valor) -> str:
    """A text cell as text: pandas gives NaN, not None, for a missing string."""
    return valor if isinstance(valor, str) else ""


def _etiqueta(fila) -> str:
    titulo = fila["titulo"] if len(fila["titulo"]) <= 90 else fila["titulo"][:89] + "…"
    # No review state here: the widget keeps showing the label it first drew for an unchanged choice.
    return f"#{fila['id']} · {titulo}"


def _opciones(listas: dict, lista: str, **filtro) -> dict[str, str]:
    return {f["clave"]: f["nombre"] for f in listas.get(lista, []) if all(f[k] == v for k, v in filtro.items())}


def tabla_actividades(tabla: pd.DataFrame) -> None:
    vista = tabla.assign(revision=tabla["revision"].map(autorreporte.ESTADOS_REVISION))
    st.dataframe(
        vista,
        hide_index=True,
        column_order=["id", "titulo", "programa", "eje_nombre", "estatus_nombre", "avance", "revision",
                      "reportado_en", "version"],
        column_config={
            "id": st.column_config.NumberColumn("Núm.", format="%d"),
            "titulo": "Título", "programa": "Programa", "eje_nombre": "Eje temático", "estatus_nombre": "Estatus",
            "avance": PROGRESO, "revision": "Revisión",
            "reportado_en": st.column_config.DatetimeColumn("Último reporte", format="DD/MM/YYYY HH:mm"),
            "version": st.column_config.NumberColumn("Versión", format="%d"),
        },
    )


def editar_actividad(usuario: Usuario, tabla: pd.DataFrame, listas: dict) -> None:
    """Pick one activity, update its status, progress, evidence and notes, and send it for review."""
    if tabla.empty:
        st.info("Este organismo aún no tiene actividades. Agregue la primera en «Nueva actividad».")
        return
    filas = {int(f["id"]): f for f in tabla.to_dict("records")}
    elegida = st.selectbox("Actividad", list(filas), format_func=lambda i: _etiqueta(filas[i]), key="act_elegida")
    fila = filas[elegida]
    if fila["revision"] == "observada" and _texto(fila["observacion"]):
        st.warning("**Observación de la Secretaría Ejecutiva:** " + escapar_markdown(fila["observacion"]),
                   icon=":material/rate_review:")
    estatus = _opciones(listas, "estatus")
    with st.form(f"editar_{elegida}_{fila['version']}"):
        st.text(fila["titulo"])
        st.caption(f"Revisión: {autorreporte.ESTADOS_REVISION[fila['revision']]} · versión {fila['version']}")
        columnas = st.columns(2)
        nuevo_estatus = columnas[0].selectbox("Estatus", list(estatus), index=list(estatus).index(fila["estatus"]),
                                              format_func=estatus.get)
        avance = columnas[1].number_input("Avance (%)", 0, 100, int(fila["avance"]), step=5)
        evidencia = st.text_input("Evidencia (URL)", _texto(fila["evidencia_url"]),
                                  help="Obligatoria para una actividad concluida: https://…")
        notas = st.text_area("Notas", _texto(fila["notas"]), max_chars=4000)
        st.caption(
            "Al guardar, la actividad vuelve a «Borrador» y deja de contar en las pizarras públicas hasta que la "
            "Secretaría Ejecutiva la valide de nuevo."
        )
        botones = st.columns(2)
        guardar = botones[0].form_submit_button("Guardar borrador")
        guardar_y_enviar = botones[1].form_submit_button("Guardar y enviar a revisión", type="primary")
    cambios = {"estatus": nuevo_estatus, "avance": avance, "evidencia_url": evidencia, "notas": notas}
    if guardar or guardar_y_enviar:
        def accion():
            version = autorreporte.actualizar_actividad(datos.conexion(), usuario, elegida, fila["version"], cambios)
            if guardar_y_enviar:
                autorreporte.cambiar_revision(datos.conexion(), usuario, "actividades", elegida, version, "enviar")

        escribir(accion, "Actividad enviada a revisión." if guardar_y_enviar else "Cambios guardados como borrador.")
    if fila["revision"] in ("borrador", "observada") and st.button("Enviar a revisión sin cambios", key="enviar_sin"):
        escribir(lambda: autorreporte.cambiar_revision(datos.conexion(), usuario, "actividades", elegida,
                                                       fila["version"], "enviar"), "Actividad enviada a revisión.")
    with st.expander("Historial de cambios"):
        mostrar_historial(autorreporte.historial(datos.conexion(), "actividades", elegida))


def mostrar_historial(historia: pd.DataFrame) -> None:
    if historia.empty:
        st.caption("Sin cambios registrados desde que se cargó la base.")
        return
    st.dataframe(
        historia,
        hide_index=True,
        column_config={
            "en": st.column_config.DatetimeColumn("Fecha", format="DD/MM/YYYY HH:mm"),
            "usuario": "Usuario", "accion": "Acción", "antes": "Antes", "despues": "Después",
            "detalle": "Comentario",
        },
    )


def nueva_actividad(usuario: Usuario, organismo: str, listas: dict) -> None:
    programas = _opciones(listas, "programa")
    # Outside the form so the ejes follow the chosen programa at once.
    programa = st.selectbox("Programa", list(programas), format_func=programas.get, key="nueva_programa")
    tematicos = _opciones(listas, "eje", grupo=programa, tipo="tematico")
    transversales = _opciones(listas, "eje", grupo=programa, tipo="transversal")
    estatus, ods = _opciones(listas, "estatus"), _opciones(listas, "ods")
    tipos = sorted(_opciones(listas, "tipo"))
    with st.form("nueva_actividad", clear_on_submit=False):
        eje = st.selectbox("Eje temático", list(tematicos), format_func=tematicos.get)
        elegidos = st.multiselect("Ejes transversales", list(transversales), format_func=transversales.get)
        titulo = st.text_input("Título", max_chars=300)
        descripcion = st.text_area("Descripción", max_chars=4000)
        columnas = st.columns(3)
        tipo = columnas[0].selectbox("Tipo", tipos, index=tipos.index("Capacitación") if "Capacitación" in tipos else 0)
        inicio = columnas[1].date_input("Fecha de inicio", value=None, format="DD/MM/YYYY")
        fin = columnas[2].date_input("Fecha de término", value=None, format="DD/MM/YYYY")
        columnas = st.columns(3)
        periodo = columnas[0].number_input("Periodo (año)", 2015, 2100, date.today().year)
        nuevo_estatus = columnas[1].selectbox("Estatus", list(estatus), format_func=estatus.get)
        avance = columnas[2].number_input("Avance (%)", 0, 100, 0, step=5)
        alineados = st.multiselect("ODS", list(ods), format_func=ods.get)
        evidencia = st.text_input("Evidencia (URL)", help="Obligatoria para una actividad concluida: https://…")
        notas = st.text_area("Notas", max_chars=4000)
        crear = st.form_submit_button("Crear borrador", type="primary")
    if crear:
        registro = {
            "organismo": organismo, "programa": programa, "eje": eje, "transversales": elegidos, "ods": alineados,
            "titulo": titulo, "descripcion": descripcion, "tipo": tipo, "fecha_inicio": inicio, "fecha_fin": fin,
            "periodo": periodo, "estatus": nuevo_estatus, "avance": avance, "evidencia_url": evidencia, "notas": notas,
        }
        escribir(lambda: autorreporte.crear_actividad(datos.conexion(), usuario, registro),
                 "Actividad creada como borrador: revísela y envíela a revisión.")


def editar_compromisos(usuario: Usuario, tabla: pd.DataFrame, listas: dict) -> None:
    if tabla.empty:
        st.info("Su entidad no tiene compromisos de gobierno abierto registrados.")
        return
    vista = tabla.assign(revision=tabla["revision"].map(autorreporte.ESTADOS_REVISION))
    st.dataframe(
        vista, hide_index=True,
        column_order=["id", "plan_accion", "titulo", "estatus_nombre", "avance", "revision"],
        column_config={"id": st.column_config.NumberColumn("Núm.", format="%d"), "plan_accion": "Plan de acción",
                       "titulo": "Compromiso", "estatus_nombre": "Estatus", "avance": PROGRESO,
                       "revision": "Revisión"},
    )
    filas = {int(f["id"]): f for f in tabla.to_dict("records")}
    elegido = st.selectbox("Compromiso", list(filas), format_func=lambda i: _etiqueta(filas[i]), key="comp_elegido")
    fila = filas[elegido]
    if fila["revision"] == "observada" and _texto(fila["observacion"]):
        st.warning("**Observación:** " + escapar_markdown(fila["observacion"]), icon=":material/rate_review:")
    estatus = _opciones(listas, "estatus")
    with st.form(f"compromiso_{elegido}_{fila['version']}"):
        columnas = st.columns(2)
        nuevo_estatus = columnas[0].selectbox("Estatus", list(estatus), index=list(estatus).index(fila["estatus"]),
                                              format_func=estatus.get)
        avance_actual = 0 if pd.isna(fila["avance"]) else int(fila["avance"])
        avance = columnas[1].number_input("Avance (%)", 0, 100, avance_actual, step=5)
        notas = st.text_area("Notas", _texto(fila["notas"]), max_chars=4000)
        enviar = st.form_submit_button("Guardar y enviar a revisión", type="primary")
    if enviar:
        def accion():
            version = autorreporte.actualizar_compromiso(datos.conexion(), usuario, elegido, fila["version"],
                                                         {"estatus": nuevo_estatus, "avance": avance, "notas": notas})
            autorreporte.cambiar_revision(datos.conexion(), usuario, "compromisos", elegido, version, "enviar")

        escribir(accion, "Compromiso actualizado y enviado a revisión.")


def _numero(valor) -> int | None:
    return None if valor is None or pd.isna(valor) else int(valor)


def capacitaciones(usuario: Usuario, organismo: str, tabla: pd.DataFrame, listas: dict) -> None:
    """The trainings the organismo organised: the list, and one form to add a training or change the chosen one."""
    if not tabla.empty:
        vista = tabla.assign(revision=tabla["revision"].map(autorreporte.ESTADOS_REVISION),
                             tipo=tabla["tipo"].map(TIPOS_CAPACITACION))
        st.dataframe(
            vista, hide_index=True,
            column_order=["id", "titulo", "tipo", "fecha_inicio", "participantes", "revision", "version"],
            column_config={"id": st.column_config.NumberColumn("Núm.", format="%d"), "titulo": "Capacitación",
                           "tipo": "Tipo", "fecha_inicio": st.column_config.DateColumn("Inicio", format="DD/MM/YYYY"),
                           "participantes": st.column_config.NumberColumn("Participantes", format="%d"),
                           "revision": "Revisión", "version": st.column_config.NumberColumn("Versión", format="%d")},
        )
    filas = {int(f["id"]): f for f in tabla.to_dict("records")}
    elegida = st.selectbox("Capacitación", [None, *filas], key="cap_elegida",
                           format_func=lambda i: "Nueva capacitación" if i is None else _etiqueta(filas[i]))
    fila = filas.get(elegida, {})
    if fila.get("revision") == "observada" and _texto(fila.get("observacion")):
        st.warning("**Observación:** " + escapar_markdown(fila["observacion"]), icon=":material/rate_review:")
    tematicos = _opciones(listas, "eje", tipo="tematico")
    with st.form(f"capacitacion_{elegida}_{fila.get('version', 0)}"):
        titulo = st.text_input("Título", _texto(fila.get("titulo")), max_chars=300)
        columnas = st.columns(3)
        tipos, modalidades = list(TIPOS_CAPACITACION), [None, *MODALIDADES]
        tipo = columnas[0].selectbox("Tipo", tipos, index=tipos.index(fila["tipo"]) if fila else 1,
                                     format_func=TIPOS_CAPACITACION.get)
        modalidad = columnas[1].selectbox(
            "Modalidad", modalidades, index=modalidades.index(_texto(fila.get("modalidad")) or None),
            format_func=lambda m: "Sin dato" if m is None else MODALIDADES[m])
        ejes = [None, *tematicos]
        eje = columnas[2].selectbox("Eje temático", ejes, index=ejes.index(_texto(fila.get("eje")) or None),
                                    format_func=lambda e: "Sin eje" if e is None else tematicos[e])
        tema = st.text_input("Tema", _texto(fila.get("tema")), max_chars=300)
        columnas = st.columns(2)
        inicio = columnas[0].date_input("Fecha de inicio", value=fila.get("fecha_inicio"), format="DD/MM/YYYY")
        fin = columnas[1].date_input("Fecha de término", value=fila.get("fecha_fin"), format="DD/MM/YYYY")
        columnas = st.columns(4)
        numeros = {}
        for columna, (campo, etiqueta) in zip(columnas, [("participantes", "Participantes"), ("mujeres", "Mujeres"),
                                                         ("hombres", "Hombres"),
                                                         ("sujetos_obligados", "Sujetos obligados")], strict=True):
            numeros[campo] = columna.number_input(etiqueta, min_value=0, value=_numero(fila.get(campo)), step=1)
        publico = st.text_input("Público", _texto(fila.get("publico")), max_chars=300)
        notas = st.text_area("Notas", _texto(fila.get("notas")), max_chars=4000)
        botones = st.columns(2)
        guardar = botones[0].form_submit_button("Guardar borrador")
        enviar = botones[1].form_submit_button("Guardar y enviar a revisión", type="primary")
    if not (guardar or enviar):
        return
    registro = {"organismo": organismo, "titulo": titulo, "tipo": tipo, "modalidad": modalidad, "eje": eje,
                "tema": tema, "fecha_inicio": inicio, "fecha_fin": fin, "publico": publico, "notas": notas, **numeros}

    def accion():
        con = datos.conexion()
        if elegida is None:
            id_, version = autorreporte.crear_capacitacion(con, usuario, registro), 1
        else:
            id_, version = elegida, autorreporte.actualizar_capacitacion(con, usuario, elegida, fila["version"],
                                                                         registro)
        if enviar:
            autorreporte.cambiar_revision(con, usuario, "capacitaciones", id_, version, "enviar")

    escribir(accion, "Capacitación enviada a revisión." if enviar else "Capacitación guardada como borrador.")
