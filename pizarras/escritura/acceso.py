"""Login, lockout and sessions, all kept in the database.

The login cookie (streamlit-authenticator's signed token) cannot be revoked, so a session is valid only while the
account is active and the session started after the account's `sesiones_desde`: logout, a password reset or
disabling the account move that moment forward and every tab and cookie opened before it ends.
Lockout: after `MAXIMO_FALLOS` failed logins within `VENTANA` (since the last success), further attempts are refused
for `BLOQUEO` after the last failure. Attempts are counted per user name in the database, so the count survives
restarts and is the same in every browser.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from pizarras.base.consultas import ejecutar_en
from pizarras.escritura.auditoria import auditar, transaccion
from pizarras.escritura.cuentas import Usuario, buscar, clave_correcta, desde_fila, normalizar_usuario

MAXIMO_FALLOS = 5
VENTANA = timedelta(minutes=15)
BLOQUEO = timedelta(minutes=15)
MENSAJE_INCORRECTO = "Usuario o contraseña incorrectos. Revise mayúsculas y minúsculas de la contraseña."


@dataclass(frozen=True)
class ResultadoAcceso:
    usuario: Usuario | None
    mensaje: str = ""

    @property
    def ok(self) -> bool:
        return self.usuario is not None


def _bloqueado_hasta(cur, usuario: str, ahora: datetime) -> datetime | None:
    fila = ejecutar_en(cur, "cuentas/intentos_fallidos_recientes", {"usuario": usuario, "desde": ahora - VENTANA})[0]
    if fila["fallidos"] >= MAXIMO_FALLOS and fila["ultimo"] + BLOQUEO > ahora:
        return fila["ultimo"] + BLOQUEO
    return None


def autenticar(con: duckdb.DuckDBPyConnection, usuario: str, clave: str, ahora: datetime | None = None) -> ResultadoAcceso:
    """Check a login; every attempt is recorded and audited, and a locked user is refused without a password check."""
    usuario, ahora = normalizar_usuario(usuario), ahora or datetime.now()
    if not usuario or not clave:
        return ResultadoAcceso(None, "Escriba su usuario y su contraseña.")
    with transaccion(con) as cur:
        hasta = _bloqueado_hasta(cur, usuario, ahora)
        if hasta is not None:
            minutos = max(1, math.ceil((hasta - ahora).total_seconds() / 60))
            auditar(cur, usuario, "acceso_bloqueado", "usuarios", usuario, en=ahora)
            return ResultadoAcceso(
                None,
                f"Demasiados intentos fallidos para este usuario. Espere {minutos} minutos y vuelva a intentarlo, o "
                "pida a la Secretaría Ejecutiva que restablezca su contraseña.",
            )
        filas = ejecutar_en(cur, "cuentas/usuario_clave", {"usuario": usuario})
        correcta = bool(filas) and clave_correcta(clave, filas[0]["clave_hash"])
        activo = bool(filas) and filas[0]["activo"]
        ejecutar_en(cur, "cuentas/intento_registrar", {"usuario": usuario, "en": ahora, "exito": correcta and activo})
        if not correcta:
            auditar(cur, usuario, "acceso_fallido", "usuarios", usuario, en=ahora)
            return ResultadoAcceso(None, MENSAJE_INCORRECTO)
        if not activo:
            auditar(cur, usuario, "acceso_desactivado", "usuarios", usuario, en=ahora)
            return ResultadoAcceso(None, "Esta cuenta está desactivada. Pida a la Secretaría Ejecutiva que la active.")
        auditar(cur, usuario, "acceso", "usuarios", usuario, en=ahora)
    return ResultadoAcceso(buscar(con, usuario))


def sesion_vigente(con: duckdb.DuckDBPyConnection, usuario: str, iniciada_en: datetime) -> Usuario | None:
    """The account behind a session, if the session still holds (active account, started after the last logout)."""
    with con.cursor() as cur:
        filas = ejecutar_en(cur, "cuentas/usuario_por_nombre", {"usuario": normalizar_usuario(usuario)})
    if not filas or not filas[0]["activo"] or iniciada_en < filas[0]["sesiones_desde"]:
        return None
    return desde_fila(filas[0])


def cerrar_sesiones(con: duckdb.DuckDBPyConnection, usuario: str, ahora: datetime | None = None) -> None:
    """Logout: this session and every other one of the user (other tabs, a copied cookie) end."""
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        ejecutar_en(cur, "cuentas/usuario_cerrar_sesiones", {"usuario": usuario, "ahora": ahora})
        auditar(cur, usuario, "cierre_sesion", "usuarios", usuario, en=ahora)
