"""Decks of slides stored in the database: read by anyone, written by logged-in users through these functions only.

Who may write: an admin or an enlace (an evaluador consults but never writes, as everywhere in the app). A deck can
be changed or removed by whoever created it or by an admin; the decks shipped with the seed (`creada_por =
'semilla'`) by admins only. Every write is one transaction with its audit row and a version check, so two panelists
editing one deck never overwrite each other in silence. Filters are stored as the URL writes them and checked
against the catalogs before anything is written.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import duckdb

from pizarras.base.consultas import ejecutar_en
from pizarras.config import CARPETA_SEED
from pizarras.escritura.auditoria import CambioConcurrente, auditar, transaccion
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.permisos import NoAutorizado, exigir_escritura
from pizarras.escritura.reglas import DatosInvalidos, Problema
from pizarras.lectura.filtros import DEFINICIONES, POR_CLAVE, Opcion, desde_url
from pizarras.publicacion.diapositivas import VISTAS

PREDETERMINADAS = CARPETA_SEED / "presentaciones.json"
AUTOR_SEMILLA = "semilla"
_CLAVE = re.compile(r"[a-z0-9][a-z0-9-]{1,39}")
INTERVALO_MINIMO, INTERVALO_MAXIMO = 3, 600
MAXIMO_DIAPOSITIVAS = 40


@dataclass(frozen=True)
class Diapositiva:
    vista: str
    filtros: dict[str, list[str]] = field(default_factory=dict)  # filter name -> catalog keys, as in the URL
    titulo: str | None = None


@dataclass(frozen=True)
class Presentacion:
    clave: str
    titulo: str
    diapositivas: tuple[Diapositiva, ...]
    descripcion: str | None = None
    intervalo: int | None = None  # seconds between slides when advancing by itself; None = by hand
    creada_por: str = ""
    version: int = 0  # 0 = not stored yet


def clave_desde_titulo(titulo: str) -> str:
    """'Taller regional: Norte 2025' -> 'taller-regional-norte-2025'."""
    ascii_ = unicodedata.normalize("NFKD", titulo).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:40].strip("-")


def _cur(con, consulta: str, parametros: dict) -> list[dict]:
    return ejecutar_en(con, consulta, parametros)


def lista(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every deck: clave, titulo, descripcion, intervalo, creada_por, version and its number of slides."""
    with con.cursor() as cur:
        return _cur(cur, "presentacion/presentaciones_lista", {})


def leer(con: duckdb.DuckDBPyConnection, clave: str) -> Presentacion | None:
    with con.cursor() as cur:
        filas = _cur(cur, "presentacion/presentacion_por_clave", {"clave": clave})
        if not filas:
            return None
        diapositivas = _cur(cur, "presentacion/diapositivas_de", {"clave": clave})
    p = filas[0]
    return Presentacion(
        p["clave"], p["titulo"],
        tuple(Diapositiva(d["vista"], json.loads(d["filtros"]), d["titulo"]) for d in diapositivas),
        p["descripcion"], p["intervalo"], p["creada_por"], p["version"],
    )


def revisar(presentacion: Presentacion, opciones: Mapping[str, Sequence[Opcion]]) -> list[Problema]:
    """Everything wrong with a deck, in Spanish, before it is written."""
    problemas = []
    if not _CLAVE.fullmatch(presentacion.clave):
        problemas.append(Problema("clave", "use de 2 a 40 letras minúsculas sin acentos, números o guiones."))
    if not presentacion.titulo.strip():
        problemas.append(Problema("titulo", "escriba un título."))
    intervalo = presentacion.intervalo
    if intervalo is not None and not INTERVALO_MINIMO <= intervalo <= INTERVALO_MAXIMO:
        problemas.append(Problema("intervalo", f"entre {INTERVALO_MINIMO} y {INTERVALO_MAXIMO} segundos, o vacío."))
    if not presentacion.diapositivas:
        problemas.append(Problema("diapositivas", "agregue al menos una diapositiva."))
    if len(presentacion.diapositivas) > MAXIMO_DIAPOSITIVAS:
        problemas.append(Problema("diapositivas", f"como máximo {MAXIMO_DIAPOSITIVAS}."))
    for numero, d in enumerate(presentacion.diapositivas, start=1):
        if d.vista not in VISTAS:
            problemas.append(Problema("diapositivas", f"la {numero} usa una vista desconocida ({d.vista})."))
        desconocidos = sorted(set(d.filtros) - set(POR_CLAVE))
        if desconocidos:
            problemas.append(Problema("diapositivas", f"la {numero} usa filtros desconocidos: {', '.join(desconocidos)}."))
        malos = desde_url({k: v for k, v in d.filtros.items() if k in POR_CLAVE}, opciones).desconocidos
        for clave, valores in malos.items():
            problemas.append(Problema(
                "diapositivas",
                f"la {numero} tiene valores que no están en el catálogo de «{POR_CLAVE[clave].etiqueta}»: "
                f"{', '.join(valores)}.",
            ))
    return problemas


def _exigir_autor(usuario: Usuario, creada_por: str) -> None:
    if not usuario.edita_lo_ajeno and creada_por != usuario.usuario:
        raise NoAutorizado(
            "Solo quien creó esta presentación o la Secretaría Ejecutiva (administración) puede cambiarla o borrarla."
        )


def _sin_version(p: Presentacion) -> dict:
    datos = asdict(p)
    datos.pop("version")
    return datos


