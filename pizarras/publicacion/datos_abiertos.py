"""Open data: every public table as CSV, XLSX, JSON and Parquet, with its dictionary, licence, extraction date and
«Datos validados al …» (the newest validation among what it publishes; each record carries its own `validada_en`).

Public means validated records only (the public rule), never accounts, login attempts, the audit trail, drafts or
the reports of activities not yet validated; the queries in queries/datos_abiertos/ say so in their WHERE and leave
out who reported, reviewers' comments and notes. There is no switch for a logged-in user: open data is what the
public sees. CSV and XLSX protect text cells from running as formulas (pizarras.publicacion.exportar); JSON and Parquet keep
values as they are, for programs.

For portals that harvest open data, the folder also carries a Frictionless Data Package (`datapackage.json`: one
resource per CSV with its Table Schema, keys and references, built from the dictionary) and a catalogue with the
metadata datos.gob.mx's guide asks for (`catalogo.json`: the dataset and one distribution per file, with its real
size); `json_ld` gives the schema.org `Dataset` block for a web page and `cita` the citation the Libre Uso MX licence
asks for. Every file name is ASCII and never carries a date, so a portal's links survive each new release.
"""

from __future__ import annotations

import enum
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pizarras import config, estilo
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
    # Not in the open data yet: the «Indicadores» board and its downloads show them (validated values only).
    "indicadores": "fichas de los indicadores de los programas (aún no forman parte de los datos abiertos)",
    "mediciones": "valores por año de los indicadores, versión de trabajo (incluye los no validados)",
    "mediciones_publicadas": "valores por año de los indicadores validados (aún no forman parte de los datos abiertos)",
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
# The dataset's name as the licence's citation gives it, the publishing institution and its acronym.
TITULO = "Pizarras de Avance — Sistema Nacional de Transparencia: datos abiertos"
INSTITUCION = "Sistema Nacional de Transparencia"
SIGLAS = "SNT"
NOTA_LICENCIA = (
    f"Los datos se publican bajo la {LICENCIA} ({LICENCIA_URL}): puede copiarlos, distribuirlos, adaptarlos y usarlos "
    "con cualquier fin, incluso comercial, citando la fuente como pide la licencia: el nombre del conjunto de datos, "
    f"las siglas de la institución ({SIGLAS}), la dirección de donde descargó los datos y la fecha de consulta "
    "(AAAA-MM-DD)."
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
        "titulo": TITULO,
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


FORMATO_FECHA_HORA = "%Y-%m-%d %H:%M:%S"  # the dictionary's AAAA-MM-DD HH:MM:SS, and the Table Schema's format


def _fechas_hora_en_texto(datos: pd.DataFrame) -> pd.DataFrame:
    """Timestamps always as AAAA-MM-DD HH:MM:SS: left to pandas, a column gains microseconds when one value has them
    (a validation made in the app) or loses its time when all fall at midnight, and its declared format no longer
    holds. JSON gives them to the second too."""
    columnas = [c for c in datos.columns if pd.api.types.is_datetime64_any_dtype(datos[c])]
    if not columnas:
        return datos
    copia = datos.copy()
    for columna in columnas:
        copia[columna] = copia[columna].dt.strftime(FORMATO_FECHA_HORA)  # NaT stays empty
    return copia


def archivo(datos: pd.DataFrame, formato: Formato, titulo: str, extraido: datetime,
            validada: datetime | None = None) -> bytes:
    """One table in one format; an XLSX says when the open data were last validated (`validada`)."""
    if formato == "csv":
        return exportar.a_csv(_fechas_hora_en_texto(datos))
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


# --- What a portal harvests: the Data Package, the catalogue, the JSON-LD block and the licence's citation ----------

DICCIONARIO = "diccionario.csv"
METADATOS = "metadatos.json"
LEEME = "LEEME.txt"
PAQUETE = "datapackage.json"  # Frictionless looks for this name
CATALOGO = "catalogo.json"  # the name datos.gob.mx's ADELA platform gave each institution's catalogue
IDENTIFICADOR = "pizarras-de-avance-snt"  # the dataset's identifier and the Data Package's name: ASCII, lowercase
# Where the static site (pizarras.publicacion.sitio) serves this folder and the page that presents it: with a public
# base URL, the catalogue's and the JSON-LD's links are {base}/datos/… and the landing page {base}/datos_abiertos/
# (the app's path of its open-data page); without one, the page (a folder below the root) reaches them at ../datos/.
CARPETA_EN_EL_SITIO = "datos"
PAGINA_EN_EL_SITIO = "datos_abiertos/"
DESDE_LA_PAGINA = f"../{CARPETA_EN_EL_SITIO}/"
PALABRAS_CLAVE = (
    "transparencia", "acceso a la información", "protección de datos personales", "gobierno abierto",
    "Sistema Nacional de Transparencia", "SNT", "PROTAI", "PRONADATOS", "ODS", "capacitación", "rendición de cuentas",
)
# A new release whenever the Secretaría Ejecutiva validates records, not on a calendar.
PERIODICIDAD = "irregular"
COBERTURA_ESPACIAL = "México"
# No contact is verified in the domain notes: the catalogue says so instead of naming someone's address.
CONTACTO_NO_DEFINIDO = "Contacto no definido"
CORREO_NO_DEFINIDO = "no-definido@contacto.invalid"  # .invalid is reserved (RFC 2606): never anyone's mailbox
TIPOS_DE_MEDIO = {**FORMATOS, "txt": "text/plain"}  # by file extension
_TIPOS_TABLE_SCHEMA = {"INTEGER": "integer", "BIGINT": "integer", "SMALLINT": "integer", "DOUBLE": "number",
                       "VARCHAR": "string", "BOOLEAN": "boolean", "DATE": "date", "TIMESTAMP": "datetime"}


class _Predeterminada(enum.Enum):
    URL_PUBLICA = "PIZARRAS_URL_PUBLICA"


# The default of every `url_base`: read $PIZARRAS_URL_PUBLICA when called (None there and here: relative links).
URL_CONFIGURADA = _Predeterminada.URL_PUBLICA
UrlBase = str | None | _Predeterminada


def url_base_publica(url_base: UrlBase = URL_CONFIGURADA) -> str | None:
    """The public base URL links are made from, without its trailing slash: `url_base` as given, or
    $PIZARRAS_URL_PUBLICA; None when there is none (links stay relative)."""
    base = config.url_publica() if url_base is URL_CONFIGURADA else url_base
    if not base or not base.strip():
        return None
    base = base.strip().rstrip("/")
    if not base.startswith(("http://", "https://")) or not base.isascii() or any(c.isspace() for c in base):
        raise ValueError(
            f"La dirección pública «{base}» debe ser completa, sin espacios ni acentos (p. ej. "
            "https://pizarras.ejemplo.mx): corrija PIZARRAS_URL_PUBLICA o la dirección que pasó."
        )
    return base


def _enlace(base: str | None, relativo: str, relativo_a: str = "") -> str:
    """A file of this folder: absolute under the site's folder when the base is known, else relative (to the folder
    itself, or to the site's root with relativo_a=CARPETA_EN_EL_SITIO + "/")."""
    return f"{base}/{CARPETA_EN_EL_SITIO}/{relativo}" if base else f"{relativo_a}{relativo}"


def _pagina(base: str | None) -> str:
    """The landing page: the site's open-data page when the base is known, else the LÉEME next to the files."""
    return f"{base}/{PAGINA_EN_EL_SITIO}" if base else LEEME


def cobertura_temporal(con: duckdb.DuckDBPyConnection) -> tuple[date, date] | None:
    """The earliest start and the latest end among the published records (None: none has a date)."""
    fila = ejecutar(con, "datos_abiertos/cobertura_temporal", {}).iloc[0]
    if pd.isna(fila["desde"]) or pd.isna(fila["hasta"]):
        return None
    return pd.Timestamp(fila["desde"]).date(), pd.Timestamp(fila["hasta"]).date()


def _temporal(con: duckdb.DuckDBPyConnection, extraido: datetime) -> str:
    """ISO 8601 interval, as the guide asks ("2010/2012"); with no dated record, the extraction day."""
    cobertura = cobertura_temporal(con)
    if cobertura is None:
        return extraido.date().isoformat()
    desde, hasta = cobertura
    return desde.isoformat() if desde == hasta else f"{desde.isoformat()}/{hasta.isoformat()}"


def _modificado(con: duckdb.DuckDBPyConnection, extraido: datetime) -> str:
    """When the published data last changed: the newest validation (the extraction, when nothing is validated)."""
    return (ultima_validacion(con) or extraido).isoformat(timespec="seconds")


def _descripcion(contacto_definido: bool) -> str:
    texto = (
        "Avance que reportan los integrantes del Sistema Nacional de Transparencia (SNT): actividades de PROTAI, "
        "PRONADATOS y los planes de trabajo de las comisiones, compromisos de gobierno abierto de los planes de "
        "acción locales (con su alineación a los ODS), capacitaciones y los catálogos que los describen. "
        + NOTA_REVISION + " " + NOTA_DEMO
    )
    if not contacto_definido:
        texto += " Aún no se ha definido un punto de contacto para estos datos."
    return texto


def cita(consultado: date | None = None, url: str | None = None) -> str:
    """The citation the Libre Uso MX licence asks for: "dataset name", the institution's acronym, the address the data
    were downloaded from and the date of consultation as AAAA-MM-DD. Without a date or an address, it says what goes
    there (a LÉEME is read on a day its writer cannot know)."""
    fecha = consultado.isoformat() if consultado else "AAAA-MM-DD (la fecha en que consultó los datos)"
    direccion = url or "[la dirección de donde descargó los datos]"
    return f'"{TITULO}", {SIGLAS}; {direccion}; fecha de consulta: {fecha}.'


def _campo(fila: dict) -> dict:
    """One Table Schema field from a dictionary row, typed as the CSV holds it."""
    tipo_sql = fila["tipo"]
    if tipo_sql not in _TIPOS_TABLE_SCHEMA:
        raise ValueError(f"Tipo sin equivalente en Table Schema: {fila['tabla']}.{fila['columna']} es {tipo_sql}; "
                         "agréguelo a _TIPOS_TABLE_SCHEMA.")
    campo = {"name": fila["columna"], "type": _TIPOS_TABLE_SCHEMA[tipo_sql], "title": fila["significado"],
             "description": f"Valores permitidos: {fila['valores_permitidos']}."}
    if campo["type"] == "datetime":
        campo["format"] = FORMATO_FECHA_HORA
    elif campo["type"] == "boolean":  # pandas writes Python's True and False
        campo["trueValues"], campo["falseValues"] = ["True"], ["False"]
    return campo


def _esquema(conjunto: Conjunto, dic: pd.DataFrame) -> dict:
    filas = dic[dic["tabla"] == conjunto.nombre].to_dict("records")
    esquema: dict = {"fields": [_campo(fila) for fila in filas], "missingValues": [""]}
    if conjunto.clave:
        esquema["primaryKey"] = list(conjunto.clave)
    if conjunto.referencias:
        esquema["foreignKeys"] = [
            {"fields": columna, "reference": {"resource": destino.split(".")[0], "fields": destino.split(".")[1]}}
            for columna, destino in conjunto.referencias.items()
        ]
    return esquema


Huellas = dict[str, tuple[int, str]]  # relative path -> (bytes, sha256) of the files already written


def _huella(contenido: bytes) -> tuple[int, str]:
    return len(contenido), hashlib.sha256(contenido).hexdigest()


def paquete(con: duckdb.DuckDBPyConnection, extraido: datetime, huellas: Huellas | None = None,
            url_base: UrlBase = URL_CONFIGURADA, conjuntos: tuple[Conjunto, ...] = CONJUNTOS) -> dict:
    """`datapackage.json`: a Frictionless Tabular Data Package with one resource per table's CSV (paths relative to
    the folder), each with its Table Schema from the dictionary, its key and its references to other tables; with
    `huellas`, each resource's size and sha256, which a validation checks. The public base URL only gives the
    package its homepage and source: its paths stay relative, so it travels with its files."""
    url_base = url_base_publica(url_base)
    dic = diccionario(con, conjuntos)
    validada = ultima_validacion(con)
    recursos = []
    for conjunto in conjuntos:
        relativo = f"csv/{conjunto.nombre}.csv"
        recurso = {
            "name": conjunto.nombre, "path": relativo, "profile": "tabular-data-resource", "title": conjunto.titulo,
            "description": conjunto.descripcion, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "schema": _esquema(conjunto, dic),
        }
        if huellas and relativo in huellas:
            recurso["bytes"], recurso["hash"] = huellas[relativo][0], f"sha256:{huellas[relativo][1]}"
        recursos.append(recurso)
    nombre, correo = config.contacto_datos_abiertos()
    colaboradores = [{"title": INSTITUCION, "role": "publisher"}]
    if nombre and correo:
        colaboradores.append({"title": nombre, "email": correo, "role": "maintainer"})
    fuente = {"title": f"{INSTITUCION}: registros validados por la Secretaría Ejecutiva (Pizarras de Avance)"}
    if url_base:
        fuente["path"] = _pagina(url_base)
    return {
        "profile": "tabular-data-package",
        "name": IDENTIFICADOR,
        "title": TITULO,
        "description": _descripcion(bool(nombre and correo)),
        # The data change only when a validation publishes something: their version is the newest validation.
        "version": validada.isoformat(timespec="seconds") if validada else "sin-validaciones",
        "created": extraido.isoformat(timespec="seconds"),
        "keywords": list(PALABRAS_CLAVE),
        "licenses": [{"path": LICENCIA_URL, "title": LICENCIA}],
        "sources": [fuente],
        "contributors": colaboradores,
        **({"homepage": _pagina(url_base)} if url_base else {}),
        "resources": recursos,
    }


def _distribucion(relativo: str) -> tuple[str, str]:
    """(title, description) of one file of the folder, as the catalogue lists it."""
    carpeta, _, nombre = relativo.rpartition("/")
    raiz, _, extension = nombre.rpartition(".")
    if carpeta in FORMATOS and raiz in POR_NOMBRE:
        conjunto = POR_NOMBRE[raiz]
        return f"{conjunto.titulo} ({extension.upper()})", conjunto.descripcion
    return {
        DICCIONARIO: ("Diccionario de datos (CSV)", "Cada columna de cada tabla: tipo, significado y valores "
                                                    "permitidos."),
        METADATOS: ("Metadatos (JSON)", "Licencia, fecha de extracción y de validación, notas y, por tabla, sus "
                                        "filas y columnas."),
        LEEME: ("LÉEME (texto)", "Qué contiene la descarga, su licencia y cómo citarla."),
        PAQUETE: ("Data Package de Frictionless (JSON)", "Las tablas en CSV con su Table Schema: tipos, claves y "
                                                         "referencias entre tablas."),
    }.get(relativo, (relativo, relativo))


def catalogo(con: duckdb.DuckDBPyConnection, extraido: datetime, huellas: Huellas,
             url_base: UrlBase = URL_CONFIGURADA) -> dict:
    """`catalogo.json`: the metadata datos.gob.mx's implementation guide asks for (DCAT-based, as its ADELA platform
    wrote them): one dataset and one distribution per file in `huellas`, with its real size. Links are absolute under
    the public base URL when there is one, else relative to the catalogue's folder."""
    base = url_base_publica(url_base)
    nombre, correo = config.contacto_datos_abiertos()
    modificado, temporal = _modificado(con, extraido), _temporal(con, extraido)
    distribuciones = []
    for relativo, (tamano, _) in huellas.items():
        titulo, descripcion = _distribucion(relativo)
        extension = relativo.rpartition(".")[2]
        distribuciones.append({
            "title": titulo, "description": descripcion, "downloadURL": _enlace(base, relativo),
            "mediaType": TIPOS_DE_MEDIO[extension], "format": extension.upper(), "byteSize": tamano,
            "license": LICENCIA_URL, "modified": modificado, "temporal": temporal, "spatial": COBERTURA_ESPACIAL,
        })
    conjunto = {
        "identifier": IDENTIFICADOR,
        "title": TITULO,
        "description": _descripcion(bool(nombre and correo)),
        "modified": modificado,
        "contactPoint": nombre or CONTACTO_NO_DEFINIDO,
        "mbox": correo or CORREO_NO_DEFINIDO,
        "publisher": {"name": INSTITUCION, "mbox": correo or CORREO_NO_DEFINIDO},
        "landingPage": _pagina(base),
        "accrualPeriodicity": PERIODICIDAD,
        "keyword": list(PALABRAS_CLAVE),
        "temporal": temporal,
        "spatial": COBERTURA_ESPACIAL,
        "language": "es",
        "license": LICENCIA_URL,
        "distribution": distribuciones,
    }
    return {
        "title": f"Catálogo de datos abiertos: {TITULO}",
        "description": NOTA_LICENCIA,
        "homepage": _pagina(base),
        "issued": extraido.isoformat(timespec="seconds"),
        "modified": modificado,
        "language": "es",
        "license": LICENCIA_URL,
        "dataset": [conjunto],
    }


def json_ld(con: duckdb.DuckDBPyConnection, extraido: datetime | None = None, url_base: UrlBase = URL_CONFIGURADA,
            conjuntos: tuple[Conjunto, ...] = CONJUNTOS) -> str:
    """The schema.org `Dataset` of the open data as a `<script type="application/ld+json">` block for the head of
    the site's open-data page: every table in every format as a DataDownload. Links are absolute under the public
    base URL, else relative to that page (`../datos/csv/…`). Safe inside HTML: < > & are
    written as JSON escapes, so no text (a table's title) can close the script element."""
    extraido = extraido or datetime.now()
    base = url_base_publica(url_base)
    datos = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": TITULO,
        "description": _descripcion(all(config.contacto_datos_abiertos())),
        "identifier": IDENTIFICADOR,
        **({"url": _pagina(base)} if base else {}),
        "keywords": list(PALABRAS_CLAVE),
        "inLanguage": "es-MX",
        "license": LICENCIA_URL,
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": INSTITUCION, "alternateName": SIGLAS},
        "publisher": {"@type": "Organization", "name": INSTITUCION, "alternateName": SIGLAS},
        "dateModified": _modificado(con, extraido),
        "spatialCoverage": {"@type": "Place", "name": COBERTURA_ESPACIAL},
        "temporalCoverage": _temporal(con, extraido),
        "distribution": [
            {"@type": "DataDownload", "name": f"{conjunto.titulo} ({formato.upper()})", "encodingFormat": tipo,
             "contentUrl": _enlace(base, f"{formato}/{conjunto.nombre}.{formato}", DESDE_LA_PAGINA)}
            for conjunto in conjuntos for formato, tipo in FORMATOS.items()
        ],
    }
    texto = json.dumps(datos, ensure_ascii=False, indent=1)
    texto = texto.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">\n{texto}\n</script>'


