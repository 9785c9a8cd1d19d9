"""What every write screen shows after a write: one helper, so a result reads, is placed and is escaped the same
everywhere.

A form owns a `Zona` (a place on the page, named after the record it writes, e.g. "actividad-12"), drawn just above
the form. `escribir` runs the write; success or failure is stored for that place and the page reruns, so the next
run draws the message in the zone (where the eye is, above the form), with a toast in the corner for a long page,
and each field can show its own rule right under it (`zona.error_de("avance")`). The person's values stay in the
form's widgets across that rerun; on a version conflict they are also listed beside the other person's.

A result stays in its zone, run after run, until the next write there or until a run does not draw the zone (the
person went elsewhere): the frame calls `empezar_corrida` and `terminar_corrida` around each page, except after a
run cut short by a newer rerun. A double click makes one more plain run right after the write, which may also cut
the run that was drawing the message: the message must not vanish with either.

The core's messages quote what people typed (titles, keys, values), so everything shown here goes through
`escapar_markdown`: text, never Markdown or HTML. A write that succeeds clears the read caches (every board shows it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from pizarras.escritura import legible
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.autorreporte import SinCambios
from pizarras.escritura.permisos import NoAutorizado
from pizarras.escritura.reglas import DatosInvalidos
from pizarras.texto import escapar_markdown
from pizarras.ui import datos

_PENDIENTES = "_avisos_de_escritura"
_DIBUJADAS = "_zonas_dibujadas"


@dataclass
class Resultado:
    """The outcome of one write, kept for its zone until the next write there (see the module's docstring)."""

    tipo: str  # "exito", "sin_cambios", "invalido", "conflicto", "no_autorizado"
    mensaje: str
    problemas: list = field(default_factory=list)  # reglas.Problema
    actual: dict = field(default_factory=dict)  # the record as stored, on a conflict
    propios: dict = field(default_factory=dict)  # the values the person tried to save, on a conflict
    avisado: bool = False  # the toast goes once


def _pendientes() -> dict[str, Resultado]:
    return st.session_state.setdefault(_PENDIENTES, {})


class Zona:
    """The place where a form's results appear. Create it (`zona_de_aviso`) just above the form."""

    def __init__(self, lugar: str) -> None:
        self.lugar = lugar
        self.resultado: Resultado | None = _pendientes().get(lugar)
        st.session_state.setdefault(_DIBUJADAS, set()).add(lugar)
        self.contenedor = st.container()
        if self.resultado is not None:
            with self.contenedor:
                _dibujar(self.resultado)

    def error_de(self, campo: str) -> None:
        """The rule a field broke in the last write, drawn where this is called (right under the field)."""
        if self.resultado is None:
            return
        for problema in self.resultado.problemas:
            if problema.campo == campo:
                st.caption(f":red[:material/error: {escapar_markdown(problema.mensaje)}]")


def zona_de_aviso(lugar: str) -> Zona:
    return Zona(lugar)


def _dibujar(resultado: Resultado) -> None:
    mensaje = escapar_markdown(resultado.mensaje)
    avisar, resultado.avisado = not resultado.avisado, True
    if resultado.tipo == "exito":
        st.success(mensaje, icon=":material/check_circle:")
        if avisar:
            st.toast(mensaje, icon=":material/check_circle:")
        return
    if resultado.tipo == "sin_cambios":
        st.info(mensaje, icon=":material/info:")
        return
    if avisar:
        st.toast(escapar_markdown(_en_breve(resultado)), icon=":material/error:")
    if resultado.tipo == "invalido":
        lineas = "\n".join(f"- {escapar_markdown(str(p))}" for p in resultado.problemas)
        st.error(f"No se guardó nada. Corrija lo siguiente:\n\n{lineas}", icon=":material/error:")
    elif resultado.tipo == "conflicto":
        st.error(mensaje, icon=":material/sync_problem:")
        nombres = legible.nombres_de_catalogos(datos.conexion())

        def en_palabras(campo, valores):
            return escapar_markdown(legible.texto_de(campo, valores.get(campo), nombres))

        # The fields where the two differ (all the person's fields if none does), as the forms label them.
        campos = [c for c in resultado.propios
                  if en_palabras(c, resultado.actual) != en_palabras(c, resultado.propios)] or list(resultado.propios)
        if campos:
            st.caption("Lo que guardó la otra persona y lo que usted quería guardar (cópielo para volver a aplicarlo):")
            # A static table (its text is on the page, for reading and copying); st.table reads Markdown, so
            # every cell is escaped.
            st.table(pd.DataFrame({
                "Campo": [legible.etiqueta_de_campo(c) for c in campos],
                "Guardado ahora": [en_palabras(c, resultado.actual) for c in campos],
                "Sus valores": [en_palabras(c, resultado.propios) for c in campos],
            }), hide_index=True)
    else:
        st.error(mensaje, icon=":material/block:")


def _en_breve(resultado: Resultado) -> str:
    """The toast of a refusal: the rule itself when there is one (the toast may cover the field it belongs to)."""
    if resultado.tipo == "invalido" and resultado.problemas:
        otros = len(resultado.problemas) - 1
        return f"No se guardó nada. {resultado.problemas[0]}" + (f" (y {otros} más)" if otros else "")
    if resultado.tipo == "conflicto":
        return "No se guardó: otra persona cambió el registro. El aviso está junto al formulario."
    return resultado.mensaje


def escribir(accion: Callable[[], object], exito: str, zona: Zona | None = None,
             propios: Mapping | None = None) -> bool:
    """Run a write; on success clear the caches. The result is drawn in `zona` after the rerun (without a zone, at
    once where this is called). `propios` are the values the person tried to save, listed on a conflict."""
    try:
        accion()
    except SinCambios as error:
        if zona is not None and zona.resultado is not None and zona.resultado.tipo == "exito":
            resultado = zona.resultado  # the second click of a double click: the save it repeats is done
        else:
            mensaje = error.problemas[0].mensaje
            resultado = Resultado("sin_cambios", mensaje[:1].upper() + mensaje[1:])
    except DatosInvalidos as error:
        resultado = Resultado("invalido", "No se guardó nada.", problemas=list(error.problemas))
    except CambioConcurrente as error:
        resultado = Resultado("conflicto", str(error), actual=dict(error.actual or {}), propios=dict(propios or {}))
    except NoAutorizado as error:
        resultado = Resultado("no_autorizado", str(error))
    else:
        datos.invalidar_cache()
        resultado = Resultado("exito", exito)
    if zona is None:
        if resultado.tipo == "exito":
            _pendientes()[""] = resultado
            st.rerun()
        _dibujar(resultado)
        return False
    _pendientes()[zona.lugar] = resultado
    st.rerun()
    return resultado.tipo == "exito"  # not reached: st.rerun() raises


def empezar_corrida() -> None:
    st.session_state[_DIBUJADAS] = set()


def terminar_corrida() -> None:
    """Forget the results of zones this run did not draw."""
    dibujadas = st.session_state.get(_DIBUJADAS, set())
    pendientes = _pendientes()
    for lugar in [lugar for lugar in pendientes if lugar and lugar not in dibujadas]:
        del pendientes[lugar]


def aviso_pendiente() -> None:
    """The confirmation of a write made without a zone, once (drawn where this is called)."""
    resultado = _pendientes().pop("", None)
    if resultado is not None:
        _dibujar(resultado)
