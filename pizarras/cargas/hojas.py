"""Reading an uploaded spreadsheet (XLSX, OpenDocument .ods or CSV) into rows of cells, refusing hostile or wrong
files with a Spanish message that says what to do. Nothing here knows what the columns mean (see pizarras.cargas.formatos).

- XLSX and ODS (LibreOffice Calc saves ODS first) are read with python-calamine: cached values only, formulas are
  never evaluated; the sheet «Datos» if there is one, else the first. The archive's declared sizes are checked before
  anything is inflated (ZIP bombs), and a password-protected workbook of either kind is named as such.
- CSV: UTF-8 (with or without BOM), else Windows-1252/Latin-1; comma or semicolon (Spanish-locale Excel), detected
  from the header line.
- The header is the first row (among the first ten) that names at least two expected columns, so a title row above
  it is skipped (a missing column is then named by the caller); empty rows are dropped; a row whose first cell starts with "Total" is reported, not read.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import dataclass, field

from python_calamine import CalamineWorkbook

from pizarras.cargas.porcentajes import celdas_en_porcentaje, marcar
from pizarras.texto import normalizar

MB = 1024 * 1024
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # legacy .xls, and password-protected .xlsx (an encrypted OLE container)
LIBROS = (".xlsx", ".xlsm", ".ods")  # workbook extensions: all are ZIP archives
GUARDAR_COMO = ("En Excel: Archivo › Guardar como › «Libro de Excel (.xlsx)»; en LibreOffice Calc: Archivo › "
                "Guardar como › «Hoja de cálculo ODF (.ods)» o «Excel 2007-365 (.xlsx)».")
MAXIMO_DESCOMPRIMIDO = 200 * MB
MAXIMA_PROPORCION = 100  # inflated size / compressed size above which an archive is treated as a bomb


def limite_mb() -> float:
    return float(os.environ.get("PIZARRAS_CARGA_MAX_MB", "20"))


def limite_filas() -> int:
    return int(os.environ.get("PIZARRAS_CARGA_MAX_FILAS", "100000"))


class ArchivoInvalido(ValueError):
    """The file cannot be read as a spreadsheet of ours; the message says what to fix."""


@dataclass
class Hoja:
    encabezados: list[str]
    filas: list[tuple[int, list]]  # (row number as the spreadsheet shows it, cells)
    avisos: list[str] = field(default_factory=list)
    fila_encabezados: int = 1


def _revisar_zip(contenido: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(contenido)) as archivo:
            declarado = sum(i.file_size for i in archivo.infolist())
            if "EncryptedPackage" in archivo.namelist() or _ods_cifrado(archivo):
                raise ArchivoInvalido("El libro está protegido con contraseña. Guárdelo sin contraseña y súbalo de nuevo.")
    except zipfile.BadZipFile as error:
        raise ArchivoInvalido("El libro está dañado o incompleto. Ábralo en Excel o LibreOffice Calc, guárdelo de "
                              "nuevo y súbalo otra vez.") from error
    if declarado > MAXIMO_DESCOMPRIMIDO or declarado > MAXIMA_PROPORCION * max(len(contenido), 1):
        raise ArchivoInvalido(
            f"El libro declara {declarado / MB:,.0f} MB al descomprimirse, demasiado para {len(contenido) / MB:,.1f} MB "
            "de archivo: no se abrió. Copie solo los datos a la plantilla y súbala de nuevo."
        )


def _ods_cifrado(archivo: zipfile.ZipFile) -> bool:
    """An ODS saved with a password keeps its manifest in the clear and marks each encrypted part in it."""
    if "META-INF/manifest.xml" not in archivo.namelist():
        return False
    return b"encryption-data" in archivo.read("META-INF/manifest.xml")


def _leer_xlsx(contenido: bytes) -> list[list]:
    _revisar_zip(contenido)
    try:
        libro = CalamineWorkbook.from_filelike(io.BytesIO(contenido))
        nombres = libro.sheet_names
        elegida = next((n for n in nombres if normalizar(n) == "datos"), nombres[0] if nombres else None)
        if elegida is None:
            raise ArchivoInvalido("El libro no tiene hojas.")
        hoja = libro.get_sheet_by_name(elegida)
        filas = [list(fila) for fila in hoja.to_python(skip_empty_area=True)]
        if hoja.start is not None:
            marcar(filas, celdas_en_porcentaje(contenido, elegida), hoja.start)
        return filas
    except ArchivoInvalido:
        raise
    except Exception as error:  # calamine raises its own types for every kind of broken workbook
        raise ArchivoInvalido(f"No se pudo leer el libro ({type(error).__name__}). Ábralo y guárdelo de nuevo. "
                              f"{GUARDAR_COMO}") from error


def _texto_csv(contenido: bytes) -> str:
    for codificacion in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return contenido.decode(codificacion)
        except UnicodeDecodeError:
            continue
    raise ArchivoInvalido("No se reconoce la codificación del CSV: guárdelo como «CSV UTF-8».")


def _leer_csv(contenido: bytes) -> list[list]:
    if b"\x00" in contenido[:4096]:
        raise ArchivoInvalido("El archivo no es un CSV de texto (tiene bytes binarios). Use la plantilla .xlsx o "
                              "guárdelo como «CSV UTF-8».")
    texto = _texto_csv(contenido)
    primera = next((linea for linea in texto.splitlines() if linea.strip()), "")
    delimitador = ";" if primera.count(";") > primera.count(",") else ","
    return [fila for fila in csv.reader(io.StringIO(texto, newline=""), delimiter=delimitador)]


def _vacia(celda) -> bool:
    return celda is None or (isinstance(celda, str) and not celda.strip())


def leer(nombre: str, contenido: bytes, esperados: list[str]) -> Hoja:
    """The rows of an uploaded file under its header; `esperados` are the column headers this kind expects."""
    if len(contenido) > limite_mb() * MB:
        raise ArchivoInvalido(f"El archivo pesa {len(contenido) / MB:,.1f} MB; el límite es {limite_mb():,.0f} MB. "
                              "Divídalo en varios archivos.")
    if not contenido:
        raise ArchivoInvalido("El archivo está vacío.")
    extension = os.path.splitext(nombre.lower())[1]
    if contenido.startswith(_OLE):
        raise ArchivoInvalido("El archivo es un libro de Excel antiguo (.xls) o está protegido con contraseña. "
                              f"Guárdelo sin contraseña en un formato actual y súbalo de nuevo. {GUARDAR_COMO}")
    if contenido.startswith(_ZIP):
        if extension not in LIBROS:
            raise ArchivoInvalido(f"El archivo se llama «{nombre}» pero es un libro de hojas de cálculo: súbalo con su "
                                  "extensión real (.xlsx u .ods).")
        crudas = _leer_xlsx(contenido)
    elif extension in LIBROS:
        raise ArchivoInvalido(f"«{nombre}» no es un libro de hojas de cálculo válido (¿es un CSV renombrado?). Súbalo "
                              "con su extensión real.")
    elif extension in (".csv", ".txt"):
        crudas = _leer_csv(contenido)
    else:
        raise ArchivoInvalido(f"Formato no admitido: «{extension or nombre}». Suba la plantilla .xlsx o un .csv.")
    return _bajo_encabezado(crudas, esperados)


# What the template's instructions and catalog sheets start with (pizarras.cargas.plantillas): a CSV of either was
# exported from the wrong sheet (Calc exports the current one; `soffice --convert-to csv`, the first).
# Both of the instructions' row names: a data sheet may carry the template's title above its header, never both.
_INSTRUCCIONES = {"como usarla", "columna"}
_CATALOGOS = {"eje", "estatus", "modalidad", "ods", "organismo", "programa", "tipo capacitacion", "transversal"}


def _otra_hoja_de_la_plantilla(crudas: list[list]) -> None:
    primeras = [normalizar(str(c)) for fila in crudas[:20] for c in fila[:1] if not _vacia(c)]
    hoja = None
    if _INSTRUCCIONES <= set(primeras):
        hoja = "Instrucciones"
    elif crudas:
        nombres = {normalizar(str(c)) for c in crudas[0] if not _vacia(c)}
        if len(nombres) >= 2 and nombres <= _CATALOGOS:  # only the lists' names: the data sheet has «Título» too
            hoja = "Catálogos"
    if hoja:
        raise ArchivoInvalido(
            f"El archivo es la hoja «{hoja}» de la plantilla, no la de los datos. Abra la plantilla, vaya a la hoja "
            "«Datos» y guárdela como CSV (se guarda la hoja que está a la vista), o suba el libro .xlsx u .ods "
            "completo."
        )


def _bajo_encabezado(crudas: list[list], esperados: list[str]) -> Hoja:
    _otra_hoja_de_la_plantilla(crudas)
    conocidos = {normalizar(e) for e in esperados}
    inicio = None
    for i, fila in enumerate(crudas[:10]):
        nombres = {normalizar(str(c)) for c in fila if not _vacia(c)}
        if len(nombres & conocidos) >= min(2, len(conocidos)):
            inicio = i
            break
    if inicio is None:
        raise ArchivoInvalido(
            "No se encontró la fila de encabezados en las primeras 10 filas. La primera fila con datos debe tener "
            f"los nombres de las columnas de la plantilla ({', '.join(esperados[:4])}, …)."
        )
    avisos = [f"Se omitió la fila {i + 1} (título sobre los encabezados)." for i in range(inicio) if
              any(not _vacia(c) for c in crudas[i])]
    encabezados = ["" if _vacia(c) else str(c).strip() for c in crudas[inicio]]
    filas = []
    for i, fila in enumerate(crudas[inicio + 1:], start=inicio + 2):
        if all(_vacia(c) for c in fila):
            continue
        primera = next((c for c in fila if not _vacia(c)), "")
        if isinstance(primera, str) and normalizar(primera).startswith("total"):
            avisos.append(f"Se omitió la fila {i} (totales).")
            continue
        filas.append((i, list(fila) + [None] * (len(encabezados) - len(fila))))
    if len(filas) > limite_filas():
        raise ArchivoInvalido(f"El archivo tiene {len(filas):,} filas; el límite es {limite_filas():,}. Divídalo en "
                              "varios archivos.")
    return Hoja(encabezados, filas, avisos, inicio + 1)
