"""Self-report and review screens: forms that call the core's write functions and say in Spanish what to fix.

A record the public already sees (it has a published version) keeps showing that version while its enlace edits
it: beside the form, where the two differ, «Publicado: 45 % · en revisión: 60 %» and the other fields under
review, and «Retirar mis cambios» (two steps) puts the record back to the published version. Both are what the
person's form shows (`cambio_leido`): a change made meanwhile by someone else is a conflict, not a withdrawal of
an edit nobody saw.

User text is shown through st.dataframe / st.text or escaped (`escapar_markdown`), never rendered as Markdown or
HTML. Writes go through `pizarras.ui.escrituras.escribir`, which clears the read caches so every board shows them.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pizarras.escritura import autorreporte, revision
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.historial import historial_legible
from pizarras.escritura.reglas import MODALIDADES, TIPOS_CAPACITACION
from pizarras.texto import escapar_markdown
from pizarras.ui import datos
from pizarras.ui.escrituras import Zona, escribir, zona_de_aviso
from pizarras.ui.espanol import ELIJA_UNA, ELIJA_VARIAS, FORMATO_FECHA
from pizarras.ui.sesion import formulario_acceso
from pizarras.ui.tablas import tabla_de_texto

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


# tabla → (singular, plural, observed in its gender: singular, plural)
_NOMBRES = {"actividades": ("actividad", "actividades", "observada", "observadas"),
            "capacitaciones": ("capacitación", "capacitaciones", "observada", "observadas"),
            "compromisos": ("compromiso", "compromisos", "observado", "observados")}


def _cuantos(n: int, tabla: str) -> str:
    singular, plural, *_ = _NOMBRES[tabla]
    return f"{n} {singular if n == 1 else plural}"


def observados(registros: list[dict]) -> None:
    """The greeting of an enlace whose records came back: how many, which, and the reviewer's words (as text)."""
    if not registros:
        return
    cuantos: dict[str, int] = {}
    for r in registros:
        cuantos[r["tabla"]] = cuantos.get(r["tabla"], 0) + 1
    if len(cuantos) == 1:
        (tabla, n), = cuantos.items()
        resumen = f"{_cuantos(n, tabla)} {_NOMBRES[tabla][2 if n == 1 else 3]}"
    else:
        resumen = f"{len(registros)} registros observados (" + " y ".join(
            _cuantos(n, t) for t, n in cuantos.items()) + ")"
    lineas = "\n".join(
        f"- {_NOMBRES[r['tabla']][0].capitalize()} #{r['id']} · {escapar_markdown(r['titulo'][:90])}: "
        f"{escapar_markdown(_texto(r['observacion']) or 'sin comentario')}" for r in registros)
    st.warning(f"**Tiene {resumen} por la Secretaría Ejecutiva.** Corrija y vuelva a enviar:\n\n{lineas}",
               icon=":material/rate_review:")


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


def _eje_y_programa(listas: dict) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Every thematic eje as «PROGRAMA · eje» (the eje says its programa, so one choice inside a form sets both),
    every transversal one likewise, and each eje's programa."""
    siglas = {f["clave"]: f["nombre"].split(" · ")[0] for f in listas.get("programa", [])}
    ejes = {"tematico": {}, "transversal": {}}
    for f in listas.get("eje", []):
        ejes[f["tipo"]][f["clave"]] = f"{siglas.get(f['grupo'], f['grupo'])} · {f['nombre']}"
    programa_de = {f["clave"]: f["grupo"] for f in listas.get("eje", [])}
    return ejes["tematico"], ejes["transversal"], programa_de


def _indice(opciones: list, valor, si_no=0) -> int:
    return opciones.index(valor) if valor in opciones else si_no


