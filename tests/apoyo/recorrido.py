"""Walking every registered page in the browser, as the public and logged in (the accessibility and Spanish tests):
the server on the fixture database with an admin and an enlace made by the command line, one browser context per
role, and a page open until it holds still."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

from bench.paginas import paginas_registradas
from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import RAIZ, esperar_app, pagina_en, servidor_en
from tests.apoyo.sesiones import cuenta, entrar

PUBLICO = "publico"
ROLES = (PUBLICO, "admin.snt", "enlace.itei")
# Path of each page as the sidebar links it: the default page is "/" (its file name answers «Page not found»).
PAGINAS = [(Path(p["ruta"]).stem, p["titulo"]) for p in paginas_registradas()]
PREDETERMINADA = re.search(r'st\.Page\("pages/(\w+)\.py"[^)]*default=True', (RAIZ / "app.py").read_text())[1]
CAMINOS = {ruta: ("" if ruta == PREDETERMINADA else ruta) for ruta, _ in PAGINAS}
TITULOS = dict(PAGINAS)
VENTANA = {"width": 1280, "height": 720}
CLAVES = {"enlace.itei": "clave-del-enlace-2025", "admin.snt": "clave-de-la-secretaria-2025"}


@contextmanager
def servidor_con_cuentas(carpeta: Path):
    db = construir_pequena(carpeta / "recorrido.duckdb")
    cuenta(db, "admin.snt", "admin", CLAVES["admin.snt"], nombre="Secretaría Ejecutiva")
    cuenta(db, "enlace.itei", "enlace", CLAVES["enlace.itei"], "ITEI", nombre="Enlace ITEI")
    with servidor_en(db, carpeta) as url:
        yield url


def pagina_de(navegador, servidor: str, rol: str):
    """A page in its own context, logged in as `rol` (or the public); a generator, for a fixture to yield from."""
    paginas = pagina_en(navegador, servidor, viewport=VENTANA)
    pagina = next(paginas)
    if rol != PUBLICO:
        entrar(pagina, servidor, "autorreporte", rol, CLAVES[rol])
    yield pagina
    next(paginas, None)


def abrir(pagina, servidor: str, ruta: str) -> None:
    """Open a registered page and wait until it is drawn and still: title, charts laid out, no stale element."""
    pagina.goto(f"{servidor}/{CAMINOS[ruta]}")
    esperar_quieta(pagina)


QUIETA = """() => document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-stale=true]')
    && [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(g => g.querySelector('.main-svg'))
    && !document.getAnimations().some(a => a instanceof CSSTransition)"""


def esperar_quieta(pagina) -> None:
    """Until the page is drawn and holds still: a run the page starts by itself (the login cookie's, say) fades
    the elements while it runs, so the state must hold twice, half a second apart."""
    esperar_app(pagina)
    pagina.wait_for_selector("[data-testid=stMain] h1", timeout=30000)
    for _ in range(20):
        pagina.wait_for_function(QUIETA, timeout=30000)
        pagina.wait_for_timeout(500)
        if pagina.evaluate(QUIETA):
            return
    raise AssertionError("La página no se quedó quieta en 20 intentos")
