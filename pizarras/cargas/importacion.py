"""Spreadsheet imports (activities, trainings, commitment progress): check every row before anything is written,
preview, import the whole file in one transaction or nothing, and roll a batch back exactly.

Each kind is a `Formato`. The natural key of a record is its ID when the row has one (a template filled with the
organismo's records has them), else (organismo, periodo or fecha de inicio, título) compared without case, accents
or extra spaces; commitments are named by ID only (none is created by file). Uploading the same file twice changes
nothing the second time, and a corrected file updates the rows it names. The values go through the
same rules as the self-report form (pizarras.escritura.reglas). Catalog values may be keys, acronyms or names, in any case and
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

from pizarras.base.consultas import cargar, ejecutar, ejecutar_en
from pizarras.cargas.hojas import Hoja, leer
from pizarras.escritura import autorreporte
from pizarras.escritura.auditoria import CambioConcurrente, auditar, transaccion
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.permisos import NoAutorizado, exigir_admin, exigir_escritura
from pizarras.escritura.reglas import (
    MODALIDADES,
    TIPOS_CAPACITACION,
    leer_catalogos,
    revisar_actividad,
    revisar_avance_compromiso,
    revisar_capacitacion,
)
from pizarras.texto import normalizar



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
COLUMNAS_CAPACITACIONES = (
    Columna("ID", "id", False, "Número de la capacitación. Vacío en una nueva; no lo cambie en las existentes."),
    Columna("Organismo", "organismo", True, "Clave o sigla del organismo que la organizó (p. ej. ITEI).", "organismo"),
    Columna("Título", "titulo", True, "Hasta 300 caracteres."),
    Columna("Tipo", "tipo", True, "Curso, Taller, Diplomado, Jornada, Webinar, Foro, Seminario, Panel…",
            "tipo_capacitacion"),
    Columna("Modalidad", "modalidad", False, "Presencial, Virtual, Autogestiva o Mixta.", "modalidad"),
    Columna("Tema", "tema", False, "Texto libre."),
    Columna("Eje temático", "eje", False, "Clave (p. ej. PROTAI-T3) o nombre de un eje temático.", "eje"),
    Columna("Fecha de inicio", "fecha_inicio", True, "Fecha de Excel o dd/mm/aaaa."),
    Columna("Fecha de término", "fecha_fin", False, "No anterior al inicio."),
    Columna("Participantes", "participantes", False, "Número de personas."),
    Columna("Mujeres", "mujeres", False, "Mujeres + hombres no pueden ser más que los participantes."),
    Columna("Hombres", "hombres", False, ""),
    Columna("Sujetos obligados", "sujetos_obligados", False, "Número de sujetos obligados participantes."),
    Columna("Público", "publico", False, "A quién se dirigió."),
    Columna("Notas", "notas", False, "Texto libre."),
)
COLUMNAS_COMPROMISOS = (
    Columna("ID", "id", True, "Número del compromiso; identifica la fila (los compromisos no se crean por archivo)."),
    Columna("Entidad", "entidad_nombre", False, "Informativa: no se cambia."),
    Columna("Plan de acción", "plan_accion", False, "Informativa: no se cambia."),
    Columna("Compromiso", "titulo", False, "Informativa: no se cambia."),
    Columna("Estatus", "estatus", True, "Programada, En proceso, Concluida o Cancelada.", "estatus"),
    Columna("Avance (%)", "avance", True, "De 0 a 100. 45, 45% y 0.45 valen 45 %. Concluido = 100."),
    Columna("Notas", "notas", False, "Texto libre."),
)
_SEPARADORES = {"eje": ";", "ods": ","}


@dataclass(frozen=True)
class Formato:
    """One kind of upload: its columns, its rules, its natural key and the statements that read and write it."""

    tipo: str
    tabla: str
    singular: str  # "la actividad"
    columnas: tuple[Columna, ...]
    campos: tuple[str, ...]  # what an unchanged row must equal
    revisar: object  # reglas.revisar_* (datos, catalogos) -> (limpios, problemas)
    llave: object  # limpios -> natural key tuple
    guardados: str  # query of the stored records of some organismos (or entidades)
    escritas: tuple[str, ...]  # columns the batch statements read
    ambito: str = "organismo"  # what an enlace's rows must belong to: its organismo, or its organismo's entidad
    solo_actualiza: bool = False  # rows name stored records by ID; nothing new is created

    @property
    def por_campo(self) -> dict[str, Columna]:
        return {c.campo: c for c in self.columnas}

    @property
    def encabezados(self) -> list[str]:
        return [c.encabezado for c in self.columnas]


FORMATOS = {
    "actividades": Formato(
        "actividades", "actividades", "la actividad", COLUMNAS_ACTIVIDADES, autorreporte.CAMPOS_ACTIVIDAD,
        revisar_actividad, lambda f: (f.get("organismo"), f.get("periodo"), normalizar(f.get("titulo") or "")),
        "importar/actividades_para_importar",
        ("organismo", "programa", "eje", "titulo", "descripcion", "tipo", "fecha_inicio", "fecha_fin", "periodo",
         "estatus", "avance", "evidencia_url", "notas"),
    ),
    "capacitaciones": Formato(
        "capacitaciones", "capacitaciones", "la capacitación", COLUMNAS_CAPACITACIONES,
        autorreporte.CAMPOS_CAPACITACION, revisar_capacitacion,
        lambda f: (f.get("organismo"), f.get("fecha_inicio"), normalizar(f.get("titulo") or "")),
        "importar/capacitaciones_para_importar",
        ("organismo", "titulo", "tipo", "modalidad", "tema", "eje", "fecha_inicio", "fecha_fin", "participantes",
         "mujeres", "hombres", "sujetos_obligados", "publico", "notas"),
    ),
    "compromisos": Formato(
        "compromisos", "compromisos", "el compromiso", COLUMNAS_COMPROMISOS, autorreporte.CAMPOS_COMPROMISO,
        revisar_avance_compromiso, lambda f: ("id", f.get("id")), "importar/compromisos_para_importar",
        ("estatus", "avance", "notas"), ambito="entidad", solo_actualiza=True,
    ),
}
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
    tipo: str = "actividades"
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
    for fila in ejecutar_en(cur, "importar/catalogos_importacion"):
        filas.setdefault(fila["catalogo"], []).append(fila)
    for catalogo, valores in (("tipo_capacitacion", TIPOS_CAPACITACION), ("modalidad", MODALIDADES)):
        filas[catalogo] = [{"clave": k, "alias": a, "grupo": None, "tipo": None}
                           for k, nombre in valores.items() for a in (k, nombre)]
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


def emparejar_encabezados(encabezados: list[str], fila: int = 1, formato: Formato = FORMATOS["actividades"]
                          ) -> tuple[dict[str, int], list[ErrorDeFila], list[str]]:
    """{campo: column index}, errors for missing required columns (with the closest header found), and notices."""
    indices: dict[str, int] = {}
    conocidos = {normalizar(c.encabezado): c for c in formato.columnas}
    sobrantes = []
    for i, nombre in enumerate(encabezados):
        columna = conocidos.get(normalizar(nombre))
        if columna and columna.campo not in indices:
            indices[columna.campo] = i
        elif nombre:
            sobrantes.append(nombre)
    errores = []
    for columna in formato.columnas:
        if columna.requerida and columna.campo not in indices:
            parecido = process.extractOne(columna.encabezado, sobrantes, scorer=fuzz.WRatio, processor=normalizar)
            pista = f" ¿Es «{parecido[0]}»? Corrija el encabezado." if parecido and parecido[1] >= 70 else ""
            errores.append(ErrorDeFila(fila, columna.encabezado, f"Falta la columna «{columna.encabezado}».{pista}"))
    avisos = [f"Se ignoró la columna «{n}»: no es de la plantilla." for n in sobrantes
              if not any(e.mensaje.endswith(f"¿Es «{n}»? Corrija el encabezado.") for e in errores)]
    return indices, errores, avisos


def _valores_de_fila(numero: int, celdas: list, indices: dict[str, int], catalogos: dict[str, Catalogo],
                     errores: list[ErrorDeFila], por_campo: dict[str, Columna]) -> dict:
    """The row's cells as the rules expect them, catalog values resolved to keys."""
    datos: dict = {}
    for campo, i in indices.items():
        columna, celda = por_campo[campo], celdas[i] if i < len(celdas) else None
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