def campos_actividad(fila: dict, listas: dict, zona: Zona, prefijo: str) -> dict:
    """Every field of an activity, inside the caller's form, filled with `fila` (empty for a new one); each field's
    rule from the last save right under it. Returns the values as the core's write functions take them.

    Every widget is keyed by `prefijo` (the record and the version this session read, see `version_leida`): what a
    person typed stays on screen while someone else changes the record, and the save then meets the conflict.

    The numbers have no bounds in the widget: a bound makes the browser keep the old value in silence (150 stays
    50), while the core's rule says in Spanish what is allowed, under the field."""
    tematicos, transversales, programa_de = _eje_y_programa(listas)
    estatus, ods = _opciones(listas, "estatus"), _opciones(listas, "ods")
    tipos = sorted(set(_opciones(listas, "tipo")) | ({fila["tipo"]} if _texto(fila.get("tipo")) else set()))
    claves_ejes, claves_estatus = list(tematicos), list(estatus)

    def k(campo: str) -> str:
        return f"{prefijo}-{campo}"

    eje = st.selectbox("Programa y eje temático", claves_ejes, index=_indice(claves_ejes, fila.get("eje")),
                       format_func=tematicos.get, placeholder=ELIJA_UNA, key=k("eje"))
    zona.error_de("programa")
    zona.error_de("eje")
    elegidos = st.multiselect(
        "Ejes transversales (del mismo programa)", list(transversales), format_func=transversales.get,
        default=[e for e in (fila.get("transversales") or []) if e in transversales], placeholder=ELIJA_VARIAS,
        key=k("transversales"))
    zona.error_de("transversales")
    titulo = st.text_input("Título", _texto(fila.get("titulo")), max_chars=300, key=k("titulo"))
    zona.error_de("titulo")
    descripcion = st.text_area("Descripción", _texto(fila.get("descripcion")), max_chars=4000, key=k("descripcion"))
    columnas = st.columns(3)
    with columnas[0]:
        tipo = st.selectbox("Tipo", tipos, index=_indice(tipos, fila.get("tipo") or "Capacitación"),
                            placeholder=ELIJA_UNA, key=k("tipo"))
        zona.error_de("tipo")
    with columnas[1]:
        inicio = st.date_input("Fecha de inicio", value=fila.get("fecha_inicio"), format=FORMATO_FECHA,
                               key=k("fecha_inicio"))
        zona.error_de("fecha_inicio")
    with columnas[2]:
        fin = st.date_input("Fecha de término", value=fila.get("fecha_fin"), format=FORMATO_FECHA, key=k("fecha_fin"))
        zona.error_de("fecha_fin")
    columnas = st.columns(3)
    with columnas[0]:
        periodo = st.number_input("Periodo (año)", value=int(fila.get("periodo") or date.today().year), step=1,
                                  key=k("periodo"))
        zona.error_de("periodo")
    with columnas[1]:
        nuevo_estatus = st.selectbox("Estatus", claves_estatus, index=_indice(claves_estatus, fila.get("estatus")),
                                     format_func=estatus.get, placeholder=ELIJA_UNA, key=k("estatus"))
        zona.error_de("estatus")
    with columnas[2]:
        avance = st.number_input("Avance (%)", value=_numero(fila.get("avance")) or 0, step=5, key=k("avance"),
                                 help="De 0 a 100. Una actividad concluida va al 100 %.")
        zona.error_de("avance")
    alineados = st.multiselect("ODS", list(ods), default=[str(o) for o in (fila.get("ods") or []) if str(o) in ods],
                               format_func=ods.get, placeholder=ELIJA_VARIAS, key=k("ods"))
    zona.error_de("ods")
    evidencia = st.text_input("Evidencia (URL)", _texto(fila.get("evidencia_url")), key=k("evidencia_url"),
                              help="Obligatoria para una actividad concluida: https://…")
    zona.error_de("evidencia_url")
    notas = st.text_area("Notas", _texto(fila.get("notas")), max_chars=4000, key=k("notas"))
    zona.error_de("notas")
    return {
        "programa": programa_de.get(eje), "eje": eje, "transversales": elegidos, "ods": alineados, "titulo": titulo,
        "descripcion": descripcion, "tipo": tipo, "fecha_inicio": inicio, "fecha_fin": fin, "periodo": periodo,
        "estatus": nuevo_estatus, "avance": avance, "evidencia_url": evidencia, "notas": notas,
    }


