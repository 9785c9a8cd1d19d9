"""The Autorreporte and Revisión pages under AppTest, on a copy of the fixture database with one account per role."""

from __future__ import annotations

import re
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




def avance(at, cual: int = 0):
    """The «Avance (%)» field of the page's `cual`-th form (the chosen activity's comes first)."""
    return [n for n in at.number_input if n.label == "Avance (%)"][cual]


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
    avance(at).set_value(65)
    next(b for b in at.button if b.label == "Guardar y enviar a revisión").click().run()
    assert not at.exception and not at.error
    assert leer(ruta, "select avance, revision, version from actividades where id = 2") == [(65, "enviada", 3)]
    assert any("enviada a revisión" in s.value for s in at.success)


def test_an_invalid_save_says_what_to_fix_and_writes_nothing(ruta):
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(2).run()
    next(s for s in at.selectbox if s.label == "Estatus").set_value("concluida")
    avance(at).set_value(80)
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


# ------------------------------------------------------------------------------------------------ forms that never
# lose or fake a save (#18)


def boton(at, etiqueta: str, cual: int = 0):
    return [b for b in at.button if b.label == etiqueta][cual]


def test_progress_150_is_refused_under_its_field_and_nothing_is_written(ruta):
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(2).run()
    antes = leer(ruta, "select avance, version, (select count(*) from auditoria) from actividades where id = 2")
    avance(at).set_value(150)
    boton(at, "Guardar y enviar a revisión").click().run()
    assert not at.exception and not at.success
    assert any("entre 0 y 100" in c.value and "150" in c.value for c in at.caption)  # under the field
    assert any("entre 0 y 100" in e.value for e in at.error)  # and above the form
    assert avance(at).value == 150  # the person's value stays on screen to correct
    assert leer(ruta, "select avance, version, (select count(*) from auditoria) from actividades where id = 2") == antes


def test_a_save_without_changes_writes_no_version(ruta):
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(2).run()
    boton(at, "Guardar borrador").click().run()
    assert any("No cambió ningún dato" in i.value for i in at.info) and not at.error
    assert leer(ruta, "select revision, version from actividades where id = 2") == [("validada", 1)]


def test_a_returned_activity_can_be_corrected_in_every_field_and_the_enlace_is_told(ruta):
    con = duckdb.connect(str(ruta))
    enlace, admin = como("enlace.itei"), como("admin.snt")
    nueva = autorreporte.crear_actividad(con, enlace, NUEVA)
    version = autorreporte.cambiar_revision(con, enlace, "actividades", nueva, 1, "enviar")
    autorreporte.cambiar_revision(con, admin, "actividades", nueva, version, "observar", "Corrija el título y el ODS")
    con.close()
    at = abrir("autorreporte", como="enlace.itei")
    assert any("Tiene 1 actividad observada" in w.value and "Corrija el título y el ODS" in w.value
               for w in at.warning)
    at.selectbox(key="act_elegida").set_value(nueva).run()
    next(t for t in at.text_input if t.label == "Título").input("Jornada estatal de datos abiertos")
    next(m for m in at.multiselect if m.label == "ODS").set_value(["10", "16"])
    next(d for d in at.date_input if d.label == "Fecha de término").set_value(datetime(2025, 4, 30).date())
    boton(at, "Guardar y enviar a revisión").click().run()
    assert not at.exception and not at.error
    assert leer(ruta, f"select titulo, fecha_fin::varchar, revision from actividades where id = {nueva}") == [
        ("Jornada estatal de datos abiertos", "2025-04-30", "enviada")]
    assert leer(ruta, f"select list(ods order by ods) from actividad_ods where actividad = {nueva}") == [([10, 16],)]
    assert not any("observada" in w.value for w in at.warning)


def test_creating_the_same_activity_twice_asks_first(ruta):
    con = duckdb.connect(str(ruta))
    primera = autorreporte.crear_actividad(con, como("enlace.itei"), NUEVA)
    con.close()
    at = abrir("autorreporte", como="enlace.itei")
    cuantas = leer(ruta, "select count(*) from actividades")
    # The new-activity form is the second tab: its fields come after the chosen activity's (the trainings' last).
    [t for t in at.text_input if t.label == "Título"][1].input("Jornada de datos abiertos")
    [n for n in at.number_input if n.label == "Periodo (año)"][-1].set_value(2025)
    boton(at, "Crear borrador").click().run()
    assert any(f"#{primera}" in e.value and "no se creó" in e.value for e in at.error)
    assert leer(ruta, "select count(*) from actividades") == cuantas
    insistir = next(c for c in at.checkbox if c.label == "Crear aunque ya exista una con este título")
    insistir.check()
    boton(at, "Crear borrador").click().run()
    assert not at.error and any("creada como borrador" in s.value for s in at.success)
    assert leer(ruta, "select count(*) from actividades") == [(cuantas[0][0] + 1,)]
    # The form is empty again: a second click does not send the same activity.
    assert [t for t in at.text_input if t.label == "Título"][1].value == ""


