"""Accounts: who may log in, with which role, and for which organismo. Users live in the database, never in a file.

Roles: `admin` (the SNT secretariat: everything, users, review), `enlace` (one organismo's staff: its own records),
`evaluador` (reads everything, drafts included; writes nothing). What each role may do is said once, by the properties
of `Usuario`; permissions and screens ask those, never the role's name. Passwords are stored as bcrypt hashes only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import bcrypt
import duckdb

from pizarras.base.consultas import ejecutar_en
from pizarras.escritura.auditoria import auditar, transaccion

ROLES = {"admin": "Administración (Secretaría Ejecutiva)", "enlace": "Enlace de organismo", "evaluador": "Evaluación"}
_USUARIO_VALIDO = re.compile(r"[a-z0-9][a-z0-9._-]{2,39}")
_CORREO_VALIDO = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
LARGO_MINIMO_CLAVE = 12
REGLA_CLAVE = (
    f"La contraseña debe tener al menos {LARGO_MINIMO_CLAVE} caracteres, con letras y números, y no contener el "
    "nombre de usuario."
)


class ErrorDeCuenta(ValueError):
    """A user account request that cannot be done; the message says, in Spanish, what to fix."""


@dataclass(frozen=True)
class Usuario:
    usuario: str
    nombre: str
    correo: str
    rol: str
    organismo: str | None
    activo: bool = True

    @property
    def rol_nombre(self) -> str:
        return ROLES[self.rol]

    @property
    def ve_sin_validar(self) -> bool:
        """Admins and evaluators see every record on the boards; the public and enlaces, validated ones."""
        return self.rol in ("admin", "evaluador")

    @property
    def escribe(self) -> bool:
        """Admins and enlaces register and change records; evaluators only read."""
        return self.rol != "evaluador"

    @property
    def solo_su_organismo(self) -> bool:
        """An enlace writes only its organismo's records (and its entidad's commitments)."""
        return self.rol == "enlace"

    @property
    def puede_validar(self) -> bool:
        """Only the secretariat (admins) validates or sends back records, and rolls an import back."""
        return self.rol == "admin"

    @property
    def edita_lo_ajeno(self) -> bool:
        """Admins change or delete what another person created (a deck); others, only their own."""
        return self.rol == "admin"


def problemas_de_clave(clave: str, usuario: str = "") -> list[str]:
    problemas = []
    if len(clave) < LARGO_MINIMO_CLAVE:
        problemas.append(f"tiene {len(clave)} caracteres")
    if not re.search(r"[^\W\d_]", clave) or not re.search(r"\d", clave):
        problemas.append("le faltan letras o números")
    if usuario and usuario.lower() in clave.lower():
        problemas.append("contiene el nombre de usuario")
    return problemas


def exigir_clave_segura(clave: str, usuario: str = "") -> None:
    problemas = problemas_de_clave(clave, usuario)
    if problemas:
        raise ErrorDeCuenta(f"{REGLA_CLAVE} Esta {', '.join(problemas)}.")


def cifrar(clave: str) -> str:
    return bcrypt.hashpw(clave.encode("utf-8"), bcrypt.gensalt()).decode("ascii")


def clave_correcta(clave: str, cifrada: str) -> bool:
    try:
        return bcrypt.checkpw(clave.encode("utf-8"), cifrada.encode("ascii"))
    except ValueError:
        return False


def normalizar_usuario(usuario: str) -> str:
    return usuario.strip().lower()


def desde_fila(fila: dict) -> Usuario:
    """The account of a `usuario_por_nombre` / `usuarios_lista` row."""
    return Usuario(fila["usuario"], fila["nombre"], fila["correo"], fila["rol"], fila["organismo"], fila["activo"])


def organismo_existe(con: duckdb.DuckDBPyConnection, organismo: str) -> bool:
    with con.cursor() as cur:
        return bool(ejecutar_en(cur, "autorreporte/organismo_existe", {"organismo": organismo}))


def buscar(con: duckdb.DuckDBPyConnection, usuario: str) -> Usuario | None:
    with con.cursor() as cur:
        filas = ejecutar_en(cur, "cuentas/usuario_por_nombre", {"usuario": normalizar_usuario(usuario)})
    return desde_fila(filas[0]) if filas else None


def listar(con: duckdb.DuckDBPyConnection) -> list[Usuario]:
    with con.cursor() as cur:
        return [desde_fila(f) for f in ejecutar_en(cur, "cuentas/usuarios_lista")]


def agregar(
    con: duckdb.DuckDBPyConnection,
    usuario: str,
    clave: str,
    rol: str,
    nombre: str,
    correo: str,
    organismo: str | None = None,
    quien: str = "cli",
    ahora: datetime | None = None,
) -> Usuario:
    """Create an account (the command line's `usuarios agregar`): every rule checked before anything is written."""
    usuario = normalizar_usuario(usuario)
    if not _USUARIO_VALIDO.fullmatch(usuario):
        raise ErrorDeCuenta(
            f"El usuario «{usuario}» no es válido: use de 3 a 40 minúsculas, números, punto, guion o guion bajo, "
            "empezando por letra o número."
        )
    if rol not in ROLES:
        raise ErrorDeCuenta(f"El rol «{rol}» no existe: use {', '.join(ROLES)}.")
    if rol == "enlace" and not organismo:
        raise ErrorDeCuenta("Un enlace necesita su organismo: agregue --organismo CLAVE (por ejemplo ITEI).")
    if rol != "enlace" and organismo:
        raise ErrorDeCuenta(f"Solo los enlaces tienen organismo; quite --organismo para el rol {rol}.")
    if not nombre.strip():
        raise ErrorDeCuenta("Falta el nombre para mostrar (--nombre).")
    if not _CORREO_VALIDO.fullmatch(correo.strip()):
        raise ErrorDeCuenta(f"El correo «{correo}» no es válido.")
    exigir_clave_segura(clave, usuario)
    ahora = ahora or datetime.now()
    with transaccion(con) as cur:
        if organismo:
            organismo = organismo.strip().upper()
            if not ejecutar_en(cur, "autorreporte/organismo_existe", {"organismo": organismo}):
                raise ErrorDeCuenta(f"No existe el organismo «{organismo}». Vea las claves en seed/catalogos/organismos.csv.")
        if ejecutar_en(cur, "cuentas/usuario_por_nombre", {"usuario": usuario}):
            raise ErrorDeCuenta(f"Ya existe el usuario «{usuario}».")
        datos = {"usuario": usuario, "nombre": nombre.strip(), "correo": correo.strip(), "rol": rol,
                 "organismo": organismo}
        ejecutar_en(cur, "cuentas/usuario_insertar", {**datos, "clave_hash": cifrar(clave), "ahora": ahora})
        auditar(cur, quien, "crear_usuario", "usuarios", usuario, despues=datos, en=ahora)
    return Usuario(usuario, datos["nombre"], datos["correo"], rol, organismo)


def _exigir_existente(cur, usuario: str) -> dict:
    filas = ejecutar_en(cur, "cuentas/usuario_por_nombre", {"usuario": usuario})
    if not filas:
        raise ErrorDeCuenta(f"No existe el usuario «{usuario}».")
    return filas[0]


def desactivar(con: duckdb.DuckDBPyConnection, usuario: str, quien: str = "cli", ahora: datetime | None = None) -> None:
    """Disable an account: it can no longer log in, and its open sessions end at their next step."""
    usuario, ahora = normalizar_usuario(usuario), ahora or datetime.now()
    with transaccion(con) as cur:
        antes = _exigir_existente(cur, usuario)
        ejecutar_en(cur, "cuentas/usuario_desactivar", {"usuario": usuario, "ahora": ahora})
        auditar(cur, quien, "desactivar_usuario", "usuarios", usuario, antes={"activo": antes["activo"]},
                despues={"activo": False}, en=ahora)


def restablecer_clave(
    con: duckdb.DuckDBPyConnection, usuario: str, clave: str, quien: str = "cli", ahora: datetime | None = None
) -> None:
    """Set a new password; every session opened with the old one ends."""
    usuario, ahora = normalizar_usuario(usuario), ahora or datetime.now()
    exigir_clave_segura(clave, usuario)
    with transaccion(con) as cur:
        _exigir_existente(cur, usuario)
        ejecutar_en(cur, "cuentas/usuario_nueva_clave", {"usuario": usuario, "clave_hash": cifrar(clave), "ahora": ahora})
        auditar(cur, quien, "restablecer_clave", "usuarios", usuario, en=ahora)
