"""The Autorreporte and Revisión pages under AppTest, on a copy of the fixture database with one account per role."""

from __future__ import annotations

import shutil
from datetime import datetime

import duckdb
import pytest

from pizarras.escritura import autorreporte
from tests.apoyo.cuentas_prueba import CLAVE, NUEVA, como
from tests.apoyo.paginas import abrir, metrica


@pytest.fixture()
def ruta(ruta_con_usuarios, tmp_path, monkeypatch):
    copia = shutil.copy(ruta_con_usuarios, tmp_path / "paginas.duckdb")
    monkeypatch.setenv("PIZARRAS_DB", str(copia))
    return copia




def leer(ruta, sql):
    # Read-write, like the app's own connection in this process (DuckDB refuses a second configuration).
    con = duckdb.connect(str(ruta))
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_nobody_logged_in_sees_the_login_form_in_spanish(ruta):
    at = abrir("autorreporte")
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Usuario", "Contraseña"]
    assert at.button[0].label == "Entrar"
    assert not at.tabs


def test_a_wrong_password_is_told_in_spanish_and_a_good_one_logs_in(ruta):
    at = abrir("autorreporte")
    at.text_input[0].input("enlace.itei")
    at.text_input[1].input("no-es-la-clave-1")
    at.button[0].click().run()
    assert any("Usuario o contraseña incorrectos" in e.value for e in at.error)
    at.text_input[0].input("enlace.itei")
    at.text_input[1].input(CLAVE)
    at.button[0].click().run()
    assert not at.exception
    assert at.session_state["username"] == "enlace.itei"
    assert [t.label for t in at.tabs] == ["Actividades", "Nueva actividad", "Compromisos de gobierno abierto",
                                         "Capacitaciones"]


def test_an_enlace_updates_and_submits_an_activity_of_its_organismo(ruta):
    at = abrir("autorreporte", como="enlace.itei")
    assert not at.exception
    actividad = at.selectbox(key="act_elegida")
    assert set(actividad.options) == {"#1 · Actividad 1", "#2 · Actividad 2"}
    actividad.set_value(2).run()
    at.number_input[0].set_value(65)
    next(b for b in at.button if b.label == "Guardar y enviar a revisión").click().run()
    assert not at.exception and not at.error
    assert leer(ruta, "select avance, revision, version from actividades where id = 2") == [(65, "enviada", 3)]
    assert any("enviada a revisión" in s.value for s in at.success)


def test_an_invalid_save_says_what_to_fix_and_writes_nothing(ruta):
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(2).run()
    next(s for s in at.selectbox if s.label == "Estatus").set_value("concluida")
    at.number_input[0].set_value(80)
    next(b for b in at.button if b.label == "Guardar borrador").click().run()
    assert any("concluida tiene 100 %" in e.value and "evidencia" in e.value for e in at.error)
    assert leer(ruta, "select avance, revision from actividades where id = 2") == [(50, "validada")]


def test_a_hostile_title_is_shown_as_text(ruta):
    con = duckdb.connect(str(ruta))
    enlace = como("enlace.itei")
    autorreporte.crear_actividad(con, enlace, {**NUEVA, "titulo": "![x](http://malo.example/p.png) **negrita**"})
    con.close()
    at = abrir("autorreporte", como="enlace.itei")
    assert not at.exception
    # Markdown elements never carry the title; it reaches the page only inside tables, labels and st.text.
    for elemento in [*at.markdown, *at.caption, *at.warning, *at.info, *at.success]:
        assert "malo.example" not in elemento.value


def test_an_evaluator_reads_but_gets_no_form(ruta):
    at = abrir("autorreporte", como="evaluacion")
    assert not at.exception
    assert any("evaluación" in i.value for i in at.info)
    assert not [b for b in at.button if "Guardar" in b.label]


