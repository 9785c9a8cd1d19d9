"""Spreadsheet imports of activities: check every row before anything is written, preview, import the whole file in
one transaction or nothing, and roll a batch back exactly.

The natural key of an activity is its ID when the row has one (a template filled with the organismo's records has
them), else (organismo, periodo, título) compared without case, accents or extra spaces: uploading the same file
twice changes nothing the second time, and a corrected file updates the rows it names. The values go through the
same rules as the self-report form (pizarras.reglas). Catalog values may be keys, acronyms or names, in any case and
with or without accents; an unknown value is an error naming the closest valid ones, never a guess.

Percentages: 45, "45", "45%" and 0.45 (a cell in Excel's percent format) all mean 45 %: a number between 0 and 1
with decimals is a fraction.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import pandas as pd
from openpyxl import Workbook
from rapidfuzz import fuzz, process

from pizarras import autorreporte
from pizarras.auditoria import CambioConcurrente, auditar, transaccion
from pizarras.consultas import CARPETA_CONSULTAS, ejecutar, ejecutar_en
from pizarras.cuentas import Usuario
from pizarras.filtros import normalizar
from pizarras.hojas import Hoja, leer
from pizarras.permisos import NoAutorizado, exigir_admin, exigir_escritura
from pizarras.reglas import leer_catalogos, revisar_actividad

CARPETA_IMPORTAR = CARPETA_CONSULTAS / "importar"


@dataclass(frozen=True)
class Columna:
    encabezado: str
    campo: str
    requerida: bool
    ayuda: str
    catalogo: str | None = None  # values resolved against this catalog
    lista: bool = False  # several values in one cell


COLUMNAS_ACTIVIDADES = (
    Columna("ID", "id", False, "Número de la actividad. Vacío en una actividad nueva; no lo cambie en las existentes."),
    Columna("Organismo", "organismo", True, "Clave o sigla del organismo (p. ej. ITEI).", "organismo"),
    Columna("Programa", "programa", True, "PROTAI, PRONADATOS o el plan de trabajo de una comisión.", "programa"),
    Columna("Eje temático", "eje", True, "Clave (p. ej. PROTAI-T3) o nombre de un eje temático del programa.", "eje"),
    Columna("Ejes transversales", "transversales", False, "Claves o nombres separados por punto y coma.", "eje", True),
    Columna("ODS", "ods", False, "Números del 1 al 17 separados por coma.", "ods", True),
    Columna("Título", "titulo", True, "Hasta 300 caracteres."),
    Columna("Descripción", "descripcion", False, "Texto libre."),
    Columna("Tipo", "tipo", True, "Capacitación, Evaluación, Informe…"),
    Columna("Fecha de inicio", "fecha_inicio", False, "Fecha de Excel o dd/mm/aaaa."),
    Columna("Fecha de término", "fecha_fin", False, "No anterior al inicio."),
    Columna("Periodo", "periodo", True, "Año del reporte (2015 a 2100)."),
    Columna("Estatus", "estatus", True, "Programada, En proceso, Concluida o Cancelada.", "estatus"),
    Columna("Avance (%)", "avance", True, "De 0 a 100. 45, 45% y 0.45 valen 45 %. Concluida = 100."),
    Columna("Evidencia (URL)", "evidencia_url", False, "Dirección completa (https://…); obligatoria si concluida."),
    Columna("Notas", "notas", False, "Texto libre."),
)
POR_CAMPO = {c.campo: c for c in COLUMNAS_ACTIVIDADES}
_SEPARADORES = {"eje": ";", "ods": ","}
_MUESTRA = 20  # rows of the preview


@dataclass(frozen=True)
class ErrorDeFila:
    fila: int
    columna: str
    mensaje: str


@dataclass
class FilaPlaneada:
    fila: int
    accion: str  # insertar, actualizar, sin_cambio
    limpios: dict
    id: int | None = None
    version: int | None = None
    antes: dict | None = None


@dataclass
class Revision:
    """What a file would do: its errors (nothing is written while there is one) or its plan."""

    archivo: str
    sha256: str
    avisos: list[str] = field(default_factory=list)
    errores: list[ErrorDeFila] = field(default_factory=list)
    plan: list[FilaPlaneada] = field(default_factory=list)
    hoja: Hoja | None = None

    @property
    def valida(self) -> bool:
        return not self.errores

    def cuenta(self, accion: str) -> int:
        return sum(1 for p in self.plan if p.accion == accion)

    def resumen(self) -> dict:
        return {
            "valido": self.valida, "insertadas": self.cuenta("insertar"), "actualizadas": self.cuenta("actualizar"),
            "sin_cambio": self.cuenta("sin_cambio"),
            "errores": [{"fila": e.fila, "columna": e.columna, "mensaje": e.mensaje} for e in self.errores],
        }


class Catalogo:
    """Aliases of one catalog's values, compared without case or accents."""

    def __init__(self, filas: list[dict]) -> None:
        self.por_alias: dict[str, list[dict]] = {}
        for fila in filas:
            self.por_alias.setdefault(normalizar(str(fila["alias"])), []).append(fila)
        self.alias = sorted({str(f["alias"]) for f in filas})

    def resolver(self, valor: str, grupo: str | None = None, tipo: str | None = None) -> str | None:
        candidatos = [f for f in self.por_alias.get(normalizar(valor), [])
                      if (grupo is None or f["grupo"] == grupo) and (tipo is None or f["tipo"] == tipo)]
        claves = {f["clave"] for f in candidatos}
        return claves.pop() if len(claves) == 1 else None

    def parecidos(self, valor: str) -> str:
        """The three closest valid values, each once (a key and a name that differ only in case count once)."""
        unicos: dict[str, str] = {}
        for alias in sorted(self.alias, key=lambda a: a == a.lower()):  # names, with capitals, before keys
            unicos.setdefault(normalizar(alias), alias)
        opciones = process.extract(valor, list(unicos.values()), scorer=fuzz.WRatio, limit=3, processor=normalizar)
        return ", ".join(f"«{o[0]}»" for o in opciones)


