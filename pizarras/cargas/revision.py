"""Checking an upload: read the whole file and judge every row before anything is written, so the person sees every
problem by row and column (or the plan: what is new, what changes, what stays) and fixes them all at once.

The natural key of a record is its ID when the row has one (a template filled with the organismo's records has them),
else (organismo, periodo or fecha de inicio, título) compared without case, accents or extra spaces; commitments are
named by ID only (none is created by file). A row equal to the stored record plans nothing, so uploading the same
file twice changes nothing the second time; when that record has an edit pending review (not validated), the row is
marked `en_revision`: an admin's import that validates (pizarras.cargas.importar) validates and publishes it as it
is, any other import leaves it alone. The values go through the same rules as the self-report form
(pizarras.escritura.reglas). Catalog values may be keys, acronyms or names, in any case and with or without accents;
an unknown value is an error naming the closest valid ones, never a guess.

Percentages: 45, "45", "45%" and 0.45 (a cell in Excel's percent format) all mean 45 %: a number between 0 and 1
with decimals is a fraction.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field

import duckdb
from openpyxl import Workbook
from rapidfuzz import fuzz, process

from pizarras.base.consultas import ejecutar_en
from pizarras.cargas.formatos import FORMATOS, SEPARADORES, Columna, Formato
from pizarras.cargas.hojas import Hoja, leer
from pizarras.cargas.porcentajes import Porcentaje
from pizarras.escritura import autorreporte
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.permisos import exigir_escritura
from pizarras.escritura.reglas import MODALIDADES, TIPOS_CAPACITACION, leer_catalogos
from pizarras.texto import normalizar

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

    @property
    def en_revision(self) -> bool:
        """Equal to the stored record, whose edit awaits review: validating the file publishes it unchanged."""
        return self.accion == "sin_cambio" and self.antes is not None and self.antes["revision"] != "validada"


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
    # The rows were judged (the headers matched), and the plan of the rows without errors: kept when the file has
    # errors, so the preview still says what the rest of the file would do (`plan` is empty then: nothing imports).
    revisadas: bool = False
    planeadas: list[FilaPlaneada] = field(default_factory=list)
    # Set by pizarras.cargas.importar once this checked file is written: importing it again writes nothing more.
    importada: object | None = None

    @property
    def valida(self) -> bool:
        return not self.errores

    def cuenta(self, accion: str) -> int:
        return sum(1 for p in self.plan if p.accion == accion)

    def cuenta_en_revision(self) -> int:
        """Rows equal to a stored record whose edit awaits review (counted among the unchanged)."""
        return sum(1 for p in self.plan if p.en_revision)

    def resumen(self, validar: bool = False) -> dict:
        """The plan's counts; importing validated, the unchanged rows whose record awaits review are counted apart
        (`validadas_sin_cambios`: they are validated and published), else they are among `sin_cambio`."""
        validadas = self.cuenta_en_revision() if validar else 0
        return {
            "valido": self.valida, "insertadas": self.cuenta("insertar"), "actualizadas": self.cuenta("actualizar"),
            "validadas_sin_cambios": validadas, "sin_cambio": self.cuenta("sin_cambio") - validadas,
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
    """A progress cell as a percentage: a cell shown as a percentage holds its fraction (1.0 is 100 %); typed text
    may end in «%»; a bare number between 0 and 1 is a fraction (0.45), any other bare number its value (1 is 1 %)."""
    if isinstance(celda, Porcentaje):
        return round(float(celda) * 100, 6)
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
        valores = [v.strip() for v in texto.split(SEPARADORES[columna.catalogo])] if columna.lista else [texto]
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


def ambitos_permitidos(cur, usuario: Usuario, formato: Formato) -> list[str]:
    """The organismos (or entidades) whose records this user may load: every one for an admin."""
    if formato.ambito == "organismo":
        return [usuario.organismo] if usuario.solo_su_organismo else sorted(leer_catalogos(cur).organismos)
    if usuario.solo_su_organismo:
        return [f["entidad"] for f in ejecutar_en(cur, "autorreporte/organismo_existe", {"organismo": usuario.organismo})]
    return [f["clave"] for f in ejecutar_en(cur, "importar/entidades_para_importar")]


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
        permitidos = ambitos_permitidos(cur, usuario, formato)
        parametro = "organismos" if formato.ambito == "organismo" else "entidades"
        guardadas = ejecutar_en(cur, formato.guardados, {parametro: permitidos})
    por_id = {a["id"]: a for a in guardadas}
    por_llave = {formato.llave(a): a for a in guardadas}
    vistas: dict[tuple, int] = {}
    unos, otros = [], []  # progress: bare 1s a workbook holds (new or changed), and every other value
    for numero, celdas in hoja.filas:
        errores_fila: list[ErrorDeFila] = []
        datos = _valores_de_fila(numero, celdas, indices, catalogos, errores_fila, por_campo)
        id_texto = _texto(datos.pop("id", None))
        if datos.get("organismo") and usuario.solo_su_organismo and datos["organismo"] != usuario.organismo:
            errores_fila.append(ErrorDeFila(numero, "Organismo", (
                f"Su cuenta es de enlace de {usuario.organismo}: no puede cargar {formato.tipo} de "
                f"{datos['organismo']}.")))
        limpios, problemas = formato.revisar(datos, reglas)
        existente = None
        crudo = celdas[indices["avance"]] if "avance" in indices and indices["avance"] < len(celdas) else None
        if id_texto:
            if not id_texto.isdigit() or int(id_texto) not in por_id:
                errores_fila.append(ErrorDeFila(numero, "ID", (
                    f"No existe {formato.singular} {id_texto} en "
                    f"{'su ' + formato.ambito if usuario.solo_su_organismo else 'la base'}."
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
        if _uno_sin_formato(crudo) and not (existente and existente.get("avance") == 1):
            unos.append(numero)
        elif isinstance(limpios.get("avance"), (int, float)):
            otros.append(limpios["avance"])
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
    revision.revisadas = True
    revision.errores = _orden_mes_dia(hoja, indices, por_campo) + revision.errores
    if unos and otros and min(otros) >= 2:
        revision.errores += [ErrorDeFila(n, por_campo["avance"].encabezado, (
            "¿1 % o 100 %? Las demás filas avanzan 2 % o más y una celda con «100 %» guarda el número 1. Escriba "
            "«100» si la actividad está completa, o «1 %» si avanzó 1 %.")) for n in unos]
    revision.planeadas = list(revision.plan)
    if revision.errores:
        revision.plan = []
    return revision


def _uno_sin_formato(celda) -> bool:
    """A workbook's bare 1 in the progress column: 1 %, or a 100 % that lost its percent format?"""
    return isinstance(celda, (int, float)) and not isinstance(celda, (bool, Porcentaje)) and celda == 1


_FECHA_CON_DIAGONALES = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")


def _orden_mes_dia(hoja: Hoja, indices: dict[str, int], por_campo: dict[str, Columna]) -> list[ErrorDeFila]:
    """A date column with a value that only reads as month/day/year (a US-locale export) is refused as a whole: its
    other dates could be read with day and month swapped, silently."""
    errores = []
    for campo, i in indices.items():
        if not campo.startswith("fecha_"):
            continue
        for numero, celdas in hoja.filas:
            celda = celdas[i] if i < len(celdas) else None
            partes = _FECHA_CON_DIAGONALES.fullmatch(celda.strip()) if isinstance(celda, str) else None
            if partes and int(partes.group(1)) <= 12 < int(partes.group(2)):
                encabezado = por_campo[campo].encabezado
                errores.append(ErrorDeFila(hoja.fila_encabezados, encabezado, (
                    f"Las fechas de «{encabezado}» están en orden mes/día/año (fila {numero}: «{celda.strip()}»). "
                    "Escríbalas como dd/mm/aaaa, con el día primero: no se leyó ninguna, para no cambiar días por "
                    "meses.")))
                break
    return errores


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