def test_the_admin_validates_the_queue_and_the_public_board_follows(ruta):
    con = duckdb.connect(str(ruta))
    nueva = autorreporte.crear_actividad(con, como("enlace.itei"), NUEVA)
    autorreporte.cambiar_revision(con, como("enlace.itei"), "actividades", nueva, 1, "enviar")
    con.close()

    publico = abrir("pizarra_nacional")
    assert metrica(publico, "Actividades") == "6"  # the sent activity is not public yet
    evaluador = abrir("pizarra_nacional", como="evaluacion")
    assert metrica(evaluador, "Actividades") == "7"  # evaluators see drafts too

    enlace = abrir("revision", como="enlace.itei")
    assert not [b for b in enlace.button if b.label.startswith("Validar")]
    assert not enlace.dataframe and any("Autorreporte" in i.value for i in enlace.info)  # no other organismo's drafts

    at = abrir("revision", como="admin.snt")
    assert not at.exception
    next(b for b in at.button if b.label.startswith("Validar todas")).click().run()
    next(b for b in at.button if b.label.startswith("Confirmar: validar")).click().run()  # the second step
    assert not at.exception and not at.error
    assert leer(ruta, f"select revision from actividades where id = {nueva}") == [("validada",)]
    assert metrica(abrir("pizarra_nacional"), "Actividades") == "7"


def test_the_admin_sends_a_record_back_with_a_comment(ruta):
    con = duckdb.connect(str(ruta))
    nueva = autorreporte.crear_actividad(con, como("enlace.itei"), NUEVA)
    autorreporte.cambiar_revision(con, como("enlace.itei"), "actividades", nueva, 1, "enviar")
    con.close()
    at = abrir("revision", como="admin.snt")
    # Nothing is chosen until the reviewer picks a record.
    next(s for s in at.selectbox if s.label == "Registro").set_value(f"actividades:{nueva}").run()
    at.text_area[0].input("Falta el enlace a la evidencia")
    next(b for b in at.button if b.label == "Devolver al enlace").click().run()
    assert leer(ruta, f"select revision, observacion from actividades where id = {nueva}") == [
        ("observada", "Falta el enlace a la evidencia")]
    enlace = abrir("autorreporte", como="enlace.itei")
    assert any("Falta el enlace a la evidencia" in w.value for w in enlace.warning)


def test_a_revoked_session_is_logged_out(ruta):
    con = duckdb.connect(str(ruta))
    from pizarras.escritura.acceso import cerrar_sesiones

    at = abrir("autorreporte", como="enlace.itei")
    assert at.tabs
    cerrar_sesiones(con, "enlace.itei")  # logout in another tab
    con.close()
    at.run()
    assert not at.tabs and [t.label for t in at.text_input] == ["Usuario", "Contraseña"]


def test_an_enlace_adds_a_training_and_sends_it_for_review(ruta):
    at = abrir("autorreporte", como="enlace.itei")
    assert at.selectbox(key="cap_elegida").value is None  # "Nueva capacitación"
    # The trainings tab is the last one: its widgets come after the activity form's same-named ones.
    [t for t in at.text_input if t.label == "Título"][-1].input("Taller de archivos")
    [d for d in at.date_input if d.label == "Fecha de inicio"][-1].set_value(datetime(2025, 5, 6).date())
    next(n for n in at.number_input if n.label == "Participantes").set_value(30)
    next(n for n in at.number_input if n.label == "Mujeres").set_value(40)
    envios = [b for b in at.button if b.label == "Guardar y enviar a revisión"]
    envios[-1].click().run()
    assert any("suman 40" in e.value for e in at.error)  # more women than participants: nothing written
    assert leer(ruta, "select count(*) from capacitaciones where titulo = 'Taller de archivos'") == [(0,)]
    next(n for n in at.number_input if n.label == "Mujeres").set_value(20)
    [b for b in at.button if b.label == "Guardar y enviar a revisión"][-1].click().run()
    assert not at.exception and not at.error
    assert leer(ruta, "select organismo, entidad, revision from capacitaciones where titulo = 'Taller de archivos'") == [
        ("ITEI", "14", "enviada")]