def _catalogos(cur) -> dict[str, Catalogo]:
    filas: dict[str, list[dict]] = {}
    for fila in ejecutar_en(cur, "catalogos_importacion", carpeta=CARPETA_IMPORTAR):
        filas.setdefault(fila["catalogo"], []).append(fila)
    return {k: Catalogo(v) for k, v in filas.items()}


def _texto(celda) -> str:
    if celda is None:
        return ""
    if isinstance(celda, float) and celda.is_integer():
        return str(int(celda))
    return str(celda).strip()


def _porcentaje(celda):
    if isinstance(celda, str):
        texto = celda.strip().rstrip("%").strip().replace(",", ".")
        try:
            celda = float(texto)
        except ValueError:
            return celda
    if isinstance(celda, float) and 0 < celda < 1:
        return round(celda * 100, 6)
    return celda


def emparejar_encabezados(encabezados: list[str], fila: int = 1) -> tuple[dict[str, int], list[ErrorDeFila], list[str]]:
    """{campo: column index}, errors for missing required columns (with the closest header found), and notices."""
    indices: dict[str, int] = {}
    conocidos = {normalizar(c.encabezado): c for c in COLUMNAS_ACTIVIDADES}
    sobrantes = []
    for i, nombre in enumerate(encabezados):
        columna = conocidos.get(normalizar(nombre))
        if columna and columna.campo not in indices:
            indices[columna.campo] = i
        elif nombre:
            sobrantes.append(nombre)
    errores = []
    for columna in COLUMNAS_ACTIVIDADES:
        if columna.requerida and columna.campo not in indices:
            parecido = process.extractOne(columna.encabezado, sobrantes, scorer=fuzz.WRatio, processor=normalizar)
            pista = f" ¿Es «{parecido[0]}»? Corrija el encabezado." if parecido and parecido[1] >= 70 else ""
            errores.append(ErrorDeFila(fila, columna.encabezado, f"Falta la columna «{columna.encabezado}».{pista}"))
    avisos = [f"Se ignoró la columna «{n}»: no es de la plantilla." for n in sobrantes
              if not any(e.mensaje.endswith(f"¿Es «{n}»? Corrija el encabezado.") for e in errores)]
    return indices, errores, avisos