def _permitidos(cur, usuario: Usuario, formato: Formato) -> list[str]:
    """The organismos (or entidades) whose records this user may load: every one for an admin."""
    if formato.ambito == "organismo":
        return sorted(leer_catalogos(cur).organismos) if usuario.rol == "admin" else [usuario.organismo]
    if usuario.rol == "admin":
        return [f["clave"] for f in ejecutar_en(cur, "importar/entidades_para_importar")]
    return [f["entidad"] for f in ejecutar_en(cur, "autorreporte/organismo_existe", {"organismo": usuario.organismo})]


def revisar(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, nombre: str, contenido: bytes,
            tipo: str = "actividades") -> Revision:
    """Read and check a whole file without writing anything: its errors per row and column, or its plan."""
    exigir_escritura(usuario)
    formato = FORMATOS[tipo]
    por_campo = formato.por_campo
    revision = Revision(nombre, hashlib.sha256(contenido).hexdigest(), tipo)
    hoja: Hoja = leer(nombre, contenido, formato.encabezados)
    revision.hoja = hoja
    indices, errores, avisos = emparejar_encabezados(hoja.encabezados, hoja.fila_encabezados, formato)
    revision.avisos = hoja.avisos + avisos
    if errores:
        revision.errores = errores
        return revision
    with con.cursor() as cur:
        catalogos, reglas = _catalogos(cur), leer_catalogos(cur)
        permitidos = _permitidos(cur, usuario, formato)
        parametro = "organismos" if formato.ambito == "organismo" else "entidades"
        guardadas = ejecutar_en(cur, formato.guardados, {parametro: permitidos})
    por_id = {a["id"]: a for a in guardadas}
    por_llave = {formato.llave(a): a for a in guardadas}
    vistas: dict[tuple, int] = {}
    for numero, celdas in hoja.filas:
        errores_fila: list[ErrorDeFila] = []
        datos = _valores_de_fila(numero, celdas, indices, catalogos, errores_fila, por_campo)
        id_texto = _texto(datos.pop("id", None))
        if datos.get("organismo") and usuario.rol != "admin" and datos["organismo"] != usuario.organismo:
            errores_fila.append(ErrorDeFila(numero, "Organismo", (
                f"Su cuenta es de enlace de {usuario.organismo}: no puede cargar {formato.tipo} de "
                f"{datos['organismo']}.")))
        limpios, problemas = formato.revisar(datos, reglas)
        existente = None
        if id_texto:
            if not id_texto.isdigit() or int(id_texto) not in por_id:
                errores_fila.append(ErrorDeFila(numero, "ID", (
                    f"No existe {formato.singular} {id_texto} en "
                    f"{'la base' if usuario.rol == 'admin' else 'su ' + formato.ambito}."
                    + ("" if formato.solo_actualiza else " Deje el ID vacío para registrar uno nuevo."))))
            else:
                existente = por_id[int(id_texto)]
                if limpios.get("organismo") and existente["organismo"] != limpios["organismo"]:
                    errores_fila.append(ErrorDeFila(numero, "Organismo", (
                        f"{formato.singular.capitalize()} {id_texto} es de {existente['organismo']}; el organismo "
                        "no se cambia.")))
        elif formato.solo_actualiza:
            errores_fila.append(ErrorDeFila(numero, "ID", (
                f"Falta el ID: {formato.singular} se identifica por su número (no se crean por archivo).")))
        else:
            existente = por_llave.get(formato.llave(limpios))
        llave = ("id", existente["id"]) if existente else formato.llave(limpios)
        if llave in vistas and all(v not in (None, "") for v in llave):  # an incomplete key is already an error
            errores_fila.append(ErrorDeFila(numero, "ID" if formato.solo_actualiza else "Título", (
                f"Repite la fila {vistas[llave]} (mismo ID, o el mismo registro por organismo, "
                f"{'periodo' if formato.tipo == 'actividades' else 'fecha de inicio'} y título).")))
        vistas.setdefault(llave, numero)
        cambiados = autorreporte.campos_cambiados(existente, limpios, formato.campos) if existente else None
        if existente and not cambiados and not errores_fila:
            # A row equal to what is stored writes nothing: the rules judge what would be written (an old record
            # may predate a rule, such as a concluded demo activity without evidence).
            revision.plan.append(FilaPlaneada(numero, "sin_cambio", limpios, existente["id"], existente["version"],
                                              existente))
            continue
        ya_dichas = {e.columna for e in errores_fila}  # an unknown catalog value is not also "missing"
        for problema in problemas:
            columna = por_campo[problema.campo].encabezado if problema.campo in por_campo else problema.campo
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
    por_campo = FORMATOS[revision.tipo].por_campo
    for p in revision.plan[:filas]:
        valores = {por_campo[c].encabezado: v for c, v in p.limpios.items() if c in por_campo}
        if revision.tipo == "actividades":
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


