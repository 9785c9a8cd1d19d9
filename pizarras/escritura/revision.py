"""The reviewer's work on what enlaces sent: the queue (filtered and sorted), what changed in a record since it was
last validated, sending a record back with a comment, and validation in two steps.

Validation never publishes a record the enlace's own form would refuse without the reviewer saying so: the stored
records are checked with the shared rules (pizarras.escritura.reglas) and `plan_de_validacion` says what a
validation would do (how many, which, which break a rule and why); `validar` refuses rule-breaking records
(`DatosInvalidos`, nothing written) unless it is told `tambien_con_problemas`. Every write checks the version the
reviewer read first, so a record another reviewer (or its enlace) changed meanwhile is a `CambioConcurrente` that
says who did what, and nothing is written; several records are validated in one transaction, all or none, each
with its audit row (autorreporte._cambiar_revision).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb
import pandas as pd

from pizarras import estilo
from pizarras.base.consultas import ejecutar_en
from pizarras.escritura.auditoria import CambioConcurrente, de_json, transaccion
from pizarras.escritura.autorreporte import (  # noqa: F401  (cola_de_revision: re-exported)
    CAMPOS_ACTIVIDAD,
    CAMPOS_CAPACITACION,
    CAMPOS_COMPROMISO,
    ESTADOS_REVISION,
    _cambiar_revision,
    campos_cambiados,
    cola_de_revision,
    historial,
)
from pizarras.escritura.cuentas import Usuario
from pizarras.escritura.legible import etiqueta_de_campo, nombres_de_catalogos, texto_de
from pizarras.escritura.permisos import exigir_admin
from pizarras.escritura.reglas import (
    ETIQUETAS,
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
    """What a validation would do: the records without problems, and those that break a rule."""

    sin_problemas: tuple[Clave, ...]
    con_problemas: tuple[Incumple, ...]
    filas: pd.DataFrame  # the queue rows of every record in the plan

    def a_validar(self, tambien_con_problemas: bool) -> list[Clave]:
        extra = [(i.tabla, i.id, i.version) for i in self.con_problemas] if tambien_con_problemas else []
        return [*self.sin_problemas, *extra]

    def vista_sin_problemas(self) -> pd.DataFrame:
        sin = {(t, i) for t, i, _ in self.sin_problemas}
        filas = self.filas[[(t, i) in sin for t, i in zip(self.filas["tabla"], self.filas["id"])]]
        return vista_de_cola(filas)[["Tipo", "Núm.", "Organismo o entidad", "Título", "Estatus", "Avance"]]

    def vista_con_problemas(self) -> pd.DataFrame:
        return pd.DataFrame({
            "Tipo": [TIPOS[i.tabla] for i in self.con_problemas],
            "Núm.": [i.id for i in self.con_problemas],
            "Organismo o entidad": [_texto(i.quien) for i in self.con_problemas],
            "Título": [_texto(i.titulo) for i in self.con_problemas],
            "Regla que no cumple": [i.reglas for i in self.con_problemas],
        })


def plan_de_validacion(con: duckdb.DuckDBPyConnection, filas: pd.DataFrame) -> PlanDeValidacion:
    """The first step of a validation: which of the queue rows `filas` pass the shared rules as stored, and which
    break one (with the rule). Writes nothing."""
    registros = claves(filas)
    with con.cursor() as cur:
        problemas = _problemas(cur, _leer(cur, registros)) if registros else {}
    por_clave = {(f["tabla"], int(f["id"])): f for f in filas.to_dict("records")}
    con_problemas = tuple(
        Incumple(t, i, v, por_clave[(t, i)]["quien"], por_clave[(t, i)]["titulo"], tuple(problemas[(t, i)]))
        for t, i, v in registros if (t, i) in problemas
    )
    sin_problemas = tuple((t, i, v) for t, i, v in registros if (t, i) not in problemas)
    return PlanDeValidacion(sin_problemas, con_problemas, filas.reset_index(drop=True))


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


@dataclass(frozen=True)
class QueCambio:
    desde: str  # 'desde su última validación, el 01/06/2025', 'desde su alta, el …', or why nothing is known
    filas: pd.DataFrame  # Campo, Antes, Después


def que_cambio(con: duckdb.DuckDBPyConnection, tabla: str, id_: int) -> QueCambio:
    """The fields of a record changed since it was last validated (or since it was created, if it never was),
    before → after, from the audit trail; a field changed and changed back is not listed."""
    historia = historial(con, tabla, id_)  # newest first
    filas = [(f["en"], f["accion"], de_json(f["antes"]), de_json(f["despues"]))
             for f in historia.iloc[::-1].to_dict("records")]
    validaciones = [n for n, (_, _, _, despues) in enumerate(filas) if despues.get("revision") == "validada"]
    altas = [n for n, (_, accion, _, _) in enumerate(filas) if accion == "crear"]
    if validaciones:
        n = validaciones[-1]
        desde = f"desde su última validación, el {estilo.fecha_hora(filas[n][0])}"
    elif altas:
        n = altas[0]
        desde = f"desde su alta, el {estilo.fecha_hora(filas[n][0])} (nunca se ha validado)"
    elif filas:
        n = -1
        desde = "desde el primer cambio que registra la bitácora (no registra su alta ni una validación)"
    else:
        return QueCambio("La bitácora no registra cambios de este registro.", pd.DataFrame(
            columns=["Campo", "Antes", "Después"]))
    antes: dict[str, object] = {}
    despues: dict[str, object] = {}
    base = filas[n][3] if n >= 0 else {}
    for _, _, valores_antes, valores_despues in filas[n + 1:]:
        for campo, valor in valores_despues.items():
            if campo == "revision":
                continue
            if campo not in antes:
                antes[campo] = valores_antes.get(campo, base.get(campo))
            despues[campo] = valor
    cambiados = campos_cambiados(antes, despues, tuple(despues))
    nombres = nombres_de_catalogos(con)
    orden = {c: k for k, c in enumerate(ETIQUETAS)}
    cambiados.sort(key=lambda c: (orden.get(c, len(orden)), c))
    return QueCambio(desde, pd.DataFrame({
        "Campo": [etiqueta_de_campo(c, tabla) for c in cambiados],
        "Antes": [texto_de(c, antes[c], nombres, tabla) for c in cambiados],
        "Después": [texto_de(c, despues[c], nombres, tabla) for c in cambiados],
    }, columns=["Campo", "Antes", "Después"]))