def _valores_de_fila(numero: int, celdas: list, indices: dict[str, int], catalogos: dict[str, Catalogo],
                     errores: list[ErrorDeFila]) -> dict:
    """The row's cells as the rules expect them, catalog values resolved to keys."""
    datos: dict = {}
    for campo, i in indices.items():
        columna, celda = POR_CAMPO[campo], celdas[i] if i < len(celdas) else None
        if columna.catalogo is None:
            datos[campo] = _porcentaje(celda) if campo == "avance" else (celda if not isinstance(celda, str) else
                                                                           celda.strip())
            continue
        texto = _texto(celda)
        valores = [v.strip() for v in texto.split(_SEPARADORES[columna.catalogo])] if columna.lista else [texto]
        claves = []
        for valor in (v for v in valores if v):
            grupo = datos.get("programa") if columna.catalogo == "eje" else None
            tipo = ("transversal" if columna.lista else "tematico") if columna.catalogo == "eje" else None
            clave = catalogos[columna.catalogo].resolver(valor, grupo, tipo)
            if clave is None:
                errores.append(ErrorDeFila(numero, columna.encabezado, (
                    f"«{valor}» no está en el catálogo. Valores parecidos: "
                    f"{catalogos[columna.catalogo].parecidos(valor)}.")))
            else:
                claves.append(int(clave) if columna.catalogo == "ods" else clave)
        datos[campo] = claves if columna.lista else (claves[0] if claves else None)
    return datos


def _llave(organismo, periodo, titulo) -> tuple:
    return (organismo, periodo, normalizar(titulo or ""))


def revisar(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, nombre: str, contenido: bytes) -> Revision:
    """Read and check a whole file without writing anything: its errors per row and column, or its plan."""
    exigir_escritura(usuario)
    revision = Revision(nombre, hashlib.sha256(contenido).hexdigest())
    hoja: Hoja = leer(nombre, contenido, [c.encabezado for c in COLUMNAS_ACTIVIDADES])
    revision.hoja = hoja
    indices, errores, avisos = emparejar_encabezados(hoja.encabezados, hoja.fila_encabezados)
    revision.avisos = hoja.avisos + avisos
    if errores:
        revision.errores = errores
        return revision
    with con.cursor() as cur:
        catalogos, reglas = _catalogos(cur), leer_catalogos(cur)
        permitidos = sorted(reglas.organismos) if usuario.rol == "admin" else [usuario.organismo]
        guardadas = ejecutar_en(cur, "actividades_para_importar", {"organismos": permitidos}, CARPETA_IMPORTAR)
    por_id = {a["id"]: a for a in guardadas}
    por_llave = {_llave(a["organismo"], a["periodo"], a["titulo"]): a for a in guardadas}
    vistas: dict[tuple, int] = {}
    for numero, celdas in hoja.filas:
        errores_fila: list[ErrorDeFila] = []
        datos = _valores_de_fila(numero, celdas, indices, catalogos, errores_fila)
        id_texto = _texto(datos.pop("id", None))
        if datos.get("organismo") and usuario.rol != "admin" and datos["organismo"] != usuario.organismo:
            errores_fila.append(ErrorDeFila(numero, "Organismo", (
                f"Su cuenta es de enlace de {usuario.organismo}: no puede cargar actividades de {datos['organismo']}.")))
        limpios, problemas = revisar_actividad(datos, reglas)
        existente = None
        if id_texto:
            if not id_texto.isdigit() or int(id_texto) not in por_id:
                errores_fila.append(ErrorDeFila(numero, "ID", (
                    f"No hay una actividad {id_texto} de {'su organismo' if usuario.rol != 'admin' else 'la base'}. "
                    "Deje el ID vacío para una actividad nueva.")))
            else:
                existente = por_id[int(id_texto)]
                if limpios.get("organismo") and existente["organismo"] != limpios["organismo"]:
                    errores_fila.append(ErrorDeFila(numero, "Organismo", (
                        f"La actividad {id_texto} es de {existente['organismo']}; el organismo no se cambia.")))
        else:
            existente = por_llave.get(_llave(limpios.get("organismo"), limpios.get("periodo"), limpios.get("titulo")))
        llave = ("id", existente["id"]) if existente else _llave(limpios.get("organismo"), limpios.get("periodo"),
                                                                 limpios.get("titulo"))
        if llave in vistas:
            errores_fila.append(ErrorDeFila(numero, "Título", (
                f"Repite la actividad de la fila {vistas[llave]} (mismo ID, o mismo organismo, periodo y título).")))
        vistas.setdefault(llave, numero)
        cambiados = (autorreporte.campos_cambiados(existente, limpios, autorreporte.CAMPOS_ACTIVIDAD)
                     if existente else None)
        if existente and not cambiados and not errores_fila:
            # A row equal to what is stored writes nothing: the rules judge what would be written (an old record
            # may predate a rule, such as a concluded demo activity without evidence).
            revision.plan.append(FilaPlaneada(numero, "sin_cambio", limpios, existente["id"], existente["version"],
                                              existente))
            continue
        ya_dichas = {e.columna for e in errores_fila}  # an unknown catalog value is not also "missing"
        for problema in problemas:
            columna = POR_CAMPO[problema.campo].encabezado if problema.campo in POR_CAMPO else problema.campo
            if columna not in ya_dichas:
                errores_fila.append(ErrorDeFila(numero, columna, problema.mensaje))
        if errores_fila:
            revision.errores += errores_fila
            continue
        accion = "actualizar" if existente else "insertar"
        revision.plan.append(FilaPlaneada(numero, accion, limpios, *(
            (existente["id"], existente["version"], existente) if existente else ())))
    if revision.errores:
        revision.plan = []
    return revision


