"""The validation rules of every record people write: one set for the self-report form, uploads and the CLI.

Each check returns the cleaned values and a list of problems, each naming its field and saying in Spanish what to
fix. Nothing is written unless the list is empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

import duckdb

from pizarras.base.consultas import ejecutar_en
from pizarras.etiquetas import VALORES

LARGO_TITULO = 300
LARGO_TEXTO = 4000
LARGO_TIPO = 80
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

ETIQUETAS = {
    "organismo": "Organismo", "programa": "Programa", "eje": "Eje temático", "transversales": "Ejes transversales",
    "ods": "ODS", "titulo": "Título", "descripcion": "Descripción", "tipo": "Tipo", "fecha_inicio": "Fecha de inicio",
    "fecha_fin": "Fecha de término", "periodo": "Periodo", "estatus": "Estatus", "avance": "Avance (%)",
    "evidencia_url": "Evidencia (URL)", "notas": "Notas", "comentario": "Comentario", "cambios": "Cambios", "duplicado": "Título repetido",
    "revision": "Revisión", "observacion": "Observación",
    "modalidad": "Modalidad", "tema": "Tema", "participantes": "Participantes", "mujeres": "Mujeres",
    "hombres": "Hombres", "sujetos_obligados": "Sujetos obligados", "publico": "Público",
}
TIPOS_CAPACITACION = VALORES["tipo_capacitacion"]
MODALIDADES = VALORES["modalidad"]
MAXIMO_PARTICIPANTES = 1_000_000


@dataclass(frozen=True)
class Problema:
    campo: str
    mensaje: str

    def __str__(self) -> str:
        return f"{ETIQUETAS.get(self.campo, self.campo)}: {self.mensaje}"


class DatosInvalidos(ValueError):
    def __init__(self, problemas: list[Problema]) -> None:
        super().__init__(" ".join(str(p) for p in problemas))
        self.problemas = problemas


@dataclass(frozen=True)
class Catalogos:
    """The catalog values a record may use, read in the writing transaction."""

    organismos: frozenset[str]
    programas: frozenset[str]
    ejes: dict[str, tuple[str, str]]  # clave → (programa, tipo)
    estatus: frozenset[str]
    ods: frozenset[int]


def leer_catalogos(cur: duckdb.DuckDBPyConnection) -> Catalogos:
    filas = ejecutar_en(cur, "autorreporte/catalogos_validacion")
    por_tipo: dict[str, list[dict]] = {}
    for fila in filas:
        por_tipo.setdefault(fila["catalogo"], []).append(fila)
    claves = {k: frozenset(f["clave"] for f in v) for k, v in por_tipo.items()}
    return Catalogos(
        organismos=claves.get("organismo", frozenset()),
        programas=claves.get("programa", frozenset()),
        ejes={f["clave"]: (f["grupo"], f["tipo"]) for f in por_tipo.get("eje", [])},
        estatus=claves.get("estatus", frozenset()),
        ods=frozenset(int(f["clave"]) for f in por_tipo.get("ods", [])),
    )


class _Revision:
    """Collects cleaned values and problems field by field."""

    def __init__(self, datos: dict) -> None:
        self.datos, self.limpios, self.problemas = datos, {}, []

    def mal(self, campo: str, mensaje: str) -> None:
        self.problemas.append(Problema(campo, mensaje))

    def texto(self, campo: str, requerido: bool = False, largo: int = LARGO_TEXTO, lineas: bool = True) -> str | None:
        valor = self.datos.get(campo)
        texto = "" if valor is None else str(valor).strip()
        if not lineas:
            texto = " ".join(texto.split())
        if _CONTROL.search(texto):
            self.mal(campo, "tiene caracteres de control; escriba solo texto.")
        elif len(texto) > largo:
            self.mal(campo, f"tiene {len(texto):,} caracteres; el máximo es {largo:,}.")
        elif requerido and not texto:
            self.mal(campo, "es obligatorio.")
        self.limpios[campo] = texto or None
        return texto or None

    def entero(self, campo: str, minimo: int, maximo: int, requerido: bool = True) -> int | None:
        valor = self.datos.get(campo)
        if valor is None or (isinstance(valor, str) and not valor.strip()):
            if requerido:
                self.mal(campo, "es obligatorio.")
            self.limpios[campo] = None
            return None
        try:
            if isinstance(valor, bool):
                raise ValueError
            numero = float(str(valor).strip().rstrip("%").strip()) if isinstance(valor, str) else float(valor)
            if not numero.is_integer():
                raise ValueError
            numero = int(numero)
        except ValueError:
            self.mal(campo, f"«{valor}» no es un número entero.")
            self.limpios[campo] = None
            return None
        if not minimo <= numero <= maximo:
            self.mal(campo, f"debe estar entre {minimo} y {maximo} (se recibió {numero}).")
        self.limpios[campo] = numero
        return numero

    def fecha(self, campo: str) -> date | None:
        valor = self.datos.get(campo)
        if valor is None or (isinstance(valor, str) and not valor.strip()):
            self.limpios[campo] = None
            return None
        if isinstance(valor, datetime):
            valor = valor.date()
        if isinstance(valor, (int, float)) and not isinstance(valor, bool):
            valor, problema = fecha_de_serie(valor)
            if problema:
                self.mal(campo, problema)
                self.limpios[campo] = None
                return None
        if not isinstance(valor, date):
            texto = str(valor).strip()
            valor = fecha_de_texto(texto)
            if valor is None:
                self.mal(campo, f"«{texto}» no es una fecha; escríbala como dd/mm/aaaa.")
                self.limpios[campo] = None
                return None
        self.limpios[campo] = valor
        return valor

    def de_catalogo(self, campo: str, validos, nombre: str, requerido: bool = True):
        valor = self.datos.get(campo)
        valor = valor.strip() if isinstance(valor, str) else valor
        if not valor:
            if requerido:
                self.mal(campo, "es obligatorio.")
            self.limpios[campo] = None
            return None
        if valor not in validos:
            self.mal(campo, f"«{valor}» no es {nombre} del catálogo.")
        self.limpios[campo] = valor
        return valor


# A spreadsheet stores a date as a day count from 30/12/1899 (Excel and LibreOffice alike); a date cell whose format
# was cleared shows that number. Outside these years it is not taken for a date.
_DIA_CERO = date(1899, 12, 30)
_SERIES_PLAUSIBLES = range(1990, 2101)
_DD_MM_AA = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2})")


def fecha_de_serie(numero: float) -> tuple[date | None, str | None]:
    """(the date a spreadsheet's day number stands for, None), or (None, what to fix)."""
    if numero != int(numero) or not 1 <= numero <= 2958465:
        return None, f"«{numero:g}» no es una fecha; escríbala como dd/mm/aaaa."
    fecha = _DIA_CERO + timedelta(days=int(numero))
    if fecha.year not in _SERIES_PLAUSIBLES:
        return None, (f"«{numero:g}» no es una fecha (como número de fecha de la hoja de cálculo sería el "
                      f"{fecha:%d/%m/%Y}); escríbala como dd/mm/aaaa y dé a la celda formato de fecha.")
    return fecha, None


def fecha_de_texto(texto: str) -> date | None:
    """dd/mm/aaaa, aaaa-mm-dd, or dd/mm/aa read as 20aa (the short date LibreOffice Calc writes in es-MX)."""
    for formato in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(texto, formato).date()
        except ValueError:
            continue
    corta = _DD_MM_AA.fullmatch(texto)
    if corta:
        dia, mes, anio = (int(g) for g in corta.groups())
        try:
            return date(2000 + anio, mes, dia)
        except ValueError:
            return None
    return None


def url_valida(texto: str) -> bool:
    partes = urlsplit(texto)
    return partes.scheme in ("http", "https") and "." in partes.netloc and " " not in texto


def revisar_actividad(datos: dict, catalogos: Catalogos) -> tuple[dict, list[Problema]]:
    """Clean and check one activity as a person sends it (form, upload or CLI)."""
    r = _Revision(datos)
    r.de_catalogo("organismo", catalogos.organismos, "un organismo")
    programa = r.de_catalogo("programa", catalogos.programas, "un programa")
    eje = r.de_catalogo("eje", catalogos.ejes, "un eje")
    if eje in catalogos.ejes and programa:
        programa_eje, tipo_eje = catalogos.ejes[eje]
        if programa_eje != programa or tipo_eje != "tematico":
            r.mal("eje", f"«{eje}» no es un eje temático del programa {programa}.")
    transversales = list(dict.fromkeys(datos.get("transversales") or []))
    for clave in transversales:
        if catalogos.ejes.get(clave) != (programa, "transversal"):
            r.mal("transversales", f"«{clave}» no es un eje transversal del programa {programa}.")
    r.limpios["transversales"] = transversales
    ods = []
    for valor in dict.fromkeys(datos.get("ods") or []):
        try:
            numero = int(valor)
        except (TypeError, ValueError):
            numero = None
        if numero not in catalogos.ods:
            r.mal("ods", f"«{valor}» no es un ODS (1 a 17).")
        else:
            ods.append(numero)
    r.limpios["ods"] = ods
    r.texto("titulo", requerido=True, largo=LARGO_TITULO, lineas=False)
    r.texto("descripcion")
    r.texto("tipo", requerido=True, largo=LARGO_TIPO, lineas=False)
    inicio, fin = r.fecha("fecha_inicio"), r.fecha("fecha_fin")
    if inicio and fin and fin < inicio:
        r.mal("fecha_fin", f"el término ({fin:%d/%m/%Y}) no puede ser anterior al inicio ({inicio:%d/%m/%Y}).")
    r.entero("periodo", 2015, 2100)
    _revisar_avance(r, catalogos, evidencia_obligatoria=True)
    r.texto("notas")
    return r.limpios, r.problemas


def _revisar_avance(r: _Revision, catalogos: Catalogos, evidencia_obligatoria: bool) -> None:
    estatus = r.de_catalogo("estatus", catalogos.estatus, "un estatus")
    avance = r.entero("avance", 0, 100)
    evidencia = r.texto("evidencia_url", largo=1000, lineas=False) if "evidencia_url" in r.datos else None
    if evidencia and not url_valida(evidencia):
        r.mal("evidencia_url", f"«{evidencia}» no es una dirección web completa (https://…).")
    if estatus == "concluida":
        if avance is not None and avance != 100:
            r.mal("avance", f"una actividad concluida tiene 100 % de avance (se recibió {avance} %).")
        if evidencia_obligatoria and not evidencia:
            r.mal("evidencia_url", "una actividad concluida necesita la dirección web de su evidencia.")


def revisar_avance_compromiso(datos: dict, catalogos: Catalogos) -> tuple[dict, list[Problema]]:
    """Status, progress and notes of a commitment (what an enlace updates)."""
    r = _Revision(datos)
    _revisar_avance(r, catalogos, evidencia_obligatoria=False)
    r.texto("notas")
    return r.limpios, r.problemas


def revisar_capacitacion(datos: dict, catalogos: Catalogos) -> tuple[dict, list[Problema]]:
    """Clean and check one training an SNT member organised (form, upload or CLI)."""
    r = _Revision(datos)
    r.de_catalogo("organismo", catalogos.organismos, "un organismo")
    r.texto("titulo", requerido=True, largo=LARGO_TITULO, lineas=False)
    r.de_catalogo("tipo", TIPOS_CAPACITACION, "un tipo de capacitación")
    r.de_catalogo("modalidad", MODALIDADES, "una modalidad", requerido=False)
    r.texto("tema", largo=LARGO_TITULO, lineas=False)
    eje = r.de_catalogo("eje", catalogos.ejes, "un eje", requerido=False)
    if eje in catalogos.ejes and catalogos.ejes[eje][1] != "tematico":
        r.mal("eje", f"«{eje}» es un eje transversal; elija un eje temático.")
    inicio, fin = r.fecha("fecha_inicio"), r.fecha("fecha_fin")
    if inicio is None:
        r.mal("fecha_inicio", "es obligatoria.")
    if inicio and fin and fin < inicio:
        r.mal("fecha_fin", f"el término ({fin:%d/%m/%Y}) no puede ser anterior al inicio ({inicio:%d/%m/%Y}).")
    total = r.entero("participantes", 0, MAXIMO_PARTICIPANTES, requerido=False)
    mujeres = r.entero("mujeres", 0, MAXIMO_PARTICIPANTES, requerido=False)
    hombres = r.entero("hombres", 0, MAXIMO_PARTICIPANTES, requerido=False)
    if total is not None and (mujeres or 0) + (hombres or 0) > total:
        r.mal("participantes", f"mujeres y hombres suman {(mujeres or 0) + (hombres or 0):,}, más que los {total:,} "
              "participantes.")
    r.entero("sujetos_obligados", 0, MAXIMO_PARTICIPANTES, requerido=False)
    r.texto("publico", largo=LARGO_TITULO, lineas=False)
    r.texto("notas")
    return r.limpios, r.problemas
