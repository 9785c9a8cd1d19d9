"""The published version beside the pending edit (#20), in Chromium against the real server: an enlace raises the
progress of a validated activity and sends it, the public national board (nobody logged in) keeps every figure, the
admin sees the change against the published version in «Revisión» and validates it, and the public board then moves
by exactly that activity. «Retirar mis cambios» asks first, withdraws once on a double click, and meets a change
made meanwhile by another person as a conflict, as the other forms do. Each test has its own server and database,
read once the server has let go of it."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from pizarras.escritura import autorreporte
from pizarras.escritura.cuentas import Usuario
from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import RAIZ, esperar_app, servidor_en
from tests.apoyo.sesiones import cuenta, elegir_registro, entrar

pytestmark = pytest.mark.browser
SALIDA = RAIZ / "test-results"
PANTALLA = {"width": 1280, "height": 900}
CLAVES = {"enlace.itei": "clave-del-enlace-2025", "otra.itei": "clave-de-la-otra-enlace-2025",
          "admin.snt": "clave-de-la-secretaria-2025"}
ITEI = Usuario("enlace.itei", "Enlace ITEI", "enlace.itei@prueba.mx", "enlace", "ITEI")
ACTIVIDAD = "#2 · Actividad 2"  # ITEI's, en proceso at 50 %, validated (the fixture database)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The fixture database with two enlaces of ITEI and an admin, made with the command line."""
    carpeta = tmp_path_factory.mktemp("publicada_e2e")
    db = construir_pequena(carpeta / "base.duckdb")
    cuenta(db, "enlace.itei", "enlace", CLAVES["enlace.itei"], "ITEI")
    cuenta(db, "otra.itei", "enlace", CLAVES["otra.itei"], "ITEI")
    cuenta(db, "admin.snt", "admin", CLAVES["admin.snt"])
    return db


@contextmanager
def servidor_sobre(base: Path, carpeta: Path, avance_pendiente: int | None = None):
    """A real server on a copy of `base` (with activity 2 edited to `avance_pendiente` and sent, if given); yields
    (url, path of the copy). Read the copy after the block."""
    db = carpeta / "publicada.duckdb"
    db.write_bytes(base.read_bytes())
    if avance_pendiente is not None:
        con = duckdb.connect(str(db))
        autorreporte.actualizar_actividad(con, ITEI, 2, 1, {"avance": avance_pendiente}, datetime.now(), enviar=True)
        con.execute("checkpoint")
        con.close()
    with servidor_en(db, carpeta) as url:
        yield url, db