def muestra(revision: Revision, filas: int = _MUESTRA) -> list[dict]:
    """The first rows of the plan as they will be stored (for the preview)."""
    salida = []
    for p in revision.plan[:filas]:
        valores = {POR_CAMPO[c].encabezado: v for c, v in p.limpios.items() if c in POR_CAMPO}
        valores["Transversales"] = "; ".join(p.limpios.get("transversales") or [])
        valores["ODS"] = ", ".join(map(str, p.limpios.get("ods") or []))
        salida.append({"Fila": p.fila, "Acción": {"insertar": "Nueva", "actualizar": "Cambia",
                                                   "sin_cambio": "Sin cambio"}[p.accion],
                       "ID": p.id, **{k: v for k, v in valores.items() if k not in ("Ejes transversales",)}})
    return salida


@dataclass(frozen=True)
class ResultadoImportacion:
    id: int | None
    insertadas: int
    actualizadas: int
    sin_cambio: int


def _json(fila: dict) -> str:
    return json.dumps(fila, ensure_ascii=False, default=lambda v: v.isoformat() if isinstance(v, (date, datetime))
                      else str(v))


_COLUMNAS_ESCRITAS = ("programa", "eje", "titulo", "descripcion", "tipo", "fecha_inicio", "fecha_fin", "periodo",
                      "estatus", "avance", "evidencia_url", "notas")


def _registrar(cur, nombre: str, filas: list[dict], columnas: tuple) -> bool:
    """Register `filas` as the relation `nombre` on `cur` for the named statements that read it; False if none."""
    if not filas:
        return False
    cur.register(nombre, pd.DataFrame(filas, columns=list(columnas)))
    return True