_SIGUIENTE_ID = {"actividades": "autorreporte/actividad_siguiente_id", "capacitaciones": "autorreporte/capacitacion_siguiente_id"}


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
    ahora = ahora or datetime.now()
    estado = "validada" if validar else "enviada"
    formato = FORMATOS[revision.tipo]
    with con.cursor() as cur:
        permitidos = set(_permitidos(cur, usuario, formato))
    for p in cambios:  # authorised again at write time, on the stored record for an update
        if (p.antes or p.limpios).get(formato.ambito) not in permitidos:
            raise NoAutorizado(f"La fila {p.fila} es de otro {formato.ambito}.")
    nuevas = [p for p in cambios if p.accion == "insertar"]
    cambiadas = [p for p in cambios if p.accion == "actualizar"]
    with transaccion(con) as cur:
        id_importacion = ejecutar_en(cur, "importar/importacion_siguiente_id")[0]["id"]
        if nuevas:
            primer_id = ejecutar_en(cur, _SIGUIENTE_ID[formato.tabla])[0]["id"]
            for i, p in enumerate(nuevas):
                p.id = primer_id + i
        parametros = {"usuario": usuario.usuario, "ahora": ahora, "revision": estado}
        insertar, actualizar = f"importar/importar_insertar_{formato.tabla}", f"importar/importar_actualizar_{formato.tabla}"
        if _registrar(cur, "nuevas", [{**{c: p.limpios[c] for c in formato.escritas}, "id": p.id} for p in nuevas],
                      ("id", *formato.escritas)):
            ejecutar_en(cur, insertar, _solo(parametros, insertar))
        if _registrar(cur, "cambiadas", [{**{c: p.limpios[c] for c in formato.escritas}, "id": p.id,
                                          "version": p.version} for p in cambiadas],
                      ("id", "version", *formato.escritas)):
            escritas = ejecutar_en(cur, actualizar, _solo(parametros, actualizar))
            if len(escritas) != len(cambiadas):
                otra = next(p for p in cambiadas if p.id not in {f["id"] for f in escritas})
                raise CambioConcurrente(f"No se importó nada: {formato.singular} {otra.id} (fila {otra.fila}) cambió "
                                        "después de revisar el archivo. Súbalo de nuevo.")
        if formato.tipo == "actividades":
            _vinculos_y_reportes(cur, cambios, cambiadas, ahora, usuario)
        auditoria = []
        for p in cambios:
            if p.antes is None:
                auditoria.append({"accion": "crear", "registro": str(p.id), "antes": None,
                                  "despues": _json(p.limpios | {"revision": estado})})
            else:
                campos = autorreporte.campos_cambiados(p.antes, p.limpios, formato.campos)
                auditoria.append({"accion": "actualizar", "registro": str(p.id),
                                  "antes": _json({c: p.antes[c] for c in campos} | {"revision": p.antes["revision"]}),
                                  "despues": _json({c: p.limpios[c] for c in campos} | {"revision": estado})})
        _registrar(cur, "auditoria_lote", auditoria, ("accion", "registro", "antes", "despues"))
        ejecutar_en(cur, "importar/importar_insertar_auditoria", {"en": ahora, "usuario": usuario.usuario,
                                                         "tabla": formato.tabla, "detalle": (
            f"importación {id_importacion} ({revision.archivo})")})
        _registrar(cur, "cambios_lote", [{
            "orden": orden, "registro": p.id, "accion": p.accion, "antes": None if p.antes is None else _json(p.antes),
            "version_despues": 1 if p.antes is None else p.version + 1,
        } for orden, p in enumerate(cambios, start=1)], ("orden", "registro", "accion", "antes", "version_despues"))
        ejecutar_en(cur, "importar/importar_insertar_cambios", {"importacion": id_importacion, "tabla": formato.tabla})
        resultado = ResultadoImportacion(id_importacion, len(nuevas), len(cambiadas), revision.cuenta("sin_cambio"))
        ejecutar_en(cur, "importar/importacion_insertar", {
            "id": id_importacion, "en": ahora, "usuario": usuario.usuario, "tipo": formato.tipo,
            "archivo": revision.archivo, "sha256": revision.sha256, "insertadas": resultado.insertadas,
            "actualizadas": resultado.actualizadas, "sin_cambio": resultado.sin_cambio, "validadas": validar,
        })
        auditar(cur, usuario.usuario, "importar", "importaciones", id_importacion,
                despues={"archivo": revision.archivo, "sha256": revision.sha256, "insertadas": resultado.insertadas,
                         "actualizadas": resultado.actualizadas, "sin_cambio": resultado.sin_cambio}, en=ahora)
    return resultado


