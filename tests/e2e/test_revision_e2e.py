"""«Revisión» in Chromium against the real server: a double click after changing the selection returns exactly the
chosen record with its comment; bulk validation asks first, names the rule-breaker and validates the rest only;
two reviewers on one record get a Spanish conflict; an empty comment is refused. Each test has its own server and
database, and reads the database once the server has let go of it."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from pizarras.escritura import autorreporte
from pizarras.escritura.cuentas import Usuario
from tests.apoyo.datos_prueba import construir_pequena
from tests.apoyo.navegador import RAIZ, esperar_app, servidor_en
from tests.apoyo.sesiones import cli, elegir_registro, entrar

pytestmark = pytest.mark.browser
SALIDA = RAIZ / "test-results"
CLAVES = {"admin.snt": "clave-de-la-secretaria-2025", "admin.dos": "clave-de-otra-revisora-2025"}


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The fixture database with two admin accounts made with the CLI and a queue: activities 2 (ITEI), 3 and 4
    (IDAIP), 5 (INAI) and commitment 2 (Jalisco) sent by their enlaces, and activity 1 (ITEI, concluded without
    evidence: the enlace's form refuses it) put in review by a direct update, as an old database may hold it."""
    carpeta = tmp_path_factory.mktemp("revision_e2e")
    db = construir_pequena(carpeta / "base.duckdb")
    cli(db, "usuarios", "agregar", "admin.snt", "--rol", "admin", "--nombre", "Secretaría Ejecutiva",
        "--correo", "se@snt.org.mx", entrada=CLAVES["admin.snt"] + "\n")
    cli(db, "usuarios", "agregar", "admin.dos", "--rol", "admin", "--nombre", "Otra revisora",
        "--correo", "revision@snt.org.mx", entrada=CLAVES["admin.dos"] + "\n")
    con = duckdb.connect(str(db))
    ahora = datetime.now()
    for n, (id_, organismo) in enumerate(((2, "ITEI"), (3, "IDAIP"), (4, "IDAIP"), (5, "INAI"))):
        enlace = Usuario(f"enlace.{organismo.lower()}", "Enlace", "e@prueba.mx", "enlace", organismo)
        v = autorreporte.actualizar_actividad(con, enlace, id_, 1, {"notas": f"Avance de {organismo}"},
                                              ahora - timedelta(days=20 - n))
        autorreporte.cambiar_revision(con, enlace, "actividades", id_, v, "enviar",
                                      ahora=ahora - timedelta(days=20 - n))
    itei = Usuario("enlace.itei", "Enlace", "e@itei.org.mx", "enlace", "ITEI")
    v = autorreporte.actualizar_compromiso(con, itei, 2, 1, {"avance": 45}, ahora - timedelta(days=3))
    autorreporte.cambiar_revision(con, itei, "compromisos", 2, v, "enviar", ahora=ahora - timedelta(days=3))
    con.execute("update actividades set revision = 'enviada' where id = 1")
    con.execute("checkpoint")
    con.close()
    return db


@contextmanager
def servidor_sobre(base: Path, carpeta: Path):
    """A real server on a copy of `base`; yields (url, path of the copy). Read the copy after the block."""
    db = carpeta / "revision.duckdb"
    db.write_bytes(base.read_bytes())
    with servidor_en(db, carpeta) as url:
        yield url, db


