"""Open data: every public table as CSV, XLSX, JSON and Parquet, with its dictionary, licence, extraction date and
«Datos validados al …» (the newest validation among what it publishes; each record carries its own `validada_en`).

Public means validated records only (the public rule), never accounts, login attempts, the audit trail, drafts or
the reports of activities not yet validated; the queries in queries/datos_abiertos/ say so in their WHERE and leave
out who reported, reviewers' comments and notes. There is no switch for a logged-in user: open data is what the
public sees. CSV and XLSX protect text cells from running as formulas (pizarras.publicacion.exportar); JSON and Parquet keep
values as they are, for programs.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pizarras import estilo
from pizarras.base.consultas import cargar, ejecutar
from pizarras.lectura.tableros import validados_al
from pizarras.publicacion import exportar
from pizarras.publicacion.diccionario import CONJUNTOS, POR_NOMBRE, Conjunto

# Every other table of the database, and why it is never published: a test checks that each table is in one list.
NO_PUBLICAS = {
    "usuarios": "cuentas de usuario",
    "intentos_acceso": "intentos de acceso",
    "auditoria": "bitácora de cambios (quién cambió qué)",
    "presentaciones": "presentaciones de talleres (contenido de la app, con la cuenta que las creó)",
    "diapositivas": "diapositivas de esas presentaciones",
    "importaciones": "lotes de carga de hojas de cálculo (quién cargó qué archivo)",
    "importacion_cambios": "lo que cambió cada lote, con los registros anteriores (para revertirlo)",
    "esquema": "versión del esquema (técnica)",
    "macros_instaladas": "huella de las macros (técnica)",
    # The published versions are what the open data's tables of the same subject publish (without internal columns).
    "actividades_publicadas": "versiones publicadas de las actividades (se publican como «actividades»)",
    "actividad_ejes_transversales_publicadas": "se publican como «actividad_ejes_transversales»",
    "actividad_ods_publicadas": "se publican como «actividad_ods»",
    "reportes_publicados": "se publican como «reportes_avance»",
    "compromisos_publicados": "versiones publicadas de los compromisos (se publican como «compromisos»)",
    "capacitaciones_publicadas": "versiones publicadas de las capacitaciones (se publican como «capacitaciones»)",
}
Formato = Literal["csv", "xlsx", "json", "parquet"]
FORMATOS: dict[Formato, str] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
}
LICENCIA = "Licencia de Libre Uso MX"
LICENCIA_URL = "https://datos.gob.mx/libreusomx"
NOTA_LICENCIA = (
    f"Los datos se publican bajo la {LICENCIA} ({LICENCIA_URL}): puede copiarlos, distribuirlos, adaptarlos y usarlos "
    "con cualquier fin, incluso comercial, citando la fuente: «Sistema Nacional de Transparencia, Pizarras de Avance»."
)
NOTA_DEMO = (
    "Las filas con es_demo = true son datos de demostración (inventados para mostrar la aplicación); las filas con "
    "es_demo = false son registros reales con fuente. En compromisos, ods_es_demo = true marca una alineación a ODS "
    "de demostración. Los catálogos son reales; su columna verificado dice si el nombre ya se comprobó."
)
NOTA_REVISION = (
    "Solo se publican registros validados por la Secretaría Ejecutiva; los borradores, los enviados a revisión y los "
    "observados no aparecen, ni las cuentas de usuario o la bitácora."
)
NOTA_FORMULAS = (
    "En CSV y XLSX, un texto que empieza con = + - @ lleva un apóstrofo delante para que la hoja de cálculo no lo "
    "ejecute como fórmula; JSON y Parquet guardan el texto tal cual. Una hoja XLSX admite hasta "
    f"{estilo.entero(exportar.FILAS_MAXIMAS_XLSX)} filas: una tabla más larga trae ahí sus primeras filas, y lo "
    "dice; CSV, JSON y Parquet la traen completa."
)


_ENTEROS = {"INTEGER": "Int32", "BIGINT": "Int64", "SMALLINT": "Int16"}


def tabla(con: duckdb.DuckDBPyConnection, nombre: str) -> pd.DataFrame:
    """The public rows of one table."""
    if nombre not in POR_NOMBRE:
        raise KeyError(f"No es un conjunto de datos abiertos: {nombre!r}")
    datos = ejecutar(con, f"datos_abiertos/{nombre}", {})
    tipos_sql = tipos(con, nombre)
    # An integer column with nulls arrives as float (16.0): give it back its nullable integer type.
    for columna, tipo in tipos_sql.items():
        if tipo in _ENTEROS and pd.api.types.is_float_dtype(datos[columna]):
            datos[columna] = datos[columna].astype(_ENTEROS[tipo])
    datos.attrs["tipos"] = tipos_sql  # Parquet keeps them even for a column that is all null
    return datos


def version_de_los_datos(con: duckdb.DuckDBPyConnection) -> int:
    """The id of the last audited change (0 when none): changes whenever a public record may have changed."""
    return int(ejecutar(con, "datos_abiertos/version_de_los_datos", {})["ultimo_cambio"].iloc[0])


def ultima_validacion(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """The newest validation among the published activities, commitments and trainings (None: nothing published)."""
    valor = ejecutar(con, "datos_abiertos/ultima_validacion", {})["ultima_validacion"].iloc[0]
    return None if pd.isna(valor) else pd.Timestamp(valor).to_pydatetime()


def tipos(con: duckdb.DuckDBPyConnection, nombre: str) -> dict[str, str]:
    """Column -> DuckDB type of a table's public query, read from DuckDB itself."""
    sql = cargar(f"datos_abiertos/{nombre}").sql
    with con.cursor() as cur:
        return {fila[0]: fila[1] for fila in cur.execute(f"describe {sql}").fetchall()}


