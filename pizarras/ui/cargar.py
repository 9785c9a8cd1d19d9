"""The upload screen: the uploader, the counts and the preview (new and changed rows first) or the row-level report,
the confirmation, the result of an import (the file is then cleared), and the list of batches with their rollback
in two steps (admins). Every check, plan and write is the core's (pizarras.cargas).

Double clicks: the core writes one checked file once (pizarras.cargas.importar); after a successful import the
uploader's key changes, so the next run has no file, no preview and no «Importar» button a second click could hit.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from pizarras import estilo
from pizarras.cargas.hojas import ArchivoInvalido, limite_filas, limite_mb
from pizarras.cargas.importar import importaciones, importar
from pizarras.cargas.reversion import plan_de_reversion, revertir
from pizarras.cargas.revision import Revision, informe_de_errores, revisar
from pizarras.cargas.vista_previa import VistaPrevia, tabla_de_lotes, vista_previa
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.legible import nombres_de_catalogos
from pizarras.texto import escapar_markdown
from pizarras.ui import datos
from pizarras.ui.escrituras import Zona, escribir, zona_de_aviso
from pizarras.ui.espanol import ELIJA_UNA

_REVISION = "_revision_carga"  # (file fingerprint, Revision, VistaPrevia) of the attached file
_ARCHIVO = "_carga_archivo_n"  # the uploader's key number: a new one after an import clears the file
_RESULTADO = "_carga_resultado"  # what the last import wrote, shown until another file is attached
_CONFIRMAR_VALIDAR = "_carga_confirmar_validar"  # the checked file an admin asked to import validated
_REVERTIR = "_carga_revertir"  # the batch whose rollback plan is shown, waiting for confirmation
_ANCHAS = ("Título", "Compromiso", "Capacitación", "Cambios", "Qué corregir", "Programa", "Eje temático",
           "Qué se deshace", "Impide revertir", "Estado")


def _tabla(tabla: pd.DataFrame, **opciones) -> None:
    """A text table: long columns wide, '—' for an empty cell."""
    configuracion = {c: st.column_config.TextColumn(c, width="large") for c in tabla.columns if c in _ANCHAS}
    st.dataframe(tabla, hide_index=True, column_config=configuracion, placeholder=estilo.SIN_DATO, **opciones)


def subir():
    """The uploader, with what it accepts written in Spanish just above it (its own box speaks English)."""
    st.caption(f"Hasta {estilo.entero(limite_mb())} MB y {estilo.entero(limite_filas())} filas por archivo. Acepta "
               ".xlsx, .xlsm, .ods y .csv (UTF-8 o Windows-1252, con coma o punto y coma); un .xls antiguo se "
               "rechaza diciendo cómo guardarlo. Arrastre el archivo al recuadro o púlselo para elegirlo.")
    return st.file_uploader(
        "Archivo XLSX, ODS o CSV", key=f"carga_archivo_{st.session_state.get(_ARCHIVO, 0)}",
        help="La plantilla llena (XLSX), la misma guardada en LibreOffice Calc (ODS) o un CSV de su hoja «Datos».",
        max_upload_size=max(1, math.ceil(limite_mb())),  # the box's own limit is the core's (PIZARRAS_CARGA_MAX_MB)
    )


def revisar_subido(usuario: Usuario, archivo, tipo: str) -> tuple[Revision, VistaPrevia] | None:
    """Check the uploaded file once (kept per file content and kind across reruns); None after a Spanish error."""
    st.session_state.pop(_RESULTADO, None)  # another file: the last import's result is no longer the news
    contenido = archivo.getvalue()
    huella = (tipo, archivo.name, len(contenido), hash(contenido))
    guardada = st.session_state.get(_REVISION)
    if guardada is not None and guardada[0] == huella:
        return guardada[1], guardada[2]
    try:
        with st.spinner("Revisando el archivo fila por fila…"):
            revision = revisar(datos.conexion(), usuario, archivo.name, contenido, tipo)
            vista = vista_previa(revision, nombres_de_catalogos(datos.conexion()))
    except ArchivoInvalido as error:
        st.error(escapar_markdown(str(error)), icon=":material/error:")
        return None
    st.session_state[_REVISION] = (huella, revision, vista)
    st.session_state.pop(_CONFIRMAR_VALIDAR, None)
    return revision, vista


def _avisos(revision: Revision) -> None:
    for aviso in revision.avisos:
        st.caption(escapar_markdown(aviso))


def informe(revision: Revision, vista: VistaPrevia) -> None:
    """The counts first, then what to fix (if anything), then the notices and the preview."""
    if revision.revisadas:
        columnas = st.columns(4)
        for columna, (etiqueta, valor) in zip(columnas, (
                ("Nuevas", vista.cuentas.nuevas), ("Cambian", vista.cuentas.cambian),
                ("Sin cambio", vista.cuentas.sin_cambio), ("Con errores", vista.cuentas.con_errores)), strict=True):
            columna.metric(etiqueta, estilo.entero(valor))
    if not revision.revisadas:  # the headers did not match: say which, in the message itself
        st.error("No se importó nada: el archivo no tiene las columnas de la plantilla. "
                 + " ".join(escapar_markdown(e.mensaje) for e in revision.errores)
                 + " Use los encabezados de la plantilla (descárguela arriba) y súbalo de nuevo.",
                 icon=":material/error:")
        _avisos(revision)
        return
    if not revision.valida:
        filas, errores = len({e.fila for e in revision.errores}), len(revision.errores)
        st.error(f"El archivo tiene {errores:,} {'error' if errores == 1 else 'errores'} en {filas:,} "
                 f"{'fila' if filas == 1 else 'filas'}; no se importó nada. Corríjalo y súbalo de nuevo.",
                 icon=":material/error:")
        _tabla(pd.DataFrame([{"Fila": str(e.fila), "Columna": e.columna, "Qué corregir": e.mensaje}
                             for e in revision.errores]))
        st.download_button("Descargar el informe de errores (XLSX)", informe_de_errores(revision),
                           file_name="errores_de_carga.xlsx", icon=":material/download:", on_click="ignore")
    _avisos(revision)
    if vista.tabla.empty:
        return
    st.caption("Vista previa: primero las filas nuevas y las que cambian (cada cambio como «antes → después»), "
               + ("luego las que tienen errores " if vista.cuentas.con_errores else "")
               + "y al final las que quedan igual."
               + (f" Se muestran las primeras {estilo.entero(len(vista.tabla))} de {estilo.entero(vista.total)}."
                  if vista.recortada else ""))
    _tabla(vista.tabla)


def _mensaje_de_importacion(nuevas: int, cambiadas: int, validar: bool, sin_cambios: int = 0) -> str:
    validadas = (f" (y {estilo.cantidad(sin_cambios, 'validada sin cambios', 'validadas sin cambios')}: estaban en "
                 "revisión)" if validar and sin_cambios else "")
    return (f"Archivo importado: {estilo.cantidad(nuevas, 'nueva', 'nuevas')} y "
            f"{estilo.cantidad(cambiadas, 'cambiada', 'cambiadas')}{validadas}, "
            + ("validadas: el público ya las ve." if validar else "enviadas a revisión."))


def confirmar(usuario: Usuario, revision: Revision, vista: VistaPrevia, zona: Zona) -> None:
    """The import button; an admin who validates on import confirms first how many records that publishes (the rows
    equal to a record under review included: validating the file validates them as they are)."""
    cambios = vista.cuentas.a_escribir(False)
    en_revision = vista.cuentas.en_revision if usuario.puede_validar else 0
    if not cambios and not en_revision:
        st.info("El archivo no cambia nada de lo registrado: no hay nada que importar.", icon=":material/check:")
        return
    validar = usuario.puede_validar and st.checkbox(
        "Validar las filas al importarlas (se publican sin pasar por «Revisión»; si no, quedan enviadas a revisión)",
        key="carga_validar")
    if not validar:
        st.session_state.pop(_CONFIRMAR_VALIDAR, None)
        if not cambios:
            st.info(f"El archivo no cambia nada de lo registrado; "
                    f"{estilo.cantidad(en_revision, 'fila sin cambio es', 'filas sin cambio son')} de registros con "
                    "cambios en revisión: marque «Validar las filas al importarlas» para validarlos y publicarlos "
                    "tal como están.", icon=":material/check:")
            return
        if st.button(f"Importar {estilo.cantidad(cambios, 'fila', 'filas')}", type="primary", key="carga_importar"):
            _importar(usuario, revision, False, zona, vista)
        return
    filas = estilo.cantidad(vista.cuentas.a_escribir(True), "fila", "filas")
    if st.session_state.get(_CONFIRMAR_VALIDAR) != revision.sha256:
        if st.button(f"Importar y validar {filas}…", type="primary", key="carga_importar_validar"):
            st.session_state[_CONFIRMAR_VALIDAR] = revision.sha256
            st.rerun()
        return
    registros = estilo.cantidad(vista.cuentas.a_escribir(True), "registro", "registros")
    partes = [estilo.cantidad(vista.cuentas.nuevas, "nuevo", "nuevos"),
              estilo.cantidad(vista.cuentas.cambian, "cambiado", "cambiados")]
    filas_vista = "«Nueva» y «Cambia»"
    if en_revision:
        partes.append(estilo.cantidad(en_revision, "sin cambios que estaba en revisión",
                                      "sin cambios que estaban en revisión"))
        filas_vista = "«Nueva», «Cambia» y «Sin cambio, en revisión»"
    st.warning(f"Esto publica {registros} de una vez ({estilo.lista(partes)}): quedan validados y el público "
               "los ve en las pizarras y en los datos abiertos, sin pasar por «Revisión». Son las filas "
               f"{filas_vista} de la vista previa.", icon=":material/publish:")
    columnas = st.columns([2, 1])
    if columnas[0].button(f"Confirmar: importar y publicar {registros}", type="primary",
                          key="carga_confirmar_validar"):
        _importar(usuario, revision, True, zona, vista)
    if columnas[1].button("Cancelar", key="carga_cancelar_validar"):
        st.session_state.pop(_CONFIRMAR_VALIDAR, None)
        st.rerun()


def _importar(usuario: Usuario, revision: Revision, validar: bool, zona: Zona, vista: VistaPrevia) -> None:
    def accion():
        try:
            resultado = importar(datos.conexion(), usuario, revision, validar=validar)
        except CambioConcurrente:
            # Someone changed a record after the check: nothing was written; the attached file is checked again
            # on the next run, so the preview shows the record as it is now.
            st.session_state.pop(_REVISION, None)
            raise
        # Written: clear the file (a new uploader key), keep what was written to show it.
        st.session_state[_RESULTADO] = {"id": resultado.id, "archivo": revision.archivo, "validar": validar,
                                        "insertadas": resultado.insertadas, "actualizadas": resultado.actualizadas,
                                        "sin_cambio": resultado.sin_cambio,
                                        "validadas_sin_cambios": resultado.validadas_sin_cambios}
        st.session_state[_ARCHIVO] = st.session_state.get(_ARCHIVO, 0) + 1
        st.session_state.pop(_REVISION, None)
        st.session_state.pop(_CONFIRMAR_VALIDAR, None)

    escribir(accion, _mensaje_de_importacion(revision.cuenta("insertar"), revision.cuenta("actualizar"), validar,
                                             vista.cuentas.en_revision), zona)


def zona_de_importacion() -> Zona:
    """Where an import's result appears: just above «Importar» (a conflict), or under the uploader once the import
    cleared the file (the button that caused it is gone then)."""
    return zona_de_aviso("carga-importar")


def _validadas_sin_cambios(n: int) -> str:
    return estilo.cantidad(n, "fila sin cambios que estaba en revisión se validó",
                           "filas sin cambios que estaban en revisión se validaron")


def resultado(usuario: Usuario) -> None:
    """What the last import wrote, its batch number and how to undo it (until another file is attached)."""
    hecho = st.session_state.get(_RESULTADO)
    if hecho is None:
        return
    with st.container(border=True):
        st.markdown(f"**Importación núm. {hecho['id']}** · «{escapar_markdown(hecho['archivo'])}»")
        st.markdown(
            f"Se escribieron {estilo.cantidad(hecho['insertadas'], 'fila nueva', 'filas nuevas')} y "
            f"{estilo.cantidad(hecho['actualizadas'], 'fila cambiada', 'filas cambiadas')}"
            + (f"; {_validadas_sin_cambios(hecho.get('validadas_sin_cambios', 0))}"
               if hecho.get("validadas_sin_cambios") else "")
            + (f"; {estilo.cantidad(hecho['sin_cambio'], 'fila quedó', 'filas quedaron')} igual" if hecho["sin_cambio"]
               else "") + ". "
            + ("Quedaron **validadas**: el público ya las ve." if hecho["validar"] else
               "Quedaron **enviadas a revisión**: la Secretaría Ejecutiva las valida o las devuelve en «Revisión»; "
               "hasta entonces el público sigue viendo la versión publicada de las que ya lo estaban, y no ve las "
               "nuevas."))
        st.caption(("Para deshacerla, elíjala abajo en «Importaciones» y pulse «Revertir»"
                    if usuario.puede_validar else "Si fue un error, la Secretaría Ejecutiva puede revertirla")
                   + f" (importación núm. {hecho['id']}): se restaura lo de antes mientras nadie cambie esos "
                   "registros. Para cargar otro archivo, súbalo arriba.")


def lotes(usuario: Usuario) -> None:
    tabla = importaciones(datos.conexion())
    st.subheader("Importaciones")
    if tabla.empty:
        st.caption("Aún no hay importaciones.")
        return
    _tabla(tabla_de_lotes(tabla))
    if not usuario.puede_validar:
        return
    zona = zona_de_aviso("carga-revertir")  # a rollback's result: here, also once no batch is left to revert
    vigentes = {int(f["id"]): f for f in tabla.to_dict("records") if pd.isna(f["revertida_en"])}
    if not vigentes:
        return
    columnas = st.columns([2, 1], vertical_alignment="bottom")
    elegida = columnas[0].selectbox(
        "Importación a revertir", list(vigentes), key="carga_revertir", placeholder=ELIJA_UNA,
        format_func=lambda i: f"Núm. {i} · {estilo.fecha_hora(vigentes[i]['en'])} · {vigentes[i]['archivo']}")
    if columnas[1].button("Revertir…", key="carga_revertir_boton"):
        st.session_state[_REVERTIR] = elegida
    if st.session_state.get(_REVERTIR) == elegida:
        _plan_de_reversion(usuario, elegida, zona)


def _plan_de_reversion(usuario: Usuario, elegida: int, zona: Zona) -> None:
    """First step of a rollback: what it will delete and restore, and what blocks it; then the confirmation."""
    plan = plan_de_reversion(datos.conexion(), usuario, elegida)
    borra, restaura = plan.cuenta("borrar"), plan.cuenta("restaurar")
    st.warning(f"Revertir la importación {elegida} borra {estilo.cantidad(borra, 'registro', 'registros')} que "
               f"agregó y restaura {estilo.cantidad(restaura, 'registro a como estaba', 'registros a como estaban')} "
               "antes de ella (también su estado de revisión)." + _aviso_publico(plan), icon=":material/undo:")
    _tabla(pd.DataFrame([{
        "ID": str(p.registro), "Registro": p.titulo or estilo.SIN_DATO,
        "Qué hará": "Borrar" if p.accion == "borrar" else "Restaurar", "Qué se deshace": p.deshace,
        "Impide revertir": p.bloqueo or estilo.SIN_DATO,
    } for p in plan.pasos]))
    columnas = st.columns([2, 1])
    if plan.bloqueos:
        st.error(escapar_markdown(plan.mensaje_de_rechazo()), icon=":material/block:")
    elif columnas[0].button(f"Confirmar: revertir el lote {elegida}", type="primary",
                            key="carga_revertir_confirmar"):
        _revertir(usuario, elegida, borra, restaura, zona)
    if columnas[1].button("Cancelar", key="carga_revertir_cancelar"):
        st.session_state.pop(_REVERTIR, None)
        st.rerun()


def _aviso_publico(plan) -> str:
    aviso = plan.aviso_publico()
    return f" {aviso}" if aviso else ""


def _revertir(usuario: Usuario, elegida: int, borra: int, restaura: int, zona: Zona) -> None:
    def accion():
        try:
            revertir(datos.conexion(), usuario, elegida)
        except ValueError as error:  # already rolled back (another tab, a second click): nothing written
            raise CambioConcurrente(str(error)) from error
        st.session_state.pop(_REVERTIR, None)

    escribir(accion, f"Importación {elegida} revertida: se borraron "
             f"{estilo.cantidad(borra, 'registro', 'registros')} y se restauraron "
             f"{estilo.cantidad(restaura, 'registro', 'registros')}; todo quedó como estaba antes de ella.", zona)
