"""Who may write what, checked by every write function (a hidden button is never the only guard)."""

from __future__ import annotations

from pizarras.escritura.cuentas import Usuario


class NoAutorizado(PermissionError):
    """The acting user may not do this; nothing was written."""


def exigir_escritura(usuario: Usuario | None) -> Usuario:
    if usuario is None:
        raise NoAutorizado("Inicie sesión para registrar o cambiar información.")
    if not usuario.activo:
        raise NoAutorizado("Su cuenta está desactivada.")
    if not usuario.escribe:
        raise NoAutorizado("Su rol (evaluación) permite consultar todo, pero no registrar ni cambiar información.")
    return usuario


def exigir_admin(usuario: Usuario | None) -> Usuario:
    usuario = exigir_escritura(usuario)
    if not usuario.puede_validar:
        raise NoAutorizado("Solo la Secretaría Ejecutiva (rol de administración) puede revisar y validar registros.")
    return usuario


def exigir_organismo(usuario: Usuario | None, organismo: str | None) -> Usuario:
    """Records of an organismo: its own enlace, or an admin."""
    usuario = exigir_escritura(usuario)
    if usuario.solo_su_organismo and usuario.organismo != organismo:
        raise NoAutorizado(
            f"Su cuenta es de enlace de {usuario.organismo}: no puede registrar ni cambiar información de "
            f"{organismo or 'otro organismo'}."
        )
    return usuario


def exigir_entidad(usuario: Usuario | None, entidad: str, entidad_del_enlace: str | None) -> Usuario:
    """Open-government commitments belong to an entidad: the enlace of an organismo in that entidad, or an admin."""
    usuario = exigir_escritura(usuario)
    if usuario.solo_su_organismo and entidad_del_enlace != entidad:
        raise NoAutorizado(
            f"Su cuenta es de enlace de {usuario.organismo}: solo puede actualizar compromisos de su entidad."
        )
    return usuario