def _solo(parametros: dict, consulta: str) -> dict:
    """The parameters a named statement declares (the kinds' statements take different ones)."""
    return {k: v for k, v in parametros.items() if k in cargar(consulta).parametros}


def _vinculos_y_reportes(cur, cambios: list, cambiadas: list, ahora: datetime, usuario: Usuario) -> None:
    """An activity batch's transversal ejes and ODS (replacing the changed ones') and its progress reports."""
    if cambiadas:
        ejecutar_en(cur, "importar/importar_borrar_transversales")
        ejecutar_en(cur, "importar/importar_borrar_ods")
    if _registrar(cur, "vinculos_transversales", [{"actividad": p.id, "eje": e} for p in cambios
                                                  for e in p.limpios["transversales"]], ("actividad", "eje")):
        ejecutar_en(cur, "importar/importar_insertar_transversales")
    if _registrar(cur, "vinculos_ods", [{"actividad": p.id, "ods": o} for p in cambios for o in p.limpios["ods"]],
                  ("actividad", "ods")):
        ejecutar_en(cur, "importar/importar_insertar_ods")
    movidas = [p for p in cambios if p.antes is None or
               (p.limpios["avance"], p.limpios["estatus"]) != (p.antes["avance"], p.antes["estatus"])]
    if _registrar(cur, "reportes_lote", [{"actividad": p.id, "avance": p.limpios["avance"],
                                          "estatus": p.limpios["estatus"]} for p in movidas],
                  ("actividad", "avance", "estatus")):
        ejecutar_en(cur, "importar/importar_insertar_reportes", {"ahora": ahora, "usuario": usuario.usuario})


