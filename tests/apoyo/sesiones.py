"""Accounts and logins as the browser tests make them: the account with the command line (`python -m pizarras
usuarios agregar`, the password on standard input, as an administrator would), the login through the page's own
form; choosing a record in «Revisión»."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.apoyo.cli import correr
from tests.apoyo.navegador import esperar_app


def cli(db: Path, *argumentos: str, entrada: str) -> None:
    resultado = correr(db, *argumentos, entrada=entrada)
    assert resultado.returncode == 0, resultado.stderr


def cuenta(db: Path, usuario: str, rol: str, clave: str, organismo: str | None = None,
           nombre: str | None = None) -> None:
    """Create the account `usuario` in `db` (before a server takes the file)."""
    organismo_ = ["--organismo", organismo] if organismo else []
    cli(db, "usuarios", "agregar", usuario, "--rol", rol, *organismo_, "--nombre", nombre or f"Persona {usuario}",
        "--correo", f"{usuario}@prueba.mx", entrada=clave + "\n")


def entrar(pagina, servidor: str, ruta: str, usuario: str, clave: str) -> None:
    """Open /`ruta` and log in there with the login form; returns once the page has run logged in."""
    pagina.goto(f"{servidor}/{ruta}")
    esperar_app(pagina)
    pagina.get_by_label("Usuario").fill(usuario)
    pagina.get_by_label("Contraseña").fill(clave)
    pagina.get_by_role("button", name="Entrar").click()
    pagina.get_by_text("Sesión iniciada").wait_for()
    esperar_app(pagina)


def elegir_registro(pagina, texto: str) -> None:
    """Choose the record whose label starts with `texto` ('Actividad #5') in «Revisión»'s «Registro» selector."""
    combo = pagina.get_by_role("combobox", name="Registro")
    combo.scroll_into_view_if_needed()
    combo.click()
    opcion = pagina.get_by_role("option").filter(has_text=texto).first
    try:
        opcion.wait_for(timeout=5000)
    except PlaywrightTimeout:  # the list opened empty (drawn before the scroll ended): move in it to draw it
        combo.press("ArrowDown")
        opcion.wait_for()
    opcion.click()
    esperar_app(pagina)