def importar(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, revision: Revision, validar: bool = False,
             ahora: datetime | None = None) -> ResultadoImportacion:
    """Write a checked file's plan in one transaction: the rows enter review as sent (or validated, when an admin
    asks), with their links, reports, one audit row each, the batch and what it changed; an unchanged file writes
    nothing. Rows are written a batch at a time (registered relations), not one statement per row: 100,000 rows in
    seconds rather than minutes."""
    exigir_escritura(usuario)
    if validar:
        exigir_admin(usuario)
    if not revision.valida:
        raise ValueError("El archivo tiene errores; corríjalos antes de importar.")
    cambios = [p for p in revision.plan if p.accion != "sin_cambio"]
    if not cambios:
        return ResultadoImportacion(None, 0, 0, revision.cuenta("sin_cambio"))
    for p in cambios:  # authorised again at write time, on the stored record for an update
        if usuario.rol != "admin" and (p.antes or p.limpios)["organismo"] != usuario.organismo:
            raise NoAutorizado(f"La fila {p.fila} es de otro organismo.")
    ahora = ahora or datetime.now()
    estado = "validada" if validar else "enviada"
    nuevas = [p for p in cambios if p.accion == "insertar"]
    cambiadas = [p for p in cambios if p.accion == "actualizar"]
    with transaccion(con) as cur:
        id_importacion = ejecutar_en(cur, "importacion_siguiente_id", carpeta=CARPETA_IMPORTAR)[0]["id"]
        primer_id = ejecutar_en(cur, "actividad_siguiente_id")[0]["id"]
        for i, p in enumerate(nuevas):
            p.id = primer_id + i
        parametros = {"usuario": usuario.usuario, "ahora": ahora, "revision": estado}
        if _registrar(cur, "nuevas", [{**{c: p.limpios[c] for c in _COLUMNAS_ESCRITAS}, "id": p.id,
                                       "organismo": p.limpios["organismo"]} for p in nuevas],
                      ("id", "organismo", *_COLUMNAS_ESCRITAS)):
            ejecutar_en(cur, "importar_insertar_actividades", parametros, CARPETA_IMPORTAR)
        if _registrar(cur, "cambiadas", [{**{c: p.limpios[c] for c in _COLUMNAS_ESCRITAS}, "id": p.id,
                                          "version": p.version} for p in cambiadas],
                      ("id", "version", *_COLUMNAS_ESCRITAS)):
            escritas = ejecutar_en(cur, "importar_actualizar_actividades", parametros, CARPETA_IMPORTAR)
            if len(escritas) != len(cambiadas):
                otra = next(p for p in cambiadas if p.id not in {f["id"] for f in escritas})
                raise CambioConcurrente(f"No se importó nada: la actividad {otra.id} (fila {otra.fila}) cambió "
                                        "después de revisar el archivo. Súbalo de nuevo.")
            ejecutar_en(cur, "importar_borrar_transversales", carpeta=CARPETA_IMPORTAR)
            ejecutar_en(cur, "importar_borrar_ods", carpeta=CARPETA_IMPORTAR)
        if _registrar(cur, "vinculos_transversales", [{"actividad": p.id, "eje": e} for p in cambios
                                                      for e in p.limpios["transversales"]], ("actividad", "eje")):
            ejecutar_en(cur, "importar_insertar_transversales", carpeta=CARPETA_IMPORTAR)
        if _registrar(cur, "vinculos_ods", [{"actividad": p.id, "ods": o} for p in cambios for o in p.limpios["ods"]],
                      ("actividad", "ods")):
            ejecutar_en(cur, "importar_insertar_ods", carpeta=CARPETA_IMPORTAR)
        movidas = [p for p in cambios if p.antes is None or
                   (p.limpios["avance"], p.limpios["estatus"]) != (p.antes["avance"], p.antes["estatus"])]
        if _registrar(cur, "reportes_lote", [{"actividad": p.id, "avance": p.limpios["avance"],
                                              "estatus": p.limpios["estatus"]} for p in movidas],
                      ("actividad", "avance", "estatus")):
            ejecutar_en(cur, "importar_insertar_reportes", {"ahora": ahora, "usuario": usuario.usuario},
                        CARPETA_IMPORTAR)
        auditoria = []
        for p in cambios:
            if p.antes is None:
                auditoria.append({"accion": "crear", "registro": str(p.id), "antes": None,
                                  "despues": _json(p.limpios | {"revision": estado})})
            else:
                campos = autorreporte.campos_cambiados(p.antes, p.limpios, autorreporte.CAMPOS_ACTIVIDAD)
                auditoria.append({"accion": "actualizar", "registro": str(p.id),
                                  "antes": _json({c: p.antes[c] for c in campos} | {"revision": p.antes["revision"]}),
                                  "despues": _json({c: p.limpios[c] for c in campos} | {"revision": estado})})
        _registrar(cur, "auditoria_lote", auditoria, ("accion", "registro", "antes", "despues"))
        ejecutar_en(cur, "importar_insertar_auditoria", {"en": ahora, "usuario": usuario.usuario, "detalle": (
            f"importación {id_importacion} ({revision.archivo})")}, CARPETA_IMPORTAR)
        _registrar(cur, "cambios_lote", [{
            "orden": orden, "registro": p.id, "accion": p.accion, "antes": None if p.antes is None else _json(p.antes),
            "version_despues": 1 if p.antes is None else p.version + 1,
        } for orden, p in enumerate(cambios, start=1)], ("orden", "registro", "accion", "antes", "version_despues"))
        ejecutar_en(cur, "importar_insertar_cambios", {"importacion": id_importacion}, CARPETA_IMPORTAR)
        resultado = ResultadoImportacion(id_importacion, len(nuevas), len(cambiadas), revision.cuenta("sin_cambio"))
        ejecutar_en(cur, "importacion_insertar", {
            "id": id_importacion, "en": ahora, "usuario": usuario.usuario, "tipo": "actividades",
            "archivo": revision.archivo, "sha256": revision.sha256, "insertadas": resultado.insertadas,
            "actualizadas": resultado.actualizadas, "sin_cambio": resultado.sin_cambio, "validadas": validar,
        }, CARPETA_IMPORTAR)
        auditar(cur, usuario.usuario, "importar", "importaciones", id_importacion,
                despues={"archivo": revision.archivo, "sha256": revision.sha256, "insertadas": resultado.insertadas,
                         "actualizadas": resultado.actualizadas, "sin_cambio": resultado.sin_cambio}, en=ahora)
    return resultado


