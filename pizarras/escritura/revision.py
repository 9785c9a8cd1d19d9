"""The reviewer's work on what enlaces sent: the queue (filtered and sorted), what validating a record would change
for the public (its pending working version against its published one), sending a record back with a comment, and
validation in two steps.

Validation never publishes a record the enlace's own form would refuse without the reviewer saying so: the stored
records are checked with the shared rules (pizarras.escritura.reglas) and `plan_de_validacion` says what a
validation would do (how many, which, what each changes publicly, which break a rule and why); `validar` refuses
rule-breaking records (`DatosInvalidos`, nothing written) unless it is told `tambien_con_problemas`. Every write
checks the version the reviewer read first, so a record another reviewer (or its enlace) changed meanwhile is a
`CambioConcurrente` that says who did what, and nothing is written; several records are validated in one
transaction, all or none, each with its audit row (autorreporte._cambiar_revision) and published
(pizarras.escritura.publicacion); sending back keeps the published version.

«Qué cambió» (`que_cambio`, `cambios_de`) compares the working version with the published one, field by field, with
catalog values by their names (pizarras.escritura.legible): the reviewer confirms what the public will see, not
the history of the edits, and the enlace's «Autorreporte» shows the same comparison beside its form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import duckdb
import pandas as pd

from pizarras import estilo
from pizarras.base.consultas import ejecutar_en
from pizarras.escritura.auditoria import CambioConcurrente, transaccion
from pizarras.escritura.autorreporte import (  # noqa: F401  (cola_de_revision: re-exported)
    CAMPOS_ACTIVIDAD,
    CAMPOS_CAPACITACION,
    CAMPOS_COMPROMISO,
    ESTADOS_REVISION,
    _cambiar_revision,
    campos_cambiados,
    cola_de_revision,
)
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.legible import FLECHA, Nombres, etiqueta_de_campo, nombres_de_catalogos, texto_de, vacio
from pizarras.escritura.permisos import exigir_admin
from pizarras.escritura.reglas import (
    DatosInvalidos,
    Problema,
    leer_catalogos,
    revisar_actividad,
    revisar_avance_compromiso,
    revisar_capacitacion,
)

TIPOS = {"actividades": "Actividad", "compromisos": "Compromiso", "capacitaciones": "Capacitación"}
ANTIGUEDADES = {"todas": ("Cualquier fecha", None), "7": ("Más de 7 días", 7), "30": ("Más de 30 días", 30)}
ORDENES = {"antiguos": "Más antiguos primero", "recientes": "Más recientes primero"}
Clave = tuple[str, int, int]  # (tabla, id, version): a record as the reviewer read it
CAMBIA = "Qué cambia en lo público"  # the plan's column: what validating each record changes, in one line

_A_REVISAR = {
    "actividades": ("revision/actividades_a_revisar", CAMPOS_ACTIVIDAD, revisar_actividad),
    "compromisos": ("revision/compromisos_a_revisar", CAMPOS_COMPROMISO, revisar_avance_compromiso),
    "capacitaciones": ("revision/capacitaciones_a_revisar", CAMPOS_CAPACITACION, revisar_capacitacion),
}
TERMINACION = {"actividades": "a", "compromisos": "o", "capacitaciones": "a"}  # validad-a, devuelt-o
_ARTICULO = {"actividades": "la", "compromisos": "el", "capacitaciones": "la"}
_PRONOMBRE = {"actividades": "la", "compromisos": "lo", "capacitaciones": "la"}
_VERBOS = {"validar": "validó", "observar": "devolvió al enlace", "enviar": "envió a revisión", "crear": "registró"}


def nombre_de(tabla: str, id_: int) -> str:
    """'Actividad #5'."""
    return f"{TIPOS[tabla]} #{id_}"


# ------------------------------------------------------------------------------------------------ the queue


@dataclass(frozen=True)
class FiltroCola:
    """What the reviewer narrows the queue to; empty means everything."""

    quien: tuple[str, ...] = ()  # organismo siglas or entidad names, as the queue's `quien`
    tipos: tuple[str, ...] = ()  # table keys: actividades, compromisos, capacitaciones
    antiguedad: str = "todas"  # a key of ANTIGUEDADES
    orden: str = "antiguos"  # a key of ORDENES


def filtrar_cola(cola: pd.DataFrame, filtro: FiltroCola = FiltroCola(), ahora: datetime | None = None
                 ) -> pd.DataFrame:
    """The queue narrowed by organismo or entidad, kind and age (sent more than N days before `ahora`), oldest or
    newest first; records whose sending date is unknown go last and no age filter keeps them. Adds `dias` (whole
    days waiting, NaN when unknown)."""
    ahora = ahora or datetime.now()
    tabla = cola.copy()
    enviada = pd.to_datetime(tabla["enviada_en"])
    tabla["dias"] = (pd.Timestamp(ahora) - enviada).dt.days
    mascara = pd.Series(True, index=tabla.index)
    if filtro.quien:
        mascara &= tabla["quien"].isin(filtro.quien)
    if filtro.tipos:
        mascara &= tabla["tabla"].isin(filtro.tipos)
    dias = ANTIGUEDADES[filtro.antiguedad][1]
    if dias is not None:
        mascara &= enviada.notna() & (enviada < pd.Timestamp(ahora - timedelta(days=dias)))
    tabla = tabla[mascara]
    recientes = filtro.orden == "recientes"
    tabla = tabla.assign(_sin_fecha=tabla["enviada_en"].isna()).sort_values(
        ["_sin_fecha", "enviada_en", "tabla", "id"], ascending=[True, not recientes, True, True], kind="stable")
    return tabla.drop(columns="_sin_fecha").reset_index(drop=True)


def claves(cola: pd.DataFrame) -> list[Clave]:
    return [(f["tabla"], int(f["id"]), int(f["version"])) for f in cola[["tabla", "id", "version"]].to_dict("records")]


def _texto(valor) -> str:
    return estilo.SIN_DATO if estilo.vacio(valor) or valor == "" else str(valor)


def vista_de_cola(cola: pd.DataFrame) -> pd.DataFrame:
    """The queue as the page shows it: Spanish headers, dates dd/mm/aaaa, '—' for what is not known (never None)."""
    return pd.DataFrame({
        "Tipo": cola["tabla"].map(TIPOS),
        "Núm.": cola["id"].astype(int),
        "Organismo o entidad": cola["quien"].map(_texto),
        "Título": cola["titulo"].map(_texto),
        "Estatus": cola["estatus"].map(_texto),
        "Avance": cola["avance"].map(lambda v: estilo.SIN_DATO if estilo.vacio(v) else f"{int(v)} %"),
        "Evidencia": cola["evidencia_url"].map(_texto),
        "Reportó": cola["reportado_por"].map(_texto),
        "Enviado": cola["enviada_en"].map(estilo.fecha),
        "Días en espera": cola["dias"].map(estilo.entero) if "dias" in cola else estilo.SIN_DATO,
    }).reset_index(drop=True)


# ------------------------------------------------------------------------------------------------ rules and versions


def _leer(cur, registros: Sequence[Clave]) -> dict[tuple[str, int], dict]:
    """The stored records among `registros`, by (tabla, id)."""
    leidos: dict[tuple[str, int], dict] = {}
    for tabla in dict.fromkeys(t for t, _, _ in registros):
        if tabla not in _A_REVISAR:
            raise ValueError(f"tabla desconocida: {tabla}")
        ids = [i for t, i, _ in registros if t == tabla]
        for fila in ejecutar_en(cur, _A_REVISAR[tabla][0], {"ids": ids}):
            leidos[(tabla, fila["id"])] = fila
    return leidos


def _problemas(cur, leidos: dict[tuple[str, int], dict]) -> dict[tuple[str, int], list[Problema]]:
    """The rules each stored record breaks (the ones the enlace's form, the uploads and the CLI apply)."""
    catalogos = leer_catalogos(cur)
    encontrados = {}
    for (tabla, id_), fila in leidos.items():
        _, campos, revisar = _A_REVISAR[tabla]
        _, problemas = revisar({c: fila[c] for c in campos}, catalogos)
        if problemas:
            encontrados[(tabla, id_)] = problemas
    return encontrados


def _conflicto(cur, tabla: str, id_: int, actual: dict | None, que: str) -> CambioConcurrente:
    """Someone changed the record since the reviewer read it: who did what, and when."""
    nombre = f"{_ARTICULO[tabla]} {TIPOS[tabla].lower()} #{id_}"
    if actual is None:
        return CambioConcurrente(f"{que}: {nombre} ya no existe.")
    ultimo = ejecutar_en(cur, "auditoria/ultimo_cambio", {"tabla": tabla, "registro": str(id_)})
    if ultimo:
        verbo = _VERBOS.get(ultimo[0]["accion"], "cambió")
        quien = f"{ultimo[0]['usuario']} {_PRONOMBRE[tabla]} {verbo} el {ultimo[0]['en']:%d/%m/%Y a las %H:%M}"
    else:
        quien = f"otra persona {_PRONOMBRE[tabla]} cambió"
    estado = ESTADOS_REVISION.get(actual["revision"], actual["revision"])
    return CambioConcurrente(f"{que}: {nombre} cambió después de que usted abrió esta página ({quien}; ahora está "
                             f"«{estado}»). Revise la cola y vuelva a decidir.")


def _exigir_versiones(cur, registros: Sequence[Clave], leidos: dict, que: str) -> None:
    for tabla, id_, version in registros:
        actual = leidos.get((tabla, id_))
        if actual is None or actual["version"] != version:
            raise _conflicto(cur, tabla, id_, actual, que)


# ------------------------------------------------------------------------------------------------ validation


@dataclass(frozen=True)
class Incumple:
    """A record that breaks a rule, with what it breaks."""

    tabla: str
    id: int
    version: int
    quien: str
    titulo: str
    problemas: tuple[Problema, ...]

    @property
    def reglas(self) -> str:
        return "; ".join(str(p) for p in self.problemas)


@dataclass(frozen=True)
class PlanDeValidacion:
    """What a validation would do: the records without problems, those that break a rule, and what each changes
    for the public."""

    sin_problemas: tuple[Clave, ...]
    con_problemas: tuple[Incumple, ...]
    filas: pd.DataFrame  # the queue rows of every record in the plan
    cambios: dict[tuple[str, int], QueCambio] = field(default_factory=dict)  # by (tabla, id)

    def a_validar(self, tambien_con_problemas: bool) -> list[Clave]:
        extra = [(i.tabla, i.id, i.version) for i in self.con_problemas] if tambien_con_problemas else []
        return [*self.sin_problemas, *extra]

    def resumen_de(self, tabla: str, id_: int) -> str:
        """What validating the record changes for the public, in one line."""
        cambio = self.cambios.get((tabla, id_))
        return cambio.resumen if cambio is not None else estilo.SIN_DATO

    def vista_sin_problemas(self) -> pd.DataFrame:
        sin = {(t, i) for t, i, _ in self.sin_problemas}
        filas = self.filas[[(t, i) in sin for t, i in zip(self.filas["tabla"], self.filas["id"])]]
        vista = vista_de_cola(filas)[["Tipo", "Núm.", "Organismo o entidad", "Título"]]
        return vista.assign(**{CAMBIA: [self.resumen_de(t, int(i)) for t, i in zip(filas["tabla"], filas["id"])]})

    def vista_con_problemas(self) -> pd.DataFrame:
        return pd.DataFrame({
            "Tipo": [TIPOS[i.tabla] for i in self.con_problemas],
            "Núm.": [i.id for i in self.con_problemas],
            "Organismo o entidad": [_texto(i.quien) for i in self.con_problemas],
            "Título": [_texto(i.titulo) for i in self.con_problemas],
            CAMBIA: [self.resumen_de(i.tabla, i.id) for i in self.con_problemas],
            "Regla que no cumple": [i.reglas for i in self.con_problemas],
        }, columns=["Tipo", "Núm.", "Organismo o entidad", "Título", CAMBIA, "Regla que no cumple"])


def plan_de_validacion(con: duckdb.DuckDBPyConnection, filas: pd.DataFrame) -> PlanDeValidacion:
    """The first step of a validation: which of the queue rows `filas` pass the shared rules as stored, which
    break one (with the rule), and what each would change for the public. Writes nothing."""
    registros = claves(filas)
    nombres = nombres_de_catalogos(con) if registros else Nombres()
    with con.cursor() as cur:
        leidos = _leer(cur, registros) if registros else {}
        problemas, cambios = (_problemas(cur, leidos), _cambios(cur, leidos, nombres)) if leidos else ({}, {})
    por_clave = {(f["tabla"], int(f["id"])): f for f in filas.to_dict("records")}
    con_problemas = tuple(
        Incumple(t, i, v, por_clave[(t, i)]["quien"], por_clave[(t, i)]["titulo"], tuple(problemas[(t, i)]))
        for t, i, v in registros if (t, i) in problemas
    )
    sin_problemas = tuple((t, i, v) for t, i, v in registros if (t, i) not in problemas)
    return PlanDeValidacion(sin_problemas, con_problemas, filas.reset_index(drop=True), cambios)


def problemas_de(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> list[Problema]:
    """The rules one stored record breaks (none: an empty list)."""
    with con.cursor() as cur:
        return _problemas(cur, _leer(cur, [(tabla, id_, 0)])).get((tabla, id_), [])


def validar(
    con: duckdb.DuckDBPyConnection,
    usuario: Usuario | None,
    registros: Iterable[Clave],
    tambien_con_problemas: bool = False,
    ahora: datetime | None = None,
) -> int:
    """Validate the (tabla, id, version) records as the reviewer read them, in one transaction: all or none, each
    audited. A record that breaks a rule is refused (`DatosInvalidos`, nothing written) unless
    `tambien_con_problemas`; one changed since it was read is a `CambioConcurrente`. Returns how many."""
    exigir_admin(usuario)
    registros = list(dict.fromkeys(registros))
    if not registros:
        raise DatosInvalidos([Problema("registros", "elija al menos un registro para validar.")])
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        leidos = _leer(cur, registros)
        _exigir_versiones(cur, registros, leidos, "No se validó nada")
        problemas = _problemas(cur, leidos)
        if problemas and not tambien_con_problemas:
            raise DatosInvalidos([
                Problema(nombre_de(t, i), f"{leidos[(t, i)]['titulo']} — " + "; ".join(str(p) for p in ps))
                for (t, i), ps in problemas.items()
            ])
        for tabla, id_, version in registros:
            _cambiar_revision(cur, usuario, tabla, id_, version, "validar", None, ahora)
    return len(registros)


def devolver(
    con: duckdb.DuckDBPyConnection,
    usuario: Usuario | None,
    tabla: str,
    id_: int,
    version: int,
    comentario: str | None,
    ahora: datetime | None = None,
) -> int:
    """Send the record read at `version` back to its enlace with the comment (which is required); returns the new
    version. A record changed since it was read is a `CambioConcurrente`: the comment applies to none."""
    exigir_admin(usuario)
    if not (comentario or "").strip():
        raise DatosInvalidos([Problema("comentario", "escriba qué debe corregir el enlace; no se devolvió nada.")])
    with transaccion(con) as cur:
        leidos = _leer(cur, [(tabla, id_, version)])
        _exigir_versiones(cur, [(tabla, id_, version)], leidos,
                          f"No se devolvió y su comentario («{comentario.strip()}») no se aplicó a ningún registro")
        return _cambiar_revision(cur, usuario, tabla, id_, version, "observar", comentario, ahora or datetime.now())


# ------------------------------------------------------------------------------------------------ what changed

_PUBLICADAS = {
    "actividades": "revision/actividades_publicadas_de",
    "compromisos": "revision/compromisos_publicados_de",
    "capacitaciones": "revision/capacitaciones_publicadas_de",
}
_CORTO = 40  # characters of each value in a plan's one-line summary; the record's own table has them whole


@dataclass(frozen=True)
class QueCambio:
    """What validating a record changes for the public: its working version against its published one."""

    desde: str  # against what, in a sentence: the published version (validated when), or that it never was
    filas: pd.DataFrame  # Campo, Antes (what the public sees now), Después (what it will see): one row per field
    publicada: bool = True  # it has a published version
    revision: str = ""  # the working version's review state (borrador, enviada, observada, validada)
    campos: tuple[str, ...] = ()  # the fields of `filas`, as keys, in the same order

    @property
    def pendiente(self) -> bool:
        """Its working version is an edit not yet validated (a draft, sent, or sent back)."""
        return self.revision in ("borrador", "enviada", "observada")

    @property
    def avance(self) -> tuple[str, str] | None:
        """The progress the public sees and the one under review, as '45 %' (None: it did not move)."""
        if not self.publicada or "avance" not in self.campos:
            return None
        fila = self.filas.iloc[self.campos.index("avance")]
        return _porcentaje(fila["Antes"]), _porcentaje(fila["Después"])

    @property
    def etiquetas(self) -> list[str]:
        """The changed fields by their names ('Título', 'ODS')."""
        return list(self.filas["Campo"])

    @property
    def resumen(self) -> str:
        """One line for a plan's table: 'Avance: 50 % → 60 %; ODS: 5 Igualdad… → 16 Paz…'."""
        if not self.publicada:
            return "Nueva: nunca se ha publicado"
        if self.filas.empty:
            return "Nada: ya es lo publicado"
        partes = []
        for campo, fila in zip(self.campos, self.filas.to_dict("records"), strict=True):
            if campo == "avance":
                partes.append(f"Avance: {_porcentaje(fila['Antes'])}{FLECHA}{_porcentaje(fila['Después'])}")
            else:
                partes.append(f"{fila['Campo']}: {_corto(fila['Antes'])}{FLECHA}{_corto(fila['Después'])}")
        return "; ".join(partes)


def _porcentaje(texto: str) -> str:
    return texto if texto == estilo.SIN_DATO else f"{texto} %"


def _corto(texto: str) -> str:
    return texto if len(texto) <= _CORTO else texto[:_CORTO - 1].rstrip() + "…"


def _que_cambio(tabla: str, trabajo: dict, publicada: dict | None, nombres: Nombres) -> QueCambio:
    campos = _A_REVISAR[tabla][1]
    revision = trabajo["revision"]
    if publicada is None:
        # Never validated: all of it is new to the public (its empty fields say nothing).
        nuevos = [c for c in campos if not vacio(trabajo[c])]
        return QueCambio(
            "Nunca se ha publicado: al validar aparece por primera vez en las pizarras públicas, con estos valores.",
            pd.DataFrame({
                "Campo": [etiqueta_de_campo(c, tabla) for c in nuevos],
                "Antes": [estilo.SIN_DATO] * len(nuevos),
                "Después": [texto_de(c, trabajo[c], nombres, tabla) for c in nuevos],
            }, columns=["Campo", "Antes", "Después"]), publicada=False, revision=revision, campos=tuple(nuevos))
    distintos = set(campos_cambiados(publicada, trabajo, campos))
    cambiados = [c for c in campos if c in distintos  # in the order of the form
                 # two values that read the same (a date and its timestamp) are no change to the public
                 if texto_de(c, publicada[c], nombres, tabla) != texto_de(c, trabajo[c], nombres, tabla)]
    validada = estilo.fecha_hora(publicada.get("validada_en"))
    desde = (f"Frente a la versión publicada (validada el {validada}): «Antes» es lo que ve hoy el público; "
             "«Después», lo que verá al validar." if cambiados else
             f"Nada cambia frente a la versión publicada (validada el {validada}): al validar, el público ve lo "
             "mismo.")
    return QueCambio(desde, pd.DataFrame({
        "Campo": [etiqueta_de_campo(c, tabla) for c in cambiados],
        "Antes": [texto_de(c, publicada[c], nombres, tabla) for c in cambiados],
        "Después": [texto_de(c, trabajo[c], nombres, tabla) for c in cambiados],
    }, columns=["Campo", "Antes", "Después"]), publicada=True, revision=revision, campos=tuple(cambiados))


def _cambios(cur, trabajo: dict[tuple[str, int], dict], nombres: Nombres) -> dict[tuple[str, int], QueCambio]:
    """What validating each working version in `trabajo` (as `_leer` reads them) changes for the public."""
    publicadas: dict[tuple[str, int], dict] = {}
    for tabla in dict.fromkeys(t for t, _ in trabajo):
        ids = [i for t, i in trabajo if t == tabla]
        for fila in ejecutar_en(cur, _PUBLICADAS[tabla], {"ids": ids}):
            publicadas[(tabla, fila["id"])] = fila
    return {clave: _que_cambio(clave[0], fila, publicadas.get(clave), nombres) for clave, fila in trabajo.items()}


def cambios_de(con: duckdb.DuckDBPyConnection, registros: Iterable[tuple[str, int]]
               ) -> dict[tuple[str, int], QueCambio]:
    """What validating each (tabla, id) would change for the public, read in one pass (a record that no longer
    exists is left out). Writes nothing."""
    registros = list(dict.fromkeys((t, int(i)) for t, i in registros))
    if not registros:
        return {}
    nombres = nombres_de_catalogos(con)
    with con.cursor() as cur:
        return _cambios(cur, _leer(cur, [(t, i, 0) for t, i in registros]), nombres)


def que_cambio(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> QueCambio:
    """The fields of a record whose working version differs from its published one, published (Antes) → working
    (Después), one row per field, catalog values by their names; a record never published lists its values as
    new. A field changed and changed back is not listed: the public would see no change."""
    cambio = cambios_de(con, [(tabla, id_)]).get((tabla, id_))
    if cambio is None:
        return QueCambio(f"{TIPOS[tabla]} #{id_} ya no existe.", pd.DataFrame(columns=["Campo", "Antes", "Después"]),
                         publicada=False)
    return cambio
