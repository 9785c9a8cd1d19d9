"""Which cells of a workbook are formatted as percentages. A spreadsheet stores «100 %» as the number 1 and «45 %»
as 0.45; python-calamine reads values only, so without the format a typed 100 % would be read as 1 %.

The workbook's own format records say it, read only where they can matter: for XLSX, the styles whose number format
is a percentage (built-in 9 and 10, or a custom code with «%»), then the sheet's cells with those styles, found in
its XML text (no full parse: a 100,000-row sheet takes a fraction of a second); for ODS, the cells whose value type is
«percentage». Cells are (row, column), 0-based, on the whole sheet.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

_PRINCIPAL = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELACION = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PAQUETE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PORCENTAJE_INTEGRADO = {9, 10}  # 0% and 0.00%
_CITADO = re.compile(r'"[^"]*"|\\.')
_TABLA = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class Porcentaje(float):
    """A number its cell shows as a percentage: the fraction it holds (1.0 is 100 %)."""


def _columna(letras: str) -> int:
    numero = 0
    for letra in letras:
        numero = numero * 26 + ord(letra) - 64
    return numero - 1


def _estilos_en_porcentaje(estilos: bytes) -> set[int]:
    raiz = ElementTree.fromstring(estilos)
    propios = {int(f.get("numFmtId")): f.get("formatCode", "") for f in raiz.iter(f"{_PRINCIPAL}numFmt")}
    en_porcentaje = _PORCENTAJE_INTEGRADO | {n for n, codigo in propios.items() if "%" in _CITADO.sub("", codigo)}
    celdas = raiz.find(f"{_PRINCIPAL}cellXfs")
    xfs = [] if celdas is None else celdas.findall(f"{_PRINCIPAL}xf")
    return {i for i, xf in enumerate(xfs) if int(xf.get("numFmtId", "0")) in en_porcentaje}


def _ruta_de_hoja(archivo: zipfile.ZipFile, hoja: str) -> str | None:
    libro = ElementTree.fromstring(archivo.read("xl/workbook.xml"))
    rid = next((s.get(_RELACION) for s in libro.iter(f"{_PRINCIPAL}sheet") if s.get("name") == hoja), None)
    relaciones = ElementTree.fromstring(archivo.read("xl/_rels/workbook.xml.rels"))
    destino = next((r.get("Target") for r in relaciones.iter(f"{_PAQUETE}Relationship") if r.get("Id") == rid), None)
    if destino is None:
        return None
    return destino.lstrip("/") if destino.startswith("/") else f"xl/{destino}"


def _de_xlsx(archivo: zipfile.ZipFile, hoja: str) -> set[tuple[int, int]]:
    if "xl/styles.xml" not in archivo.namelist():
        return set()
    estilos = _estilos_en_porcentaje(archivo.read("xl/styles.xml"))
    ruta = _ruta_de_hoja(archivo, hoja) if estilos else None
    if ruta is None or ruta not in archivo.namelist():
        return set()
    patron = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?\ss="(?:' + b"|".join(str(s).encode() for s in estilos)
                        + rb')"[\s/>]')
    return {(int(fila) - 1, _columna(letras.decode())) for letras, fila in patron.findall(archivo.read(ruta))}


def _de_ods(archivo: zipfile.ZipFile, hoja: str) -> set[tuple[int, int]]:
    contenido = archivo.read("content.xml")
    if b'value-type="percentage"' not in contenido:
        return set()
    celdas = set()
    for _, tabla in ElementTree.iterparse(io.BytesIO(contenido)):
        if tabla.tag != f"{_TABLA}table" or tabla.get(f"{_TABLA}name") != hoja:
            continue
        fila = 0
        for renglon in tabla.iter(f"{_TABLA}table-row"):
            columna = 0
            for celda in renglon:
                repetidas = int(celda.get(f"{_TABLA}number-columns-repeated", "1"))
                if celda.get(f"{_OFFICE}value-type") == "percentage":
                    celdas.update((fila, columna + k) for k in range(repetidas))
                columna += repetidas
            fila += int(renglon.get(f"{_TABLA}number-rows-repeated", "1"))
        break
    return celdas


def celdas_en_porcentaje(contenido: bytes, hoja: str) -> set[tuple[int, int]]:
    """The (row, column) of the cells of sheet `hoja` shown as percentages, in an XLSX or ODS workbook."""
    with zipfile.ZipFile(io.BytesIO(contenido)) as archivo:
        if "xl/workbook.xml" in archivo.namelist():
            return _de_xlsx(archivo, hoja)
        if "content.xml" in archivo.namelist():
            return _de_ods(archivo, hoja)
    return set()


def marcar(filas: list[list], celdas: set[tuple[int, int]], inicio: tuple[int, int]) -> None:
    """Mark the numbers of `celdas` as `Porcentaje` in `filas`, a sheet's area that starts at `inicio`."""
    for fila, columna in celdas:
        i, j = fila - inicio[0], columna - inicio[1]
        if 0 <= i < len(filas) and 0 <= j < len(filas[i]):
            valor = filas[i][j]
            if isinstance(valor, (int, float)) and not isinstance(valor, bool):
                filas[i][j] = Porcentaje(valor)