def version_leida(tabla: str, fila: dict, *zonas: Zona) -> tuple[str, int]:
    """The version of the record this session's form shows, and the prefix of the form's widget keys.

    It stays the version the person first read while the form is on screen, even when someone else saves meanwhile
    (a fresh read every run would redraw the form with the other person's values and drop the click in silence).
    It moves to the stored version when the form is new (first drawn, or left and come back to), after this
    session's own save (`olvidar_version_leida`) and once after a conflict in one of `zonas` (the form's, the
    list's where a deletion reports), so the next try starts from what is stored."""
    clave = f"_leida_{tabla}_{fila['id']}"
    leida = st.session_state.get(clave)
    vigente = leida is not None and f"{tabla}-{fila['id']}-v{leida}-guardar" in st.session_state
    if not vigente or _conflicto_nuevo(clave, zonas):
        leida = int(fila["version"])
        st.session_state[clave] = leida
    return f"{tabla}-{fila['id']}-v{leida}", leida


def _conflicto_nuevo(clave: str, zonas: tuple[Zona, ...]) -> bool:
    """Whether one of `zonas` shows a conflict this form has not yet moved past (a result stays on screen for
    several runs; the form moves to the stored version once)."""
    for zona in zonas:
        resultado = zona.resultado
        if resultado is None or resultado.tipo != "conflicto":
            continue
        if st.session_state.get(f"{clave}_visto") is not resultado:
            st.session_state[f"{clave}_visto"] = resultado
            return True
    return False


def olvidar_version_leida(tabla: str, id_: int) -> None:
    st.session_state.pop(f"_leida_{tabla}_{id_}", None)


def editar_actividad(usuario: Usuario, tabla: pd.DataFrame, listas: dict) -> None:
    """Pick one activity, correct any of its fields, and save it as a draft or send it for review."""
    zona_lista = zona_de_aviso("actividades")
    if tabla.empty:
        st.info("Este organismo aún no tiene actividades. Agregue la primera en «Nueva actividad».")
        return
    filas = {int(f["id"]): f for f in tabla.to_dict("records")}
    elegida = st.selectbox("Actividad", list(filas), format_func=lambda i: _etiqueta(filas[i]), key="act_elegida",
                           placeholder=ELIJA_UNA)
    fila = autorreporte.leer_actividad(datos.conexion(), elegida) or filas[elegida]
    if fila["revision"] == "observada" and _texto(fila["observacion"]):
        st.warning("**Observación de la Secretaría Ejecutiva:** " + escapar_markdown(fila["observacion"]),
                   icon=":material/rate_review:")
    zona = zona_de_aviso(f"actividad-{elegida}")
    prefijo, leida = version_leida("actividades", fila, zona, zona_lista)
    cambio = cambio_leido("actividades", fila, leida)
    publicado_y_pendiente(cambio)
    with st.form(prefijo, enter_to_submit=False):
        st.caption(f"Revisión: {autorreporte.ESTADOS_REVISION[fila['revision']]} · versión {leida}. "
                   + _al_guardar("la actividad", "la", cambio))
        cambios = campos_actividad(fila, listas, zona, prefijo)
        guardar, enviar = _botones_guardar(prefijo)
    if guardar or enviar:
        def accion():
            autorreporte.actualizar_actividad(datos.conexion(), usuario, elegida, leida, cambios, enviar=enviar)
            olvidar_version_leida("actividades", elegida)

        escribir(accion,
                 "Actividad enviada a revisión." if enviar else "Cambios guardados como borrador.", zona,
                 propios=cambios)
    retirar_cambios(usuario, "actividades", elegida, leida, cambio, zona)
    borrar_borrador(usuario, "actividades", {**fila, "version": leida}, zona_lista)
    with st.expander("Historial de cambios"):
        mostrar_historial(historial_legible(datos.conexion(), "actividades", elegida))


def _botones_guardar(prefijo: str) -> tuple[bool, bool]:
    botones = st.columns(2)
    guardar = botones[0].form_submit_button("Guardar borrador", key=f"{prefijo}-guardar")
    enviar = botones[1].form_submit_button("Guardar y enviar a revisión", type="primary", key=f"{prefijo}-enviar")
    return guardar, enviar