def guardar(
    con: duckdb.DuckDBPyConnection, usuario: Usuario | None, presentacion: Presentacion,
    opciones: Mapping[str, Sequence[Opcion]], ahora: datetime | None = None,
) -> Presentacion:
    """Create the deck (version 0) or replace it (the version read); one transaction, audited."""
    usuario = exigir_escritura(usuario)
    problemas = revisar(presentacion, opciones)
    if problemas:
        raise DatosInvalidos(problemas)
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        antes = leer(cur, presentacion.clave)
        if presentacion.version == 0:
            if antes is not None:
                raise DatosInvalidos([Problema("clave", f"ya existe una presentación «{antes.titulo}» con esa clave.")])
            _cur(cur, "presentacion/presentacion_insertar", {
                "clave": presentacion.clave, "titulo": presentacion.titulo.strip(),
                "descripcion": presentacion.descripcion, "intervalo": presentacion.intervalo,
                "usuario": usuario.usuario, "en": ahora,
            })
            version, creada_por = 1, usuario.usuario
        else:
            if antes is None:
                raise CambioConcurrente("No se guardó: la presentación fue borrada mientras la tenía abierta.")
            _exigir_autor(usuario, antes.creada_por)
            filas = _cur(cur, "presentacion/presentacion_actualizar", {
                "clave": presentacion.clave, "titulo": presentacion.titulo.strip(),
                "descripcion": presentacion.descripcion, "intervalo": presentacion.intervalo, "en": ahora,
                "version": presentacion.version,
            })
            if not filas:
                raise CambioConcurrente(
                    f"No se guardó: otra persona cambió la presentación mientras la tenía abierta (ahora va en la "
                    f"versión {antes.version}). Recárguela y vuelva a aplicar su cambio."
                )
            version, creada_por = filas[0]["version"], antes.creada_por
            _cur(cur, "presentacion/diapositivas_borrar", {"clave": presentacion.clave})
        _escribir_diapositivas(cur, presentacion)
        guardada = Presentacion(presentacion.clave, presentacion.titulo.strip(), presentacion.diapositivas,
                                presentacion.descripcion, presentacion.intervalo, creada_por, version)
        auditar(cur, usuario.usuario, "crear" if antes is None else "cambiar", "presentaciones", presentacion.clave,
                None if antes is None else _sin_version(antes), _sin_version(guardada), en=ahora)
    return guardada


def _escribir_diapositivas(cur, presentacion: Presentacion) -> None:
    for posicion, d in enumerate(presentacion.diapositivas, start=1):
        _cur(cur, "presentacion/diapositiva_insertar", {
            "clave": presentacion.clave, "posicion": posicion, "vista": d.vista, "titulo": d.titulo or None,
            "filtros": json.dumps(d.filtros, ensure_ascii=False, sort_keys=True),
        })


def borrar(con: duckdb.DuckDBPyConnection, usuario: Usuario | None, clave: str) -> None:
    usuario = exigir_escritura(usuario)
    with transaccion(con) as cur:
        antes = leer(cur, clave)
        if antes is None:
            return
        _exigir_autor(usuario, antes.creada_por)
        _cur(cur, "presentacion/diapositivas_borrar", {"clave": clave})
        _cur(cur, "presentacion/presentacion_borrar", {"clave": clave})
        auditar(cur, usuario.usuario, "borrar", "presentaciones", clave, _sin_version(antes), None)


def opciones_de(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[Opcion, ...]]:
    """Every filter's catalog values, read from the database (the core's twin of the app's cached options)."""
    opciones = {}
    for definicion in DEFINICIONES:
        # On `con` itself: the seed build calls this inside its open transaction.
        filas = ejecutar_en(con, f"catalogos/catalogo_{definicion.parametro_sql}", {})
        opciones[definicion.clave] = tuple(
            Opcion(int(f["clave"]) if definicion.entero else f["clave"], f["nombre"], f["grupo"]) for f in filas
        )
    return opciones


def filtros_desde_texto(texto: str) -> dict[str, list[str]]:
    """'region=norte&ods=16' (a board URL's query, or the part after '?') -> {'region': ['norte'], 'ods': ['16']}."""
    return {k: v for k, v in parse_qs(texto.strip().split("?", 1)[-1]).items() if v}


def filtros_a_texto(filtros: Mapping[str, Sequence[str]]) -> str:
    return urlencode([(k, v) for k, valores in filtros.items() for v in valores])


def desde_json(datos: Mapping) -> Presentacion:
    return Presentacion(
        datos["clave"], datos["titulo"],
        tuple(Diapositiva(d["vista"], {k: [str(v) for v in vs] for k, vs in d.get("filtros", {}).items()},
                          d.get("titulo")) for d in datos["diapositivas"]),
        datos.get("descripcion"), datos.get("intervalo"),
    )


def cargar_predeterminadas(con: duckdb.DuckDBPyConnection, ruta: Path = PREDETERMINADAS) -> int:
    """Write the seed's decks into a database being built (inside the build's transaction); returns how many."""
    opciones = opciones_de(con)
    decks = [desde_json(d) for d in json.loads(ruta.read_text(encoding="utf-8"))]
    ahora = datetime.now()
    for p in decks:
        problemas = revisar(p, opciones)
        if problemas:
            raise ValueError(f"{ruta.name}, «{p.clave}»: " + " ".join(str(x) for x in problemas))
        _cur(con, "presentacion/presentacion_insertar", {"clave": p.clave, "titulo": p.titulo, "descripcion": p.descripcion,
                                           "intervalo": p.intervalo, "usuario": AUTOR_SEMILLA, "en": ahora})
        _escribir_diapositivas(con, p)
    return len(decks)