def leer(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def abrir(navegador, url: str, usuario: str):
    """A new browser context (its own cookie) logged in on /revision as `usuario`."""
    contexto = navegador.new_context(viewport={"width": 1280, "height": 720}, locale="es-MX")
    pagina = contexto.new_page()
    entrar(pagina, url, "revision", usuario, CLAVES[usuario])
    return pagina


    pagina.get_by_role("button", name="Devolver al enlace").wait_for()


def comentario(pagina):
    return pagina.get_by_label("Qué debe corregir el enlace")


def sin_excepciones(pagina) -> None:
    assert pagina.locator("[data-testid=stException]").count() == 0


def test_a_double_click_after_changing_the_selection_returns_exactly_the_chosen_record(navegador, base, tmp_path):
    with servidor_sobre(base, tmp_path) as (url, db):
        pagina = abrir(navegador, url, "admin.snt")
        elegir_registro(pagina, "Actividad #2")
        comentario(pagina).fill("Comentario para ITEI que no se envía")
        elegir_registro(pagina, "Actividad #5")
        assert comentario(pagina).input_value() == ""  # the box belongs to the record: a new record, a new box
        comentario(pagina).fill("Falta la evidencia del INAI")
        pagina.get_by_role("button", name="Devolver al enlace").dblclick()
        pagina.get_by_text("Actividad #5 (INAI) devuelta al enlace con sus observaciones.").first.wait_for()
        esperar_app(pagina)
        pagina.wait_for_timeout(1000)  # room for a second write, were there one
        esperar_app(pagina)
        # Nothing is chosen any more: no box to carry the comment, no button for a second click.
        assert comentario(pagina).count() == 0
        assert pagina.get_by_role("button", name="Devolver al enlace").count() == 0
        pagina.screenshot(path=str(SALIDA / "revision_devolver.png"), full_page=True)
        sin_excepciones(pagina)
        pagina.context.close()
    assert leer(db, "select id, revision, observacion from actividades where revision <> 'validada' order by id") == [
        (1, "enviada", None), (2, "enviada", None), (3, "enviada", None), (4, "enviada", None),
        (5, "observada", "Falta la evidencia del INAI")]
    assert leer(db, "select registro, detalle from auditoria where accion = 'observar'") == [
        ("5", "Falta la evidencia del INAI")]


def test_bulk_validation_asks_first_names_the_rule_breaker_and_validates_the_rest(navegador, base, tmp_path):
    SALIDA.mkdir(exist_ok=True)
    with servidor_sobre(base, tmp_path) as (url, db):
        pagina = abrir(navegador, url, "admin.snt")
        pagina.get_by_role("button", name="Validar todas (6)").click()
        pagina.get_by_text("Antes de validar.").wait_for()
        esperar_app(pagina)
        aviso = pagina.get_by_text("1 registro no cumple una regla")
        aviso.wait_for()
        # The warning names the rule-breaker and its rule.
        alerta = pagina.locator("[data-testid=stAlert]").filter(has_text="1 registro no cumple una regla")
        assert "Actividad #1 · ITEI" in alerta.inner_text()
        assert "una actividad concluida necesita la dirección web de su evidencia" in alerta.inner_text()
        pagina.screenshot(path=str(SALIDA / "revision_antes_de_validar.png"), full_page=True)
        # The first click validated nothing: the queue is whole.
        assert pagina.get_by_role("button", name="Validar todas (6)").count() == 1
        pagina.get_by_role("button", name="Confirmar: validar 5").click()
        pagina.get_by_text("5 registros validados").first.wait_for()
        esperar_app(pagina)
        assert pagina.get_by_role("button", name="Validar todas (1)").count() == 1
        sin_excepciones(pagina)
        pagina.context.close()
    assert leer(db, "select id, revision from actividades where id between 1 and 5 order by id") == [
        (1, "enviada"), (2, "validada"), (3, "validada"), (4, "validada"), (5, "validada")]
    assert leer(db, "select revision from compromisos where id = 2") == [("validada",)]
    assert leer(db, "select count(*) from auditoria where accion = 'validar'") == [(5,)]


def test_two_reviewers_on_one_record_the_second_gets_a_conflict_and_nothing_is_written(navegador, base, tmp_path):
    with servidor_sobre(base, tmp_path) as (url, db):
        una, otra = abrir(navegador, url, "admin.snt"), abrir(navegador, url, "admin.dos")
        elegir_registro(una, "Actividad #3")
        elegir_registro(otra, "Actividad #3")
        comentario(otra).fill("Corrija la fecha de término")
        una.get_by_role("button", name="Validar este registro").click()
        una.get_by_text("Actividad #3 (IDAIP) validada").first.wait_for()
        otra.get_by_role("button", name="Devolver al enlace").click()
        conflicto = otra.get_by_text("no se aplicó a ningún registro: la actividad #3 cambió")
        conflicto.first.wait_for()
        texto = otra.locator("[data-testid=stAlert]").filter(has_text="No se devolvió").first.inner_text()
        assert "admin.snt la validó" in texto and "«Validada»" in texto
        assert "su comentario («Corrija la fecha de término»)" in texto
        # The selector is empty again: no form is left to carry the comment to another record.
        assert otra.get_by_role("combobox", name="Registro").input_value() == ""
        assert comentario(otra).count() == 0
        otra.screenshot(path=str(SALIDA / "revision_conflicto.png"), full_page=True)
        sin_excepciones(una)
        sin_excepciones(otra)
        una.context.close()
        otra.context.close()
    assert leer(db, "select revision, observacion from actividades where id = 3") == [("validada", None)]
    assert leer(db, "select count(*) from auditoria where accion = 'observar'") == [(0,)]


def test_an_empty_comment_shows_the_rule_and_writes_nothing(navegador, base, tmp_path):
    with servidor_sobre(base, tmp_path) as (url, db):
        pagina = abrir(navegador, url, "admin.snt")
        elegir_registro(pagina, "Actividad #4")
        pagina.get_by_role("button", name="Devolver al enlace").click()
        pagina.get_by_text("Comentario: escriba qué debe corregir el enlace").first.wait_for()
        # Under the field too, and the record is still the one on screen.
        pagina.get_by_text("escriba qué debe corregir el enlace; no se devolvió nada.").nth(1).wait_for()
        assert comentario(pagina).count() == 1
        sin_excepciones(pagina)
        pagina.context.close()
    assert leer(db, "select revision, version, observacion from actividades where id = 4") == [("enviada", 3, None)]
    assert leer(db, "select count(*) from auditoria where accion = 'observar'") == [(0,)]