def _al_guardar(nombre: str, pronombre: str, cambio: revision.QueCambio | None) -> str:
    """What a save does to what the public sees."""
    if cambio is not None and cambio.publicada:
        return (f"Al guardar, {nombre} vuelve a «Borrador»; el público sigue viendo su versión publicada hasta que "
                f"la Secretaría Ejecutiva valide los cambios.")
    return (f"Nunca se ha publicado: el público no {pronombre} ve hasta que la Secretaría Ejecutiva {pronombre} "
            "valide.")


def cambio_leido(tabla: str, fila: dict, leida: int) -> revision.QueCambio | None:
    """How the version this session's form shows (`leida`, see `version_leida`) differs from the published one.

    Read when the form shows the stored version, and kept from that read while the form stays on an older one
    (someone changed the record meanwhile): the comparison and the withdrawal are then the ones the person saw,
    and the withdrawal meets the other person's change as a conflict instead of vanishing from the page."""
    clave = f"_cambio_leido_{tabla}_{fila['id']}"
    if int(fila["version"]) == leida:
        cambio = revision.que_cambio(datos.conexion(), tabla, int(fila["id"]))
        st.session_state[clave] = (leida, cambio)
        return cambio
    guardado = st.session_state.get(clave)
    return guardado[1] if guardado is not None and guardado[0] == leida else None


def _estado(cambio: revision.QueCambio) -> str:
    return "en revisión" if cambio.revision == "enviada" else "en borrador"


def publicado_y_pendiente(cambio: revision.QueCambio | None) -> None:
    """Where the published version and the pending edit differ: «Publicado: 45 % · en revisión: 60 %» and the
    other fields that differ («Cambios en revisión: Título, ODS»)."""
    if cambio is None or not (cambio.publicada and cambio.pendiente) or cambio.filas.empty:
        return
    estado = _estado(cambio)
    lineas = []
    if cambio.avance is not None:
        publicado, pendiente = cambio.avance
        lineas.append(f"Publicado: {publicado} · {estado}: {pendiente}")
    otros = [e for c, e in zip(cambio.campos, cambio.etiquetas, strict=True) if c != "avance"]
    if otros:
        lineas.append(f"Cambios {estado}: {', '.join(otros)}")
    st.info("\n\n".join(escapar_markdown(linea) for linea in lineas)
            + "\n\nEl público ve la versión publicada hasta que la Secretaría Ejecutiva valide estos cambios.",
            icon=":material/compare_arrows:")


# tabla → the record with its article
_CON_ARTICULO = {"actividades": "la actividad", "compromisos": "el compromiso", "capacitaciones": "la capacitación"}


def retirar_cambios(usuario: Usuario, tabla: str, id_: int, version: int, cambio: revision.QueCambio | None,
                    zona: Zona) -> None:
    """«Retirar mis cambios», in two steps, for a published record with an edit pending: the button shows what
    goes back to the published version, «Confirmar: volver a la versión publicada» withdraws the edit (the core
    says who may). `version` and `cambio` are what the person's form shows (`version_leida`, `cambio_leido`)."""
    if cambio is None or not (cambio.publicada and cambio.pendiente):
        return
    clave = f"_retirar_{tabla}_{id_}_{version}"
    nombre = f"{_CON_ARTICULO[tabla]} #{id_}"
    if not st.session_state.get(clave):
        if st.button("Retirar mis cambios…", key=f"{clave}_pedir", icon=":material/undo:",
                     help="Vuelve a la versión publicada: lo que ve hoy el público."):
            st.session_state[clave] = True
            st.rerun()
        return
    st.warning(f"¿Retirar los cambios de {nombre}? Vuelve a la versión publicada, la que ve hoy el público; el "
               "historial guarda lo retirado.", icon=":material/undo:")
    if cambio.filas.empty:
        st.caption("Ningún valor cambia: solo deja de estar "
                   f"«{autorreporte.ESTADOS_REVISION[cambio.revision]}» y vuelve a «Validada».")
    else:
        st.caption("Lo que vuelve a la versión publicada:")
        tabla_de_texto(pd.DataFrame({"Campo": cambio.filas["Campo"], "Ahora (sin publicar)": cambio.filas["Después"],
                                     "Vuelve a (publicado)": cambio.filas["Antes"]}), hide_index=True)
    botones = st.columns(2)
    if botones[0].button("Confirmar: volver a la versión publicada", key=f"{clave}_si", type="primary"):
        st.session_state.pop(clave, None)  # a second click finds no confirmation: nothing is withdrawn twice

        def accion():
            autorreporte.retirar_edicion(datos.conexion(), usuario, tabla, id_, version)
            olvidar_version_leida(tabla, id_)

        escribir(accion, f"Cambios retirados: {nombre} vuelve a la versión publicada.", zona)
    if botones[1].button("Cancelar", key=f"{clave}_no"):
        st.session_state.pop(clave, None)
        st.rerun()