def diccionario(con: duckdb.DuckDBPyConnection, conjuntos: tuple[Conjunto, ...] = CONJUNTOS) -> pd.DataFrame:
    """One row per published column: table, column, type, meaning, allowed values."""
    filas = []
    for conjunto in conjuntos:
        tipos_tabla = tipos(con, conjunto.nombre)
        for columna, (significado, valores) in conjunto.columnas.items():
            filas.append({
                "tabla": conjunto.nombre, "columna": columna, "tipo": tipos_tabla[columna],
                "significado": significado, "valores_permitidos": valores,
            })
    return pd.DataFrame(filas, columns=["tabla", "columna", "tipo", "significado", "valores_permitidos"])


def resumen(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per table: name, title, rows, demo rows (None where the table has no demo flag), description."""
    filas = []
    for conjunto in CONJUNTOS:
        datos = tabla(con, conjunto.nombre)
        demo = int(datos["es_demo"].sum()) if conjunto.tiene_demo else None
        filas.append({"tabla": conjunto.nombre, "titulo": conjunto.titulo, "filas": len(datos),
                      "filas_demo": demo, "descripcion": conjunto.descripcion})
    return pd.DataFrame(filas).astype({"filas_demo": "Int64"})


def metadatos(con: duckdb.DuckDBPyConnection, extraido: datetime) -> dict:
    """Licence, extraction date, the newest validation, notes and, per table, its rows and columns: `metadatos.json`
    of a download."""
    dic = diccionario(con)
    validada = ultima_validacion(con)
    return {
        "titulo": "Pizarras de Avance — Sistema Nacional de Transparencia: datos abiertos",
        "licencia": LICENCIA,
        "licencia_url": LICENCIA_URL,
        "nota_licencia": NOTA_LICENCIA,
        "fecha_extraccion": extraido.isoformat(timespec="seconds"),
        # The platform's fecha de validación of the whole release: the newest among its records (null: none).
        "fecha_validacion": None if validada is None else validada.isoformat(timespec="seconds"),
        "validados_al": validados_al(validada),
        "nota_revision": NOTA_REVISION,
        "nota_demo": NOTA_DEMO,
        "nota_formulas": NOTA_FORMULAS,
        "formatos": list(FORMATOS),
        "tablas": [
            {**fila, "columnas": dic[dic["tabla"] == fila["tabla"]].drop(columns="tabla").to_dict("records")}
            for fila in resumen(con).to_dict("records")
        ],
    }


def _valor_json(valor: object) -> object:
    if valor is None or (not isinstance(valor, (str, bytes)) and pd.isna(valor)):
        return None
    if isinstance(valor, pd.Timestamp):
        return valor.isoformat(sep=" ", timespec="seconds")
    if hasattr(valor, "isoformat"):  # a date: AAAA-MM-DD, as in the dictionary
        return valor.isoformat()
    if hasattr(valor, "item"):  # numpy scalars
        return valor.item()
    return valor


def _json(datos: pd.DataFrame) -> bytes:
    registros = [
        {columna: _valor_json(valor) for columna, valor in zip(datos.columns, fila, strict=True)}
        for fila in datos.itertuples(index=False, name=None)
    ]
    return json.dumps(registros, ensure_ascii=False, indent=1).encode("utf-8")


_ARROW = {"INTEGER": pa.int32(), "BIGINT": pa.int64(), "SMALLINT": pa.int16(), "VARCHAR": pa.string(),
          "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "BOOLEAN": pa.bool_(), "DOUBLE": pa.float64()}


def _parquet(datos: pd.DataFrame) -> bytes:
    tipos_sql = datos.attrs.get("tipos", {})
    esquema = None
    if tipos_sql and all(tipos_sql.get(c) in _ARROW for c in datos.columns):
        esquema = pa.schema([(c, _ARROW[tipos_sql[c]]) for c in datos.columns])
    salida = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(datos, schema=esquema, preserve_index=False), salida)
    return salida.getvalue()


def archivo(datos: pd.DataFrame, formato: Formato, titulo: str, extraido: datetime,
            validada: datetime | None = None) -> bytes:
    """One table in one format; an XLSX says when the open data were last validated (`validada`)."""
    if formato == "csv":
        return exportar.a_csv(datos)
    if formato == "xlsx":
        hoja = [("Registros", "Solo validados"), ("Licencia", f"{LICENCIA} ({LICENCIA_URL})"), ("Datos de demostración",
                NOTA_DEMO)]
        if validada is not None:
            hoja.insert(1, ("Validación", validados_al(validada)))
        return exportar.a_xlsx(datos, titulo, hoja, extraido)
    if formato == "json":
        return _json(datos)
    if formato == "parquet":
        return _parquet(datos)
    raise ValueError(f"Formato desconocido: {formato!r}")


def archivo_de_tabla(con: duckdb.DuckDBPyConnection, nombre: str, formato: Formato, extraido: datetime) -> bytes:
    return archivo(tabla(con, nombre), formato, POR_NOMBRE[nombre].titulo, extraido, ultima_validacion(con))


def _archivos(con: duckdb.DuckDBPyConnection, extraido: datetime) -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) of every file of a full download."""
    validada = ultima_validacion(con)
    for conjunto in CONJUNTOS:
        datos = tabla(con, conjunto.nombre)
        for formato in FORMATOS:
            yield f"{formato}/{conjunto.nombre}.{formato}", archivo(datos, formato, conjunto.titulo, extraido, validada)
    yield "diccionario.csv", exportar.a_csv(diccionario(con))
    yield "metadatos.json", json.dumps(metadatos(con, extraido), ensure_ascii=False, indent=1).encode("utf-8")
    yield "LEEME.txt", leeme(extraido, validada).encode("utf-8")


def leeme(extraido: datetime, validada: datetime | None = None) -> str:
    validacion = (f"{validados_al(validada)} (la validación más reciente de lo publicado; cada actividad, compromiso "
                  "y capacitación trae la suya en validada_en)." if validada is not None else
                  "Aún no hay registros validados.")
    return "\n\n".join([
        "Pizarras de Avance — Sistema Nacional de Transparencia: datos abiertos",
        f"Fecha de extracción: {extraido.isoformat(sep=' ', timespec='seconds')}",
        validacion,
        NOTA_LICENCIA, NOTA_REVISION, NOTA_DEMO, NOTA_FORMULAS,
        "Cada tabla está en csv/, xlsx/, json/ y parquet/. diccionario.csv describe cada columna (tipo, significado, "
        "valores permitidos); metadatos.json reúne todo lo anterior y las filas de cada tabla.",
    ]) + "\n"


def escribir(con: duckdb.DuckDBPyConnection, carpeta: Path, extraido: datetime | None = None) -> list[Path]:
    """Write every file of the open data under `carpeta`; returns the paths written."""
    extraido = extraido or datetime.now()
    escritos = []
    for relativo, contenido in _archivos(con, extraido):
        ruta = carpeta / relativo
        ruta.parent.mkdir(parents=True, exist_ok=True)
        ruta.write_bytes(contenido)
        escritos.append(ruta)
    return escritos


def zip_completo(con: duckdb.DuckDBPyConnection, extraido: datetime | None = None) -> bytes:
    """Everything `escribir` writes, as one ZIP file."""
    extraido = extraido or datetime.now()
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as archivo_zip:
        for relativo, contenido in _archivos(con, extraido):
            archivo_zip.writestr(f"datos_abiertos/{relativo}", contenido)
    return salida.getvalue()


def generador(con: duckdb.DuckDBPyConnection, nombre: str, formato: Formato) -> Callable[[], bytes]:
    """A no-argument function producing one file when called (a download made only on click)."""
    return lambda: archivo_de_tabla(con, nombre, formato, datetime.now())