def revertir(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, id_importacion: int,
             ahora: datetime | None = None) -> int:
    """Undo an import exactly (an admin): inserted records removed, changed ones put back as they were. Refused,
    with nothing written, when a record was changed after the import. Returns how many records it restored."""
    exigir_admin(usuario)
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        lote = ejecutar_en(cur, "importar/importacion_por_id", {"id": id_importacion})
        if not lote:
            raise ValueError(f"No existe la importación {id_importacion}.")
        if lote[0]["revertida_en"] is not None:
            raise ValueError(f"La importación {id_importacion} ya se revirtió.")
        cambios = ejecutar_en(cur, "importar/importacion_cambios_de", {"importacion": id_importacion})
        for cambio in cambios:
            deshacer, version = _DESHACER[cambio["tabla"]]
            singular = FORMATOS[cambio["tabla"]].singular
            actual = ejecutar_en(cur, version, {"id": cambio["registro"]})
            if not actual or actual[0]["version"] != cambio["version_despues"]:
                raise CambioConcurrente(
                    f"No se revirtió nada: {singular} {cambio['registro']} cambió después de la importación "
                    f"{id_importacion}. Revierta ese cambio a mano o corríjalo con otra carga.")
            deshacer(cur, cambio, lote[0]["en"])
        ejecutar_en(cur, "importar/importacion_marcar_revertida", {"id": id_importacion, "en": ahora,
                                                          "usuario": usuario.usuario})
        auditar(cur, usuario.usuario, "revertir_importacion", "importaciones", id_importacion,
                detalle=f"{len(cambios)} registros restaurados", en=ahora)
    return len(cambios)