def borrar_borrador(usuario: Usuario, tabla: str, fila: dict, zona: Zona) -> None:
    """«Borrar este borrador», in two steps: the button asks, the confirmation deletes (the core says who may).
    `fila["version"]` is the version the person's form shows (`version_leida`): a change made meanwhile by someone
    else is a conflict, not a click lost to a redrawn button."""
    if fila["revision"] not in ("borrador", "observada"):
        return
    clave = f"_borrar_{tabla}_{fila['id']}_{fila['version']}"
    nombre = "la actividad" if tabla == "actividades" else "la capacitación"
    if not st.session_state.get(clave):
        if st.button("Borrar este borrador…", key=f"{clave}_pedir", icon=":material/delete:"):
            st.session_state[clave] = True
            st.rerun()
        return
    st.warning(f"¿Borrar {nombre} #{fila['id']}? Deja de estar en la lista; el historial guarda lo borrado. Solo se "
               "borra un borrador que nunca se publicó.", icon=":material/delete:")
    botones = st.columns(2)
    if botones[0].button("Sí, borrar el borrador", key=f"{clave}_si", type="primary"):
        st.session_state.pop(clave, None)
        escribir(lambda: autorreporte.borrar_borrador(datos.conexion(), usuario, tabla, fila["id"], fila["version"]),
                 f"Borrador #{fila['id']} borrado.", zona)
    if botones[1].button("Cancelar", key=f"{clave}_no"):
        st.session_state.pop(clave, None)
        st.rerun()


def mostrar_historial(historia: pd.DataFrame) -> None:
    if historia.empty:
        st.caption("Sin cambios registrados desde que se cargó la base.")
        return
    st.dataframe(
        historia,
        hide_index=True,
        column_config={
            "en": st.column_config.DatetimeColumn("Fecha", format="DD/MM/YYYY HH:mm"),
            "usuario": "Usuario", "accion": "Acción", "cambios": st.column_config.TextColumn("Cambios", width="large"),
            "comentario": "Comentario",
        },
    )


def _contador(nombre: str) -> int:
    """A form's generation: a new one (empty fields) after each record it created."""
    return st.session_state.setdefault(f"_formulario_{nombre}", 0)


def _siguiente(nombre: str) -> None:
    st.session_state[f"_formulario_{nombre}"] = _contador(nombre) + 1


AUNQUE_EXISTA = "Crear aunque ya exista una con este título"


def _aunque_exista(zona: Zona, formulario: str) -> bool:
    """The box that lets a person create a record whose title exists: shown once the core asked, kept until the
    form is new again."""
    clave = f"{formulario}_aunque_exista"
    if (zona.resultado and any(p.campo == "duplicado" for p in zona.resultado.problemas)) or clave in st.session_state:
        return st.checkbox(AUNQUE_EXISTA, key=clave)
    return False


