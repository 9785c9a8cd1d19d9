"""Login and logout in the app, with streamlit-authenticator's signed cookie and the database as the authority.

- The login form is ours (Spanish, and the lockout and attempt count live in the database: the library's counter
  resets on every run and its errors are in English); a good login sets the library's session keys and cookie.
- A new tab logs in again from the cookie, read server-side (`st.context.cookies`) and checked with the library's
  token format. The cookie cannot be revoked, so every run asks the database whether the session still holds
  (`pizarras.escritura.acceso.sesion_vigente`): logout, a password reset or a disabled account end it everywhere.
- The library's cookie component is drawn only when a cookie is set or deleted, not on every board: the audience
  never loads it.
- Logout deletes the cookie through the component and, because that races with the rerun (tech notes: it
  survived 4 of 13 times), also expires it from the page.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import jwt
import streamlit as st
import streamlit_authenticator as stauth

from pizarras.config import clave_cookie
from pizarras.escritura import acceso
from pizarras.escritura.cuentas import Usuario
from pizarras.ui import datos

NOMBRE_COOKIE = "pizarras_sesion"
DIAS_COOKIE = 1.0  # short: the cookie is a bearer token until it expires
_SESION = "_sesion_pizarras"  # {"usuario": str, "iniciada": datetime}
_BORRAR_COOKIE = "_borrar_cookie_pizarras"
_CLAVES_DE_LA_BIBLIOTECA = ("name", "username", "email", "roles", "authentication_status")


def _autenticador() -> stauth.Authenticate:
    # Credentials are not needed: the password check is ours, the library signs and stores the cookie.
    return stauth.Authenticate({"usernames": {}}, NOMBRE_COOKIE, clave_cookie(), DIAS_COOKIE, auto_hash=False,
                               login_sleep_time=0)


def _sesion_de_cookie() -> dict | None:
    token = st.context.cookies.get(NOMBRE_COOKIE)
    if not token:
        return None
    try:
        contenido = jwt.decode(token, clave_cookie(), algorithms=["HS256"])
        vence = float(contenido["exp_date"])
        usuario = str(contenido["username"])
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return None
    if vence <= datetime.now().timestamp():
        return None
    return {"usuario": usuario, "iniciada": datetime.fromtimestamp(vence) - timedelta(days=DIAS_COOKIE)}


def _olvidar() -> None:
    st.session_state.pop(_SESION, None)
    for clave in _CLAVES_DE_LA_BIBLIOTECA:
        st.session_state[clave] = None


def usuario_actual() -> Usuario | None:
    """The logged-in account of this tab, if its session still holds; None for the public."""
    sesion = st.session_state.get(_SESION)
    if sesion is None and not st.session_state.get("logout"):
        sesion = _sesion_de_cookie()
    if sesion is None:
        return None
    usuario = acceso.sesion_vigente(datos.conexion(), sesion["usuario"], sesion["iniciada"])
    if usuario is None:
        _olvidar()
        st.session_state["logout"] = True  # a revoked cookie must not log this tab in again
        return None
    st.session_state[_SESION] = sesion
    return usuario


def iniciar(usuario: Usuario) -> None:
    """Open the session of a user whose password was just checked, and set the login cookie."""
    st.session_state[_SESION] = {"usuario": usuario.usuario, "iniciada": datetime.now()}
    st.session_state.update(name=usuario.nombre, username=usuario.usuario, email=usuario.correo,
                            roles=[usuario.rol], authentication_status=True, logout=None)
    _autenticador().cookie_controller.set_cookie()


def formulario_acceso(clave: str = "acceso") -> Usuario | None:
    """The login form; returns the user when this run logged one in (the form is then gone)."""
    lugar = st.empty()
    with lugar.form(clave):
        st.subheader("Iniciar sesión", anchor=False)
        st.caption("Cuentas de enlaces de los organismos, de la Secretaría Ejecutiva y de evaluación.")
        nombre = st.text_input("Usuario", autocomplete="username")
        clave_escrita = st.text_input("Contraseña", type="password", autocomplete="current-password")
        enviado = st.form_submit_button("Entrar", type="primary")
    if not enviado:
        return None
    resultado = acceso.autenticar(datos.conexion(), nombre, clave_escrita)
    if not resultado.ok:
        st.error(resultado.mensaje, icon=":material/lock:")
        return None
    lugar.empty()
    iniciar(resultado.usuario)
    return resultado.usuario


def _salir(usuario: str) -> None:
    # A callback: it runs before the rerun, so the whole next run is already logged out.
    acceso.cerrar_sesiones(datos.conexion(), usuario)
    _olvidar()
    st.session_state["logout"] = True
    st.session_state[_BORRAR_COOKIE] = True


def panel_de_sesion(usuario: Usuario | None) -> None:
    """The sidebar's account line: who is logged in and the logout button; nothing for the public."""
    if st.session_state.pop(_BORRAR_COOKIE, False):
        _autenticador().cookie_controller.delete_cookie()
        st.html(
            f"<script>document.cookie = '{NOMBRE_COOKIE}=; Max-Age=0; path=/; SameSite=Strict';</script>",
            unsafe_allow_javascript=True,
        )
        st.sidebar.success("Sesión cerrada en todas sus pestañas.", icon=":material/logout:")
    if usuario is None:
        return
    with st.sidebar:
        detalle = f" · {usuario.organismo}" if usuario.organismo else ""
        st.caption("Sesión iniciada")
        st.text(f"{usuario.nombre}\n{usuario.rol_nombre}{detalle}")
        st.button("Cerrar sesión", key="cerrar_sesion", icon=":material/logout:", on_click=_salir,
                  args=(usuario.usuario,))