def revertir(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, id_importacion: int,
             ahora: datetime | None = None) -> int:
    """Undo an import exactly (an admin): inserted activities removed, changed ones put back as they were. Refused,
    with nothing written, when a record was changed after the import. Returns how many records it restored."""
    exigir_admin(usuario)
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        lote = ejecutar_en(cur, "importacion_por_id", {"id": id_importacion}, CARPETA_IMPORTAR)
        if not lote:
            raise ValueError(f"No existe la importación {id_importacion}.")
        if lote[0]["revertida_en"] is not None:
            raise ValueError(f"La importación {id_importacion} ya se revirtió.")
        cambios = ejecutar_en(cur, "importacion_cambios_de", {"importacion": id_importacion}, CARPETA_IMPORTAR)
        for cambio in cambios:
            id_ = cambio["registro"]
            actual = ejecutar_en(cur, "actividad_version", {"id": id_}, CARPETA_IMPORTAR)
            if not actual or actual[0]["version"] != cambio["version_despues"]:
                raise CambioConcurrente(
                    f"No se revirtió nada: la actividad {id_} cambió después de la importación {id_importacion}. "
                    "Revierta ese cambio a mano o corríjala con otra carga.")
            ejecutar_en(cur, "actividad_borrar_vinculos_transversales", {"id": id_})
            ejecutar_en(cur, "actividad_borrar_vinculos_ods", {"id": id_})
            if cambio["accion"] == "insertar":
                ejecutar_en(cur, "actividad_borrar_reportes", {"id": id_}, CARPETA_IMPORTAR)
                ejecutar_en(cur, "actividad_borrar", {"id": id_}, CARPETA_IMPORTAR)
                continue
            antes = json.loads(cambio["antes"])
            ejecutar_en(cur, "actividad_borrar_reportes_de_importacion", {"id": id_, "en": lote[0]["en"]},
                        CARPETA_IMPORTAR)
            ejecutar_en(cur, "actividad_restaurar", {
                "id": id_, **{c: antes.get(c) for c in ("programa", "eje", "titulo", "descripcion", "tipo",
                                                        "fecha_inicio", "fecha_fin", "estatus", "avance",
                                                        "evidencia_url", "periodo", "notas", "revision")},
                "reportado_por": antes.get("reportado_por"), "reportado_en": antes.get("reportado_en"),
                "observacion": antes.get("observacion"),
            }, CARPETA_IMPORTAR)
            if antes.get("transversales"):
                ejecutar_en(cur, "actividad_vincular_transversales", {"id": id_, "ejes": antes["transversales"]})
            if antes.get("ods"):
                ejecutar_en(cur, "actividad_vincular_ods", {"id": id_, "ods": antes["ods"]})
        ejecutar_en(cur, "importacion_marcar_revertida", {"id": id_importacion, "en": ahora,
                                                          "usuario": usuario.usuario}, CARPETA_IMPORTAR)
        auditar(cur, usuario.usuario, "revertir_importacion", "importaciones", id_importacion,
                detalle=f"{len(cambios)} registros restaurados", en=ahora)
    return len(cambios)


def informe_de_errores(revision: Revision) -> bytes:
    """The file's rows as they came, with each row's errors beside them (XLSX), for the person to fix."""
    por_fila: dict[int, list[str]] = {}
    for error in revision.errores:
        por_fila.setdefault(error.fila, []).append(f"{error.columna}: {error.mensaje}")
    libro = Workbook()
    hoja = libro.active
    hoja.title = "Errores"
    encabezados = revision.hoja.encabezados if revision.hoja else []
    hoja.append(["Fila", "Errores", *encabezados])
    filas = revision.hoja.filas if revision.hoja else []
    if revision.hoja and revision.hoja.fila_encabezados in por_fila:
        filas = [(revision.hoja.fila_encabezados, encabezados), *filas]
    for numero, celdas in filas:
        if numero in por_fila:
            hoja.append([numero, "\n".join(por_fila[numero])])
            for j, valor in enumerate(celdas, start=3):
                celda = hoja.cell(row=hoja.max_row, column=j, value=valor)
                if isinstance(valor, str):
                    celda.data_type = "s"  # what the person typed stays text, never a formula
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def importaciones(con: duckdb.DuckDBPyConnection):
    """Every import batch, newest first."""
    return ejecutar(con, "importaciones_lista", {}, CARPETA_IMPORTAR)