def test_its_author_deletes_a_draft_after_confirming(ruta):
    con = duckdb.connect(str(ruta))
    nueva = autorreporte.crear_actividad(con, como("enlace.itei"), {**NUEVA, "titulo": "Borrador de prueba"})
    con.close()
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(nueva).run()
    boton(at, "Borrar este borrador…").click().run()
    assert leer(ruta, f"select count(*) from actividades where id = {nueva}") == [(1,)]  # asked first
    assert any("¿Borrar la actividad" in w.value for w in at.warning)
    boton(at, "Sí, borrar el borrador").click().run()
    assert not at.exception and any(f"{nueva}" in s.value and "borrado" in s.value for s in at.success)
    assert leer(ruta, f"select count(*) from actividades where id = {nueva}") == [(0,)]
    assert nueva not in at.selectbox(key="act_elegida").options


def test_the_history_reads_as_text_with_labels(ruta):
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(2).run()
    avance(at).set_value(65)
    boton(at, "Guardar borrador").click().run()
    historia = next(d.value for d in at.dataframe if "cambios" in d.value.columns)
    assert list(historia["accion"]) == ["Cambió"]
    assert historia["cambios"][0] == "Avance (%): 50 → 65 · Revisión: Validada → Borrador"
    assert "{" not in historia.to_string() and "None" not in historia.to_string()


# ------------------------------------------------------------------------------------------------ the published
# version beside the pending edit (#20)


def sin_escapes(texto: str) -> str:
    return re.sub(r"\\(.)", r"\1", texto)


def avisos(at) -> str:
    return " ".join(sin_escapes(i.value) for i in at.info)


def editar_en_otra_sesion(ruta, id_: int, cambios: dict, enviar: bool = True) -> None:
    con = duckdb.connect(str(ruta))
    try:
        version = autorreporte.leer_actividad(con, id_)["version"]
        autorreporte.actualizar_actividad(con, como("enlace.itei"), id_, version, cambios, enviar=enviar)
    finally:
        con.close()


def test_the_enlace_sees_the_published_and_the_pending_values_where_they_differ(ruta):
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(2).run()
    assert "Publicado:" not in avisos(at)  # validated: nothing pending
    assert not [b for b in at.button if b.label == "Retirar mis cambios…"]
    avance(at).set_value(60)
    next(t for t in at.text_input if t.label == "Título").input("Actividad 2, segunda etapa")
    boton(at, "Guardar y enviar a revisión").click().run()
    assert not at.exception
    assert "Publicado: 50 % · en revisión: 60 %" in avisos(at)
    assert "Cambios en revisión: Título" in avisos(at)
    assert "El público ve la versión publicada" in avisos(at)
    assert leer(ruta, "select avance, titulo from actividades_publicadas where id = 2") == [(50, "Actividad 2")]
    # A draft says so.
    next(m for m in at.multiselect if m.label == "ODS").set_value(["5", "16"])
    boton(at, "Guardar borrador").click().run()
    assert "Publicado: 50 % · en borrador: 60 %" in avisos(at)
    assert "Cambios en borrador: ODS, Título" in avisos(at)  # in the form's order


def test_commitments_and_trainings_show_the_published_version_too(ruta):
    con = duckdb.connect(str(ruta))
    autorreporte.actualizar_compromiso(con, como("enlace.itei"), 2, 1, {"avance": 45, "notas": "Con el municipio"},
                                       enviar=True)
    autorreporte.actualizar_capacitacion(con, como("enlace.itei"), 1, 1, {"participantes": 120})
    con.close()
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="comp_elegido").set_value(2).run()
    assert "Publicado: 40 % · en revisión: 45 %" in avisos(at) and "Cambios en revisión: Notas" in avisos(at)
    at.selectbox(key="cap_elegida").set_value(1).run()
    assert "Cambios en borrador: Participantes" in avisos(at)
    assert "Publicado: 100" not in avisos(at)  # a training has no progress
    assert len([b for b in at.button if b.label == "Retirar mis cambios…"]) == 2  # the commitment's, the training's