def _deshacer_actividad(cur, cambio: dict, importada_en: datetime) -> None:
    id_ = cambio["registro"]
    ejecutar_en(cur, "autorreporte/actividad_borrar_vinculos_transversales", {"id": id_})
    ejecutar_en(cur, "autorreporte/actividad_borrar_vinculos_ods", {"id": id_})
    if cambio["accion"] == "insertar":
        ejecutar_en(cur, "importar/actividad_borrar_reportes", {"id": id_})
        ejecutar_en(cur, "importar/actividad_borrar", {"id": id_})
        return
    antes = json.loads(cambio["antes"])
    ejecutar_en(cur, "importar/actividad_borrar_reportes_de_importacion", {"id": id_, "en": importada_en})
    ejecutar_en(cur, "importar/actividad_restaurar", {
        "id": id_, **{c: antes.get(c) for c in ("programa", "eje", "titulo", "descripcion", "tipo", "fecha_inicio",
                                                "fecha_fin", "estatus", "avance", "evidencia_url", "periodo", "notas",
                                                "revision", "reportado_por", "reportado_en", "observacion")},
    })
    if antes.get("transversales"):
        ejecutar_en(cur, "autorreporte/actividad_vincular_transversales", {"id": id_, "ejes": antes["transversales"]})
    if antes.get("ods"):
        ejecutar_en(cur, "autorreporte/actividad_vincular_ods", {"id": id_, "ods": antes["ods"]})


def _deshacer_capacitacion(cur, cambio: dict, importada_en: datetime) -> None:
    id_ = cambio["registro"]
    if cambio["accion"] == "insertar":
        ejecutar_en(cur, "importar/capacitacion_borrar", {"id": id_})
        return
    antes = json.loads(cambio["antes"])
    ejecutar_en(cur, "importar/capacitacion_restaurar", {
        "id": id_, **{c: antes.get(c) for c in ("titulo", "tipo", "modalidad", "tema", "eje", "fecha_inicio",
                                                "fecha_fin", "participantes", "mujeres", "hombres",
                                                "sujetos_obligados", "publico", "notas", "revision", "observacion")},
    })


def _deshacer_compromiso(cur, cambio: dict, importada_en: datetime) -> None:
    antes = json.loads(cambio["antes"])
    ejecutar_en(cur, "importar/compromiso_restaurar", {
        "id": cambio["registro"], **{c: antes.get(c) for c in ("estatus", "avance", "notas", "revision",
                                                               "observacion")},
    })


# table → (how a change is undone, the statement that reads the record's version)
_DESHACER = {
    "actividades": (_deshacer_actividad, "importar/actividad_version"),
    "capacitaciones": (_deshacer_capacitacion, "importar/capacitacion_version"),
    "compromisos": (_deshacer_compromiso, "importar/compromiso_version"),
}


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
    return ejecutar(con, "importar/importaciones_lista", {})