def nueva_actividad(usuario: Usuario, organismo: str, listas: dict) -> None:
    zona = zona_de_aviso("nueva-actividad")
    formulario = f"nueva_actividad_{_contador('nueva_actividad')}"
    with st.form(formulario, enter_to_submit=False):
        registro = {"organismo": organismo, **campos_actividad({}, listas, zona, formulario)}
        zona.error_de("duplicado")
        aunque = _aunque_exista(zona, formulario)
        crear = st.form_submit_button("Crear borrador", type="primary")
    if crear:
        def accion():
            autorreporte.crear_actividad(datos.conexion(), usuario, registro, aunque_exista=aunque)
            _siguiente("nueva_actividad")

        escribir(accion, "Actividad creada como borrador: revísela en «Actividades» y envíela a revisión.", zona)


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
    elegido = st.selectbox("Compromiso", list(filas), format_func=lambda i: _etiqueta(filas[i]), key="comp_elegido",
                           placeholder=ELIJA_UNA)
    fila = filas[elegido]
    if fila["revision"] == "observada" and _texto(fila["observacion"]):
        st.warning("**Observación:** " + escapar_markdown(fila["observacion"]), icon=":material/rate_review:")
    estatus = _opciones(listas, "estatus")
    zona = zona_de_aviso(f"compromiso-{elegido}")
    prefijo, leida = version_leida("compromisos", fila, zona)
    cambio = cambio_leido("compromisos", fila, leida)
    publicado_y_pendiente(cambio)
    with st.form(prefijo, enter_to_submit=False):
        st.caption(f"Revisión: {autorreporte.ESTADOS_REVISION[fila['revision']]} · versión {leida}. "
                   + _al_guardar("el compromiso", "lo", cambio))
        columnas = st.columns(2)
        with columnas[0]:
            nuevo_estatus = st.selectbox("Estatus", list(estatus), index=_indice(list(estatus), fila["estatus"]),
                                         format_func=estatus.get, placeholder=ELIJA_UNA, key=f"{prefijo}-estatus")
            zona.error_de("estatus")
        with columnas[1]:
            avance = st.number_input("Avance (%)", value=_numero(fila["avance"]) or 0, step=5, help="De 0 a 100.",
                                     key=f"{prefijo}-avance")
            zona.error_de("avance")
        notas = st.text_area("Notas", _texto(fila["notas"]), max_chars=4000, key=f"{prefijo}-notas")
        zona.error_de("notas")
        guardar, enviar = _botones_guardar(prefijo)
    if guardar or enviar:
        cambios = {"estatus": nuevo_estatus, "avance": avance, "notas": notas}

        def accion():
            autorreporte.actualizar_compromiso(datos.conexion(), usuario, elegido, leida, cambios, enviar=enviar)
            olvidar_version_leida("compromisos", elegido)

        escribir(accion,
                 "Compromiso enviado a revisión." if enviar else "Compromiso guardado como borrador.", zona,
                 propios=cambios)
    retirar_cambios(usuario, "compromisos", elegido, leida, cambio, zona)


def _numero(valor) -> int | None:
    return None if valor is None or pd.isna(valor) else int(valor)