def test_withdrawing_asks_first_shows_what_goes_back_and_returns_to_the_published_version(ruta):
    editar_en_otra_sesion(ruta, 2, {"avance": 60, "notas": "Avance del trimestre"})
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(2).run()
    auditoria = leer(ruta, "select count(*) from auditoria")
    boton(at, "Retirar mis cambios…").click().run()
    assert not at.exception
    assert leer(ruta, "select revision, avance from actividades where id = 2") == [("enviada", 60)]  # asked first
    assert leer(ruta, "select count(*) from auditoria") == auditoria
    assert any("¿Retirar los cambios de la actividad #2?" in w.value for w in at.warning)
    vuelve = next(t.value for t in at.table if "Vuelve a (publicado)" in t.value.columns).astype(str).map(sin_escapes)
    assert vuelve.to_dict("records") == [
        {"Campo": "Avance (%)", "Ahora (sin publicar)": "60", "Vuelve a (publicado)": "50"},
        {"Campo": "Notas", "Ahora (sin publicar)": "Avance del trimestre", "Vuelve a (publicado)": "—"}]
    boton(at, "Cancelar").click().run()
    assert not [b for b in at.button if b.label == "Confirmar: volver a la versión publicada"]
    assert leer(ruta, "select revision, avance from actividades where id = 2") == [("enviada", 60)]

    boton(at, "Retirar mis cambios…").click().run()
    boton(at, "Confirmar: volver a la versión publicada").click().run()
    assert not at.exception and not at.error
    assert any("Cambios retirados: la actividad #2 vuelve a la versión publicada" in sin_escapes(s.value)
               for s in at.success)
    assert leer(ruta, "select revision, avance, notas from actividades where id = 2") == [("validada", 50, None)]
    assert avance(at).value == 50  # the form shows the published version now
    assert "Publicado:" not in avisos(at)
    assert not [b for b in at.button if b.label.startswith(("Retirar", "Confirmar"))]
    at.run()  # a second click has no button left to land on
    assert leer(ruta, "select count(*) from auditoria where accion = 'retirar'") == [(1,)]


def test_a_withdrawal_from_a_stale_form_is_a_conflict_and_the_other_persons_edit_stays(ruta):
    editar_en_otra_sesion(ruta, 2, {"avance": 60})
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(2).run()
    boton(at, "Retirar mis cambios…").click().run()
    editar_en_otra_sesion(ruta, 2, {"avance": 70}, enviar=False)  # someone else, meanwhile
    at.run()
    # Still what this person read (60 → 50), not a withdrawal of the other person's 70 she never saw.
    vuelve = next(t.value for t in at.table if "Vuelve a (publicado)" in t.value.columns).astype(str).map(sin_escapes)
    assert vuelve.to_dict("records") == [
        {"Campo": "Avance (%)", "Ahora (sin publicar)": "60", "Vuelve a (publicado)": "50"}]
    boton(at, "Confirmar: volver a la versión publicada").click().run()
    assert not at.exception
    assert any("cambió mientras la tenía abierta" in e.value for e in at.error)
    assert leer(ruta, "select revision, avance from actividades where id = 2") == [("borrador", 70)]
    assert leer(ruta, "select count(*) from auditoria where accion = 'retirar'") == [(0,)]
    # The form moved to what is stored: the other person's 70, which can be withdrawn from there.
    assert avance(at).value == 70
    assert "Publicado: 50 % · en borrador: 70 %" in avisos(at)
    assert [b for b in at.button if b.label == "Retirar mis cambios…"]


def test_a_record_never_published_has_nothing_to_withdraw(ruta):
    con = duckdb.connect(str(ruta))
    nueva = autorreporte.crear_actividad(con, como("enlace.itei"), NUEVA)
    autorreporte.cambiar_revision(con, como("enlace.itei"), "actividades", nueva, 1, "enviar")
    con.close()
    at = abrir("autorreporte", como="enlace.itei")
    at.selectbox(key="act_elegida").set_value(nueva).run()
    assert not at.exception
    assert not [b for b in at.button if b.label == "Retirar mis cambios…"] and "Publicado:" not in avisos(at)
    assert any("Nunca se ha publicado" in c.value for c in at.caption)
