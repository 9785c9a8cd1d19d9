"""Drawing the «Indicadores» board's parts: the count of indicators in each state, each indicator's heading with its
state (a coloured mark, a symbol and the word: never colour alone) and its sheet. Loaded text (names, sheets) is
escaped and shown as text."""

from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st

from pizarras import etiquetas
from pizarras.lectura.tableros.indicadores import ESTADOS, SENTIDOS, Indicador, PizarraIndicadores, formato
from pizarras.texto import escapar_markdown
from pizarras.ui.componentes import casillas_kpi
from pizarras.ui.tablas import mostrar_tabla

# A symbol per state as well as a colour, for readers who cannot tell the colours apart and for print.
SIMBOLOS = {"cumple": "✔", "cerca": "◐", "rezagado": "✖", "sin_dato": "○"}


def marca_de_estado(clave: str) -> str:
    """The state as HTML: its symbol in its colour (Okabe–Ito) and its word in the text colour."""
    etiqueta, color = ESTADOS[clave]
    return (f'<span style="color:{color};font-size:1.15rem" aria-hidden="true">{SIMBOLOS[clave]}</span> '
            f'<strong>{escape(etiqueta)}</strong>')


def resumen_de_estados(pizarra: PizarraIndicadores) -> None:
    """How many indicators are in each state in the year judged, one card per state."""
    cuenta = pizarra.conteo_estados()
    for casilla, clave in zip(casillas_kpi(len(ESTADOS)), ESTADOS, strict=True):
        casilla.metric(f"{SIMBOLOS[clave]} {ESTADOS[clave][0]} en {pizarra.anio}", cuenta[clave])


def titulo_con_estado(indicador: Indicador) -> None:
    st.markdown(f"#### {escapar_markdown(indicador.titulo)}")
    f = indicador.ficha
    demo = " · <em>ficha de demostración, sin verificar</em>" if f["es_demo"] else (
        "" if f["verificado"] else " · <em>ficha sin verificar</em>")
    st.html(
        f'<div style="border-left:6px solid {indicador.situacion.color};padding-left:0.6rem">'
        f"{marca_de_estado(indicador.situacion.estado)} — {escape(indicador.resumen())}<br>"
        f'<span style="color:#63615E">{escape(f["programa_sigla"])} · {escape(f["eje_nombre"])} · '
        f"{escape(SENTIDOS[f['sentido']])}{demo}</span></div>"
    )


_CAMPOS = [
    ("objetivo", "Objetivo"), ("descripcion", "Descripción"), ("metodo_calculo", "Método de cálculo"),
    ("unidad", "Unidad de medida"), ("periodicidad", "Periodicidad"), ("medios_verificacion", "Medios de verificación"),
    ("actores", "Actores vinculados"), ("fuente", "Fuente de la ficha"),
]


def ficha(indicador: Indicador) -> None:
    """The indicator's sheet and its values year by year, as text, in an expander."""
    f = indicador.ficha
    with st.expander("Ficha y valores por año"):
        campos = [(etiqueta, f.get(clave)) for clave, etiqueta in _CAMPOS if f.get(clave)]
        campos.append(("Línea base 2020", formato(f.get("linea_base"), f["unidad"])))
        mostrar_tabla(pd.DataFrame(campos, columns=["Campo", "Valor"]))
        valores = indicador.valores
        if valores.empty:
            st.caption("Sin valores reportados.")
            return
        tabla = pd.DataFrame({
            "Año": valores["anio"].astype("Int64"),
            "Valor reportado": [formato(v, f["unidad"]) for v in valores["valor"]],
            "Meta": [formato(f.get(f"meta_{a}"), f["unidad"]) for a in valores["anio"]],
            "Fuente": valores["fuente_url"],
            "Nota": valores["nota"],
        })
        if "revision" in valores and not st.session_state["filtros"].solo_validadas:
            # The internal view reads the working values: say which are not validated yet.
            tabla["Revisión"] = [etiquetas.valor("revision", r) for r in valores["revision"]]
        mostrar_tabla(tabla)