def capacitaciones(usuario: Usuario, organismo: str, tabla: pd.DataFrame, listas: dict) -> None:
    """The trainings the organismo organised: the list, and one form to add a training or change the chosen one."""
    zona_lista = zona_de_aviso("capacitaciones")
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
    elegida = st.selectbox("Capacitación", [None, *filas], key="cap_elegida", placeholder=ELIJA_UNA,
                           format_func=lambda i: "Nueva capacitación" if i is None else _etiqueta(filas[i]))
    fila = filas.get(elegida, {})
    if fila.get("revision") == "observada" and _texto(fila.get("observacion")):
        st.warning("**Observación:** " + escapar_markdown(fila["observacion"]), icon=":material/rate_review:")
    tematicos = _opciones(listas, "eje", tipo="tematico")
    zona = zona_de_aviso(f"capacitacion-{elegida or 'nueva'}")
    if fila:
        formulario, leida = version_leida("capacitaciones", {"id": elegida, **fila}, zona, zona_lista)
        cambio = cambio_leido("capacitaciones", {"id": elegida, **fila}, leida)
        publicado_y_pendiente(cambio)
    else:
        formulario, leida = f"capacitaciones-nueva-{_contador('nueva_capacitacion')}", None
        cambio = None

    def k(campo: str) -> str:
        return f"{formulario}-{campo}"

    with st.form(formulario, enter_to_submit=False):
        titulo = st.text_input("Título", _texto(fila.get("titulo")), max_chars=300, key=k("titulo"))
        zona.error_de("titulo")
        columnas = st.columns(3)
        tipos, modalidades = list(TIPOS_CAPACITACION), [None, *MODALIDADES]
        tipo = columnas[0].selectbox("Tipo", tipos, index=tipos.index(fila["tipo"]) if fila else 1,
                                     format_func=TIPOS_CAPACITACION.get, placeholder=ELIJA_UNA, key=k("tipo"))
        modalidad = columnas[1].selectbox(
            "Modalidad", modalidades, index=modalidades.index(_texto(fila.get("modalidad")) or None),
            format_func=lambda m: "Sin dato" if m is None else MODALIDADES[m], placeholder=ELIJA_UNA,
            key=k("modalidad"))
        ejes = [None, *tematicos]
        eje = columnas[2].selectbox("Eje temático", ejes, index=ejes.index(_texto(fila.get("eje")) or None),
                                    format_func=lambda e: "Sin eje" if e is None else tematicos[e],
                                    placeholder=ELIJA_UNA, key=k("eje"))
        zona.error_de("eje")
        tema = st.text_input("Tema", _texto(fila.get("tema")), max_chars=300, key=k("tema"))
        columnas = st.columns(2)
        with columnas[0]:
            inicio = st.date_input("Fecha de inicio", value=fila.get("fecha_inicio"), format=FORMATO_FECHA,
                                   key=k("fecha_inicio"))
            zona.error_de("fecha_inicio")
        with columnas[1]:
            fin = st.date_input("Fecha de término", value=fila.get("fecha_fin"), format=FORMATO_FECHA,
                                key=k("fecha_fin"))
            zona.error_de("fecha_fin")
        columnas = st.columns(4)
        numeros = {}
        for columna, (campo, etiqueta) in zip(columnas, [("participantes", "Participantes"), ("mujeres", "Mujeres"),
                                                         ("hombres", "Hombres"),
                                                         ("sujetos_obligados", "Sujetos obligados")], strict=True):
            with columna:
                numeros[campo] = st.number_input(etiqueta, value=_numero(fila.get(campo)), step=1,
                                                 placeholder="Sin dato", key=k(campo))
                zona.error_de(campo)
        publico = st.text_input("Público", _texto(fila.get("publico")), max_chars=300, key=k("publico"))
        notas = st.text_area("Notas", _texto(fila.get("notas")), max_chars=4000, key=k("notas"))
        zona.error_de("duplicado")
        aunque = _aunque_exista(zona, formulario) if elegida is None else False
        guardar, enviar = _botones_guardar(formulario)
    if fila:
        retirar_cambios(usuario, "capacitaciones", elegida, leida, cambio, zona)
        borrar_borrador(usuario, "capacitaciones", {**fila, "id": elegida, "version": leida}, zona_lista)
    if not (guardar or enviar):
        return
    registro = {"organismo": organismo, "titulo": titulo, "tipo": tipo, "modalidad": modalidad, "eje": eje,
                "tema": tema, "fecha_inicio": inicio, "fecha_fin": fin, "publico": publico, "notas": notas, **numeros}

    def accion():
        con = datos.conexion()
        if elegida is None:
            id_ = autorreporte.crear_capacitacion(con, usuario, registro, aunque_exista=aunque)
            _siguiente("nueva_capacitacion")
            if enviar:
                autorreporte.cambiar_revision(con, usuario, "capacitaciones", id_, 1, "enviar")
        else:
            autorreporte.actualizar_capacitacion(con, usuario, elegida, leida, registro, enviar=enviar)
            olvidar_version_leida("capacitaciones", elegida)

    escribir(accion, "Capacitación enviada a revisión." if enviar else "Capacitación guardada como borrador.", zona,
             propios=registro)
