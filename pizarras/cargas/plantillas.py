"""The XLSX template of an import: the data sheet with Spanish headers (filled with an organismo's current records
when asked, so staff download, edit and upload back), an instructions sheet, a hidden catalog sheet and drop-down
lists for the catalog columns. Text cells are written as text, never as formulas."""

from __future__ import annotations

import io
from datetime import date

import duckdb
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pizarras.base.consultas import ejecutar_en
from pizarras.cargas.formatos import FORMATOS, Formato
from pizarras.escritura.reglas import MODALIDADES, TIPOS_CAPACITACION

# Header → the list of values its drop-down offers.
_LISTAS = {"Organismo": "organismo", "Programa": "programa", "Eje temático": "eje", "Estatus": "estatus",
           "Tipo": "tipo_capacitacion", "Modalidad": "modalidad"}
_ENCABEZADO = PatternFill("solid", fgColor="1F4E79")
_TEXTO = {
    "actividades": ("Plantilla de actividades", "Sin ID, una actividad se reconoce por organismo, periodo y título."),
    "capacitaciones": ("Plantilla de capacitaciones",
                       "Sin ID, una capacitación se reconoce por organismo, fecha de inicio y título."),
    "compromisos": ("Plantilla de avance de compromisos",
                    "Cada fila es un compromiso de su entidad, por su ID: actualice estatus, avance y notas."),
}


def _celda_texto(hoja, fila: int, columna: int, valor) -> None:
    celda = hoja.cell(row=fila, column=columna, value=valor)
    if isinstance(valor, str):
        celda.data_type = "s"  # a value starting with "=" stays text


def _valor(campo: str, registro: dict, nombres: dict[str, dict]):
    """A stored value as the spreadsheet shows it: lists joined, coded values by their name."""
    valor = registro.get(campo)
    if campo == "transversales":
        return "; ".join(valor)
    if campo == "ods" and isinstance(valor, list):
        return ", ".join(map(str, valor))
    if campo in nombres and valor is not None:
        return nombres[campo].get(valor, valor)
    return valor


def plantilla(con: duckdb.DuckDBPyConnection, tipo: str, organismo: str | None = None) -> bytes:
    """The template of `tipo`; with `organismo`, filled with that organismo's records (every review state) — for
    commitments, those of the organismo's entidad."""
    formato: Formato = FORMATOS[tipo]
    with con.cursor() as cur:
        opciones = ejecutar_en(cur, "importar/opciones_plantilla")
        registros = []
        if organismo and formato.ambito == "organismo":
            registros = ejecutar_en(cur, formato.guardados, {"organismos": [organismo]})
        elif organismo:
            entidades = [f["entidad"] for f in ejecutar_en(cur, "autorreporte/organismo_existe", {"organismo": organismo})]
            registros = ejecutar_en(cur, formato.guardados, {"entidades": entidades})
    listas: dict[str, list[str]] = {}
    for o in opciones:
        listas.setdefault(o["catalogo"], []).append(o["valor"])
    listas["tipo_capacitacion"] = list(TIPOS_CAPACITACION.values())
    listas["modalidad"] = list(MODALIDADES.values())
    nombres = {"estatus": {o["clave"]: o["valor"] for o in opciones if o["catalogo"] == "estatus"}}
    if tipo == "capacitaciones":
        nombres |= {"tipo": TIPOS_CAPACITACION, "modalidad": MODALIDADES}

    libro = Workbook()
    datos = libro.active
    datos.title = "Datos"
    for j, columna in enumerate(formato.columnas, start=1):
        celda = datos.cell(row=1, column=j, value=columna.encabezado)
        celda.font, celda.fill = Font(bold=True, color="FFFFFF"), _ENCABEZADO
        ancho = 60 if columna.campo == "titulo" else max(14, min(60, len(columna.encabezado) + 6))
        datos.column_dimensions[get_column_letter(j)].width = ancho
    datos.freeze_panes = "A2"
    for i, registro in enumerate(registros, start=2):
        for j, columna in enumerate(formato.columnas, start=1):
            valor = _valor(columna.campo, registro, nombres)
            _celda_texto(datos, i, j, valor)
            if isinstance(valor, date):
                datos.cell(row=i, column=j).number_format = "DD/MM/YYYY"

    catalogos = libro.create_sheet("Catálogos")
    catalogos.sheet_state = "hidden"
    ultima_fila = max(len(registros) + 1, 1000)
    # New rows' dates too, as far as the drop-downs reach: a date typed there is then a date, and a CSV from
    # LibreOffice keeps its four-digit year.
    for j, columna in enumerate(formato.columnas, start=1):
        if columna.campo.startswith("fecha_"):
            for i in range(len(registros) + 2, ultima_fila + 1):
                datos.cell(row=i, column=j).number_format = "DD/MM/YYYY"
    encabezados = formato.encabezados
    for j, (lista, valores) in enumerate(sorted(listas.items()), start=1):
        letra = get_column_letter(j)
        catalogos.cell(row=1, column=j, value=lista)
        for i, valor in enumerate(valores, start=2):
            _celda_texto(catalogos, i, j, valor)
        for encabezado in (e for e, nombre in _LISTAS.items() if nombre == lista and e in encabezados):
            if encabezado == "Tipo" and tipo != "capacitaciones":
                continue  # an activity's type is free text
            columna_datos = get_column_letter(encabezados.index(encabezado) + 1)
            validacion = DataValidation(type="list", formula1=f"='Catálogos'!${letra}$2:${letra}${len(valores) + 1}",
                                        allow_blank=True, showErrorMessage=True, errorTitle="Valor no válido",
                                        error=f"Elija un valor de la lista de {encabezado}.")
            validacion.add(f"{columna_datos}2:{columna_datos}{ultima_fila}")
            datos.add_data_validation(validacion)

    titulo, llave = _TEXTO[tipo]
    # After «Datos»: a program that exports the first sheet as CSV exports the data.
    instrucciones = libro.create_sheet("Instrucciones", 1)
    instrucciones.column_dimensions["A"].width = 24
    instrucciones.column_dimensions["B"].width = 100
    lineas = [
        (titulo, "Pizarras de Avance · Sistema Nacional de Transparencia"),
        ("Cómo usarla", "Llene o corrija la hoja «Datos» (un registro por fila) y súbala en la página «Cargar». "
                        "También se acepta guardada como .ods (LibreOffice Calc) o como CSV (UTF-8 o Windows-1252, con "
                        "coma o punto y coma)."),
        ("Filas existentes", f"Las filas con ID ya están registradas: al subir el archivo se actualizan. {llave}"),
        ("Revisión", "Lo que se carga queda «Enviada a revisión» hasta que la Secretaría Ejecutiva lo valida."),
        ("", ""),
        ("Columna", "Qué escribir"),
    ] + [(f"{c.encabezado}{' *' if c.requerida else ''}", c.ayuda) for c in formato.columnas] + [("", "* obligatoria")]
    for i, (a, b) in enumerate(lineas, start=1):
        _celda_texto(instrucciones, i, 1, a)
        _celda_texto(instrucciones, i, 2, b)
        if i in (1, 6):
            instrucciones.cell(row=i, column=1).font = Font(bold=True)
    libro.active = 1
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()
