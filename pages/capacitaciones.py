"""Capacitaciones: KPIs, trainings over time, by región, organiser, modality, type, theme and eje, by sex; table + detail."""

from __future__ import annotations

import streamlit as st

from pizarras import estilo
from pizarras.lectura.tableros import capacitaciones as tablero
from pizarras.ui import componentes
from pizarras.ui.chips import encabezado
from pizarras.ui.datos import consultar_directo, tablero_compartido
from pizarras.ui.detalle import mostrar_detalle, tabla_seleccionable
from pizarras.ui.figuras import dibujar, figura_declarada
from pizarras.ui.marco import exigir_marco
from pizarras.ui.tablas import mostrar_tabla

exigir_marco()

encabezado(
    "Capacitaciones",
    "Cursos, talleres, diplomados, jornadas y otras capacitaciones que organizan o reportan los integrantes del SNT.",
)

filtros = st.session_state["filtros"]
pizarra = tablero_compartido(tablero.pizarra_capacitaciones, filtros)
componentes.aviso_demo(pizarra.demo)

kpi, faltantes = pizarra.kpi, pizarra.faltantes
componentes.cifras(pizarra.cifras)
componentes.fecha_de_validacion(pizarra.ultima_validacion, filtros.solo_validadas)
componentes.nota_no_aplican(pizarra.no_aplican, "las capacitaciones")

if pizarra.vacia:
    componentes.estado_vacio("capacitaciones")
    st.stop()

graficas = pizarra.graficas
if pizarra.por_mes.empty:
    st.caption("Ninguna de las capacitaciones filtradas tiene fecha de inicio.")
else:
    dibujar(figura_declarada(graficas["por_mes"]))
sin_fecha, sin_participantes = int(faltantes["sin_fecha"]), int(faltantes["sin_participantes"])
st.caption(
    f"Sin fecha de inicio (fuera de la serie por mes): {sin_fecha} de "
    f"{estilo.cantidad(kpi['capacitaciones'], 'capacitación', 'capacitaciones')}. Sin número de participantes: "
    f"{sin_participantes}."
)

izquierda, derecha = st.columns(2)
dibujar(figura_declarada(graficas["por_region"]), izquierda)
dibujar(figura_declarada(graficas["por_sexo"]), derecha)
derecha.caption(
    f"Sin desglose por sexo en su fuente: {estilo.entero(faltantes['participantes_sin_sexo'])} de "
    f"{estilo.cantidad(kpi['participantes'], 'participante', 'participantes')} (en "
    f"{estilo.cantidad(int(faltantes['sin_desglose_sexo']), 'capacitación', 'capacitaciones')})."
)

dibujar(figura_declarada(graficas["por_organizador"]))
with st.expander(f"Todos los organizadores ({len(pizarra.por_organizador)})"):
    mostrar_tabla(tablero.tabla_organizadores(pizarra.por_organizador))

izquierda, derecha = st.columns(2)
for columna, clave in ((izquierda, "por_modalidad"), (derecha, "por_tipo"), (st, "por_tema"), (st, "por_eje")):
    dibujar(figura_declarada(graficas[clave]), columna)

st.subheader("Capacitaciones")
st.caption("Seleccione una fila para ver todos sus campos y su fuente.")
tabla = pizarra.tabla
elegida = tabla_seleccionable(tabla, "tabla_capacitaciones")
componentes.descargas(
    tabla, "capacitaciones", "Capacitaciones filtradas", filtros,
    completa=lambda: tablero.capacitaciones_para_descarga(consultar_directo, filtros),
)
if elegida is not None:
    fila = pizarra.capacitaciones.iloc[elegida].to_dict()
    mostrar_detalle(
        fila, fila["titulo"], tablero.detalle_capacitacion, tablero.fuentes_capacitacion, tablero.avisos_capacitacion,
        tabla="capacitaciones",
    )
