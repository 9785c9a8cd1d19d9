"""Datos abiertos: every public table (validated records only) in four formats, its dictionary, licence,
extraction date, «Datos validados al …» and which rows are demo data. Files are made only when a button is clicked."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from pizarras.publicacion import datos_abiertos as da
from pizarras.publicacion.diccionario import POR_NOMBRE
from pizarras.publicacion.exportar import a_csv
from pizarras.ui import componentes
from pizarras.ui import datos_abiertos as cache
from pizarras.ui.datos import conexion
from pizarras.ui.espanol import ELIJA_UNA
from pizarras.ui.marco import exigir_marco

exigir_marco()
st.title("Datos abiertos")
st.caption(
    "Todas las tablas públicas de las Pizarras de Avance en CSV, XLSX, JSON y Parquet, con su diccionario de datos. "
    "Los filtros de la barra lateral no se aplican aquí: cada archivo trae todos los registros públicos."
)
st.info(da.NOTA_REVISION, icon=":material/verified:")
componentes.fecha_de_validacion(cache.ultima_validacion())  # open data are what the public sees, for everyone
st.info(da.NOTA_DEMO, icon=":material/science:")
st.caption(da.NOTA_LICENCIA)
st.caption("Cita de la fuente, en la forma que pide la licencia (cópiela con el botón del recuadro):")
st.code(cache.cita(), language=None, wrap_lines=True)
st.caption(
    f"Fecha de extracción: la del momento de la descarga (ahora, {datetime.now():%Y-%m-%d %H:%M}); va en cada XLSX "
    "y en metadatos.json. " + da.NOTA_FORMULAS
)
st.caption(
    f"Para portales y programas, el ZIP trae además {da.PAQUETE} (Data Package de Frictionless: cada CSV con su "
    f"esquema, claves y referencias) y {da.CATALOGO} (los metadatos que pide la guía de datos.gob.mx)."
)

con = conexion()
izquierda, derecha, _ = st.columns([1, 1, 3])
izquierda.download_button(
    "Todo (ZIP)", data=lambda: da.zip_completo(con), file_name="datos_abiertos_pizarras.zip",
    mime="application/zip", icon=":material/folder_zip:", key="datos_abiertos_zip", on_click="ignore",
)
derecha.download_button(
    "Diccionario (CSV)", data=lambda: a_csv(da.diccionario(con)), file_name="diccionario.csv", mime="text/csv",
    icon=":material/menu_book:", key="datos_abiertos_diccionario", on_click="ignore",
)

resumen = cache.resumen()
st.dataframe(
    resumen.rename(columns={"tabla": "Archivo", "titulo": "Tabla", "filas": "Filas",
                            "filas_demo": "De demostración", "descripcion": "Contenido"}),
    hide_index=True, width="stretch",
)

nombre = st.selectbox(
    "Tabla", list(resumen["tabla"]), format_func=lambda n: POR_NOMBRE[n].titulo, key="datos_abiertos_tabla",
    placeholder=ELIJA_UNA,
)
conjunto = POR_NOMBRE[nombre]
st.subheader(conjunto.titulo)
st.text(conjunto.descripcion)
for columna, formato in zip(st.columns(len(da.FORMATOS)), da.FORMATOS, strict=True):
    columna.download_button(
        formato.upper(), data=da.generador(con, nombre, formato), file_name=f"{nombre}.{formato}",
        mime=da.FORMATOS[formato], icon=":material/download:", key=f"datos_abiertos_{nombre}_{formato}",
        on_click="ignore", width="stretch",
    )
diccionario = cache.diccionario()
st.dataframe(
    diccionario[diccionario["tabla"] == nombre].drop(columns="tabla").rename(
        columns={"columna": "Columna", "tipo": "Tipo", "significado": "Significado",
                 "valores_permitidos": "Valores permitidos"}
    ),
    hide_index=True, width="stretch",
)
st.caption("Primeras filas:")
st.dataframe(cache.tabla(nombre).head(20), hide_index=True, width="stretch")
