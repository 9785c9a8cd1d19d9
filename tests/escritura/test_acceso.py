"""Login, lockout and sessions: kept in the database, so they hold across restarts and browsers."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import duckdb

from pizarras.escritura import acceso, cuentas
from tests.apoyo.cuentas_prueba import CLAVE

# After the accounts were created (they are, at run time): sessions and attempts happen later.
T0 = datetime.now().replace(microsecond=0) + timedelta(days=1)


def test_a_correct_login_returns_the_account_and_is_audited(con_escritura):
    resultado = acceso.autenticar(con_escritura, " Enlace.ITEI ", CLAVE, T0)
    assert resultado.ok and resultado.usuario.organismo == "ITEI" and resultado.usuario.rol == "enlace"
    assert con_escritura.execute("select accion from auditoria order by id desc limit 1").fetchone()[0] == "acceso"


def test_a_wrong_password_and_an_unknown_user_get_the_same_message(con_escritura):
    mal = acceso.autenticar(con_escritura, "enlace.itei", "otra-clave-2025", T0)
    nadie = acceso.autenticar(con_escritura, "no.existe", "otra-clave-2025", T0)
    assert not mal.ok and mal.mensaje == nadie.mensaje == acceso.MENSAJE_INCORRECTO
    fallidos = con_escritura.execute("select count(*) from auditoria where accion = 'acceso_fallido'").fetchone()[0]
    assert fallidos == 2


def test_five_failures_lock_the_user_for_fifteen_minutes_even_after_a_restart(ruta_con_usuarios, tmp_path):
    ruta = shutil.copy(ruta_con_usuarios, tmp_path / "reinicio.duckdb")
    con = duckdb.connect(str(ruta))
    for i in range(acceso.MAXIMO_FALLOS):
        assert not acceso.autenticar(con, "enlace.itei", "mala-clave-0000", T0 + timedelta(minutes=i)).ok
    con.close()  # the server restarts

    con = duckdb.connect(str(ruta))
    try:
        ultimo = T0 + timedelta(minutes=acceso.MAXIMO_FALLOS - 1)
        bloqueado = acceso.autenticar(con, "enlace.itei", CLAVE, ultimo + timedelta(minutes=5))
        assert not bloqueado.ok and "Espere 10 minutos" in bloqueado.mensaje  # even with the right password
        # Other users are not affected.
        assert acceso.autenticar(con, "enlace.idaip", CLAVE, ultimo + timedelta(minutes=5)).ok
        assert acceso.autenticar(con, "enlace.itei", CLAVE, ultimo + acceso.BLOQUEO + timedelta(seconds=1)).ok
    finally:
        con.close()


def test_failures_spread_over_more_than_the_window_do_not_lock(con_escritura):
    for i in range(acceso.MAXIMO_FALLOS):
        acceso.autenticar(con_escritura, "enlace.itei", "mala-clave-0000", T0 + timedelta(minutes=4 * i))
    assert acceso.autenticar(con_escritura, "enlace.itei", CLAVE, T0 + timedelta(minutes=17)).ok


def test_a_disabled_user_cannot_log_in_and_its_sessions_end(con_escritura):
    iniciada = T0
    assert acceso.sesion_vigente(con_escritura, "enlace.itei", iniciada) is not None
    cuentas.desactivar(con_escritura, "enlace.itei", ahora=T0 + timedelta(minutes=1))
    assert acceso.sesion_vigente(con_escritura, "enlace.itei", iniciada) is None
    resultado = acceso.autenticar(con_escritura, "enlace.itei", CLAVE, T0 + timedelta(minutes=2))
    assert not resultado.ok and "desactivada" in resultado.mensaje


def test_logout_ends_every_session_opened_before_it(con_escritura):
    pestana_1, pestana_2 = T0, T0 + timedelta(minutes=1)
    acceso.cerrar_sesiones(con_escritura, "admin.snt", T0 + timedelta(minutes=2))
    assert acceso.sesion_vigente(con_escritura, "admin.snt", pestana_1) is None
    assert acceso.sesion_vigente(con_escritura, "admin.snt", pestana_2) is None
    assert acceso.sesion_vigente(con_escritura, "admin.snt", T0 + timedelta(minutes=3)) is not None


def test_a_password_reset_ends_old_sessions_and_the_old_password(con_escritura):
    cuentas.restablecer_clave(con_escritura, "evaluacion", "nueva-clave-2026", ahora=T0 + timedelta(minutes=1))
    assert acceso.sesion_vigente(con_escritura, "evaluacion", T0) is None
    assert not acceso.autenticar(con_escritura, "evaluacion", CLAVE, T0 + timedelta(minutes=2)).ok
    assert acceso.autenticar(con_escritura, "evaluacion", "nueva-clave-2026", T0 + timedelta(minutes=3)).ok


def test_each_role_says_what_it_may_do():
    def usuario(rol: str, organismo: str | None = None) -> cuentas.Usuario:
        return cuentas.Usuario(rol, "Persona", "p@prueba.mx", rol, organismo)

    capacidades = ("escribe", "solo_su_organismo", "puede_validar", "edita_lo_ajeno", "ve_sin_validar")
    por_rol = {rol: tuple(getattr(u, c) for c in capacidades)
               for rol, u in {"admin": usuario("admin"), "enlace": usuario("enlace", "ITEI"),
                              "evaluador": usuario("evaluador")}.items()}
    assert por_rol == {
        "admin": (True, False, True, True, True),
        "enlace": (True, True, False, False, False),
        "evaluador": (False, False, False, False, True),
    }