def _a_json(datos: object) -> bytes:
    return json.dumps(datos, ensure_ascii=False, indent=1).encode("utf-8")


def _archivos(con: duckdb.DuckDBPyConnection, extraido: datetime, url_base: str | None) -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) of every file of a full download; the Data Package and the catalogue come last, since
    they give the size (and the package the sha256) of the files before them."""
    validada = ultima_validacion(con)
    huellas: Huellas = {}

    def anotado(relativo: str, contenido: bytes) -> tuple[str, bytes]:
        huellas[relativo] = _huella(contenido)
        return relativo, contenido

    for conjunto in CONJUNTOS:
        datos = tabla(con, conjunto.nombre)
        for formato in FORMATOS:
            yield anotado(f"{formato}/{conjunto.nombre}.{formato}",
                          archivo(datos, formato, conjunto.titulo, extraido, validada))
    yield anotado(DICCIONARIO, exportar.a_csv(diccionario(con)))
    yield anotado(METADATOS, _a_json(metadatos(con, extraido)))
    yield anotado(LEEME, leeme(extraido, validada, _pagina(url_base) if url_base else None).encode("utf-8"))
    yield anotado(PAQUETE, _a_json(paquete(con, extraido, huellas, url_base)))
    yield CATALOGO, _a_json(catalogo(con, extraido, huellas, url_base))


def leeme(extraido: datetime, validada: datetime | None = None, url: str | None = None) -> str:
    """The LÉEME; `url` is where the public gets these files (the citation's address; unknown: it says what goes
    there)."""
    validacion = (f"{validados_al(validada)} (la validación más reciente de lo publicado; cada actividad, compromiso "
                  "y capacitación trae la suya en validada_en)." if validada is not None else
                  "Aún no hay registros validados.")
    return "\n\n".join([
        TITULO,
        f"Fecha de extracción: {extraido.isoformat(sep=' ', timespec='seconds')}",
        validacion,
        NOTA_LICENCIA,
        "Cómo citar estos datos (Licencia de Libre Uso MX):\n" + cita(None, url),
        NOTA_REVISION, NOTA_DEMO, NOTA_FORMULAS,
        "Cada tabla está en csv/, xlsx/, json/ y parquet/. diccionario.csv describe cada columna (tipo, significado, "
        "valores permitidos); metadatos.json reúne todo lo anterior y las filas de cada tabla.",
        f"Para programas y portales de datos abiertos: {PAQUETE} es un Data Package de Frictionless (cada CSV con su "
        f"esquema: tipos, claves y referencias entre tablas; se comprueba con «frictionless validate {PAQUETE}») y "
        f"{CATALOGO} trae los metadatos que pide la guía de datos.gob.mx (el conjunto de datos y cada archivo con su "
        "dirección, tipo y tamaño). Los nombres de los archivos no cambian de una publicación a otra.",
    ]) + "\n"


def escribir(con: duckdb.DuckDBPyConnection, carpeta: Path, extraido: datetime | None = None,
             url_base: UrlBase = URL_CONFIGURADA) -> list[Path]:
    """Write every file of the open data under `carpeta`; returns the paths written. `url_base` is the public
    address of the site that serves `carpeta` as datos/ (default: $PIZARRAS_URL_PUBLICA); without one the
    catalogue's links are relative."""
    extraido = extraido or datetime.now()
    base = url_base_publica(url_base)
    escritos = []
    for relativo, contenido in _archivos(con, extraido, base):
        ruta = carpeta / relativo
        ruta.parent.mkdir(parents=True, exist_ok=True)
        ruta.write_bytes(contenido)
        escritos.append(ruta)
    return escritos


def zip_completo(con: duckdb.DuckDBPyConnection, extraido: datetime | None = None) -> bytes:
    """Everything `escribir` writes, as one ZIP file; its catalogue's links are relative (a ZIP is not served at
    the site's address, and its files may be newer than the site's)."""
    extraido = extraido or datetime.now()
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as archivo_zip:
        for relativo, contenido in _archivos(con, extraido, None):
            archivo_zip.writestr(f"datos_abiertos/{relativo}", contenido)
    return salida.getvalue()


def generador(con: duckdb.DuckDBPyConnection, nombre: str, formato: Formato) -> Callable[[], bytes]:
    """A no-argument function producing one file when called (a download made only on click)."""
    return lambda: archivo_de_tabla(con, nombre, formato, datetime.now())