def leer(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture()
def personas(navegador):
    """personas(url, usuario=None, ruta=""): a browser of its own (a person: its own cookie), logged in on /`ruta`
    as `usuario` (nobody: the public); every request that tries to leave the machine is aborted and recorded in
    `externas`. Closed after the test."""
    contextos, externas = [], []

    def abrir(url: str, usuario: str | None = None, ruta: str = ""):
        contexto = navegador.new_context(viewport=PANTALLA, locale="es-MX")
        contextos.append(contexto)

        def filtrar(peticion):
            if peticion.request.url.startswith(url):
                peticion.continue_()
            else:
                externas.append(peticion.request.url)
                peticion.abort()

        contexto.route("**/*", filtrar)
        pagina = contexto.new_page()
        if usuario is None:
            pagina.goto(f"{url}/{ruta}")
            esperar_app(pagina)
        else:
            entrar(pagina, url, ruta, usuario, CLAVES[usuario])
        return pagina

    abrir.externas = externas
    yield abrir
    for contexto in contextos:
        contexto.close()


def cifras_publicas(personas, url: str) -> dict[str, str]:
    """Every figure of the national board as the public sees it (a new browser, nobody logged in)."""
    pagina = personas(url)
    # Every figure drawn: the figures and the stamp under them are on the page and the run is over.
    pagina.wait_for_selector("[data-testid=stMetric]")
    pagina.get_by_text("Datos validados al").first.wait_for()
    esperar_app(pagina)
    pagina.wait_for_function("() => document.querySelectorAll('[data-testid=stMetric]').length >= 12")  # the board's 12
    cifras = {}
    for metrica in pagina.locator("[data-testid=stMetric]").all():
        etiqueta = metrica.locator("[data-testid=stMetricLabel]").inner_text().strip()
        cifras[etiqueta] = metrica.locator("[data-testid=stMetricValue]").inner_text().strip()
    pagina.context.close()
    return cifras


def formulario(pagina):
    """The chosen activity's form (the first form of the page)."""
    return pagina.locator("[data-testid=stForm]").first


def avance(pagina):
    return formulario(pagina).get_by_role("spinbutton", name="Avance (%)")


def elegir_actividad(pagina) -> None:
    pagina.get_by_role("combobox", name="Actividad").click()
    pagina.get_by_role("option", name=ACTIVIDAD).click()
    esperar_app(pagina)
    formulario(pagina).wait_for()


def fila_de_tabla(pagina, columna: str, campo: str) -> str:
    """The text of the row `campo` in the static table with the column `columna`."""
    tabla = pagina.locator("[data-testid=stTable]").filter(has_text=columna).first
    return tabla.locator("tr").filter(has_text=campo).first.inner_text()


def sin_errores(pagina) -> None:
    assert pagina.locator("[data-testid=stException]").count() == 0
    assert pagina.locator("[data-testid=stAlertContentError]").count() == 0


def test_an_edit_stays_off_the_public_board_until_the_admin_validates_its_diff(personas, base, tmp_path):
    SALIDA.mkdir(exist_ok=True)
    with servidor_sobre(base, tmp_path) as (url, db):
        antes = cifras_publicas(personas, url)
        assert antes["Avance promedio"] == "64.0 %"  # (100 + 50 + 0 + 70 + 100) / 5: cancelled ones do not count

        enlace = personas(url, "enlace.itei", "autorreporte")
        elegir_actividad(enlace)
        avance(enlace).fill("90")
        formulario(enlace).get_by_role("button", name="Guardar y enviar a revisión").click()
        enlace.get_by_text("Actividad enviada a revisión.").first.wait_for()
        enlace.get_by_text("Publicado: 50 % · en revisión: 90 %").wait_for()
        enlace.screenshot(path=str(SALIDA / "publicada_autorreporte.png"), full_page=True)
        sin_errores(enlace)
        # Sent, not validated: the public sees exactly what it saw.
        assert cifras_publicas(personas, url) == antes

        admin = personas(url, "admin.snt", "revision")
        elegir_registro(admin, "Actividad #2")
        admin.get_by_text("Frente a la versión publicada").first.wait_for()
        fila = fila_de_tabla(admin, "Después", "Avance (%)")
        assert fila.split() == ["Avance", "(%)", "50", "90"]  # Antes (what the public sees), Después
        admin.get_by_role("button", name="Validar todas (1)").click()
        admin.get_by_text("Antes de validar.").wait_for()
        esperar_app(admin)
        assert "Avance: 50 % → 90 %" in fila_de_tabla(admin, "Qué cambia en lo público", "Actividad")
        admin.screenshot(path=str(SALIDA / "publicada_revision.png"), full_page=True)
        admin.get_by_role("button", name="Confirmar: validar 1").click()
        admin.get_by_text("1 registro validado").first.wait_for()
        esperar_app(admin)
        sin_errores(admin)

        despues = cifras_publicas(personas, url)
        # Exactly that activity moved: (100 + 90 + 0 + 70 + 100) / 5, in the headline and in «Cambio desde una fecha
        # de reporte» today; every other figure is the same (the average a year ago too: it was 50 % then).
        assert despues == {**antes, "Avance promedio": "72.0 %", "Avance promedio hoy": "72.0 %"}
        assert personas.externas == []
    assert leer(db, "select avance, revision from actividades_publicadas where id = 2") == [(90, "validada")]


def test_withdrawing_asks_first_and_a_double_click_withdraws_once(personas, base, tmp_path):
    with servidor_sobre(base, tmp_path, avance_pendiente=60) as (url, db):
        antes = cifras_publicas(personas, url)
        enlace = personas(url, "enlace.itei", "autorreporte")
        elegir_actividad(enlace)
        enlace.get_by_text("Publicado: 50 % · en revisión: 60 %").wait_for()
        enlace.get_by_role("button", name="Retirar mis cambios…").click()
        enlace.get_by_text("¿Retirar los cambios de la actividad #2?").wait_for()
        esperar_app(enlace)
        fila = fila_de_tabla(enlace, "Vuelve a (publicado)", "Avance (%)")
        assert fila.split() == ["Avance", "(%)", "60", "50"]  # now (not published), goes back to
        enlace.screenshot(path=str(SALIDA / "publicada_retirar.png"), full_page=True)
        enlace.get_by_role("button", name="Confirmar: volver a la versión publicada").dblclick()
        enlace.get_by_text("Cambios retirados: la actividad #2 vuelve a la versión publicada.").first.wait_for()
        esperar_app(enlace)
        enlace.wait_for_timeout(1000)  # room for a second write, were there one
        esperar_app(enlace)
        sin_errores(enlace)
        assert avance(enlace).input_value() == "50"  # the form shows the published version
        assert enlace.get_by_role("button", name="Retirar mis cambios…").count() == 0
        assert cifras_publicas(personas, url) == antes
        assert personas.externas == []
    assert leer(db, "select revision, avance from actividades where id = 2") == [("validada", 50)]
    assert leer(db, "select count(*) from auditoria where accion = 'retirar'") == [(1,)]


def test_two_people_on_one_record_a_withdrawal_never_undoes_what_the_other_saved(personas, base, tmp_path):
    with servidor_sobre(base, tmp_path, avance_pendiente=60) as (url, db):
        a = personas(url, "enlace.itei", "autorreporte")
        b = personas(url, "otra.itei", "autorreporte")
        for pagina in (a, b):
            elegir_actividad(pagina)
            pagina.get_by_text("Publicado: 50 % · en revisión: 60 %").wait_for()

        # B asks to withdraw; meanwhile A saves a note: B's confirmation meets A's change, which stays.
        b.get_by_role("button", name="Retirar mis cambios…").click()
        b.get_by_text("¿Retirar los cambios de la actividad #2?").wait_for()
        formulario(a).get_by_label("Notas").fill("Nota de la primera enlace")
        formulario(a).get_by_role("button", name="Guardar borrador").click()
        a.get_by_text("Cambios guardados como borrador.").first.wait_for()
        esperar_app(a)
        b.get_by_role("button", name="Confirmar: volver a la versión publicada").click()
        aviso = b.get_by_text("cambió mientras la tenía abierta")
        aviso.first.wait_for()
        assert "enlace.itei" in aviso.first.inner_text()
        esperar_app(b)
        b.screenshot(path=str(SALIDA / "publicada_retirar_conflicto.png"), full_page=True)
        # B's form moved to what is stored: A's note.
        assert formulario(b).get_by_label("Notas").input_value() == "Nota de la primera enlace"

        # A withdraws while B types in her form: B's save is a conflict with her values on screen, not lost.
        a.get_by_role("button", name="Retirar mis cambios…").click()
        a.get_by_role("button", name="Confirmar: volver a la versión publicada").click()
        a.get_by_text("Cambios retirados: la actividad #2 vuelve a la versión publicada.").first.wait_for()
        esperar_app(a)
        sin_errores(a)
        formulario(b).get_by_label("Notas").fill("Nota de la segunda enlace")
        formulario(b).get_by_role("button", name="Guardar borrador").click()
        b.get_by_text("cambió mientras la tenía abierta").first.wait_for()
        esperar_app(b)
        tabla = b.locator("[data-testid=stTable]").filter(has_text="Sus valores").first.inner_text()
        assert "Nota de la segunda enlace" in tabla
        assert b.locator("[data-testid=stException]").count() == 0
        assert personas.externas == []
    assert leer(db, "select revision, avance, notas from actividades where id = 2") == [("validada", 50, None)]
    assert leer(db, "select usuario from auditoria where accion = 'retirar'") == [("enlace.itei",)]
    # A's note was saved, then withdrawn by A herself (the audit trail keeps both); B's never overwrote anything.
    assert leer(db, "select count(*) from auditoria where accion = 'actualizar' and usuario = 'otra.itei'") == [(0,)]
