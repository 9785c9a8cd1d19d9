"""The Revisión page under AppTest: a comment applies to the record it was written for, bulk validation in two steps
that names rule-breakers, the queue's filters, «Qué cambió», and a conflict told in the record's zone."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import duckdb
import pytest

from pizarras.escritura import autorreporte, revision
from tests.apoyo.cuentas_prueba import como
from tests.apoyo.paginas import abrir


@pytest.fixture()
def ruta(ruta_con_usuarios, tmp_path, monkeypatch):
    """Activities 2 (ITEI), 3 (IDAIP) and 5 (INAI) sent by their enlaces 40, 20 and 2 days ago; activity 1 (ITEI,
    concluded without evidence, which the form refuses) put in review by hand."""
    copia = shutil.copy(ruta_con_usuarios, tmp_path / "revision.duckdb")
    monkeypatch.setenv("PIZARRAS_DB", str(copia))
    con = duckdb.connect(str(copia))
    ahora = datetime.now()
    for id_, enlace, dias in ((2, "enlace.itei", 40), (3, "enlace.idaip", 20), (5, "admin.snt", 2)):
        v = autorreporte.actualizar_actividad(con, como(enlace), id_, 1, {"notas": "Avance del trimestre"},
                                              ahora - timedelta(days=dias, minutes=5))
        autorreporte.cambiar_revision(con, como(enlace), "actividades", id_, v, "enviar",
                                      ahora=ahora - timedelta(days=dias))
    con.execute("update actividades set revision = 'enviada' where id = 1")
    con.close()
    return copia


def leer(ruta, sql):
    con = duckdb.connect(str(ruta))  # the app's own connection in this process is read-write too
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def boton(at, etiqueta):
    return next(b for b in at.button if b.label == etiqueta)


def selector(at):
    return next(s for s in at.selectbox if s.label == "Registro")


def elegir(at, tabla, id_):
    return selector(at).set_value(f"{tabla}:{id_}").run()


def textos(at, *tipos):
    """The text of the page's messages, without the escapes that keep people's text out of Markdown."""
    tipos = tipos or ("success", "error", "warning", "caption", "markdown")
    return " ".join(e.value for t in tipos for e in getattr(at, t)).replace("\\", "")


def test_a_comment_applies_to_its_record_and_a_second_click_returns_nothing(ruta):
    at = abrir("revision", como="admin.snt")
    assert not at.exception
    assert selector(at).value is None  # nothing chosen: no comment box yet
    assert not at.text_area
    elegir(at, "actividades", 3)
    at.text_area[0].input("Falta la evidencia de IDAIP")
    devolver = boton(at, "Devolver al enlace")
    devolver.click().run()
    assert not at.exception
    assert leer(ruta, "select id, revision, observacion from actividades where id in (1, 2, 3, 5) order by id") == [
        (1, "enviada", None), (2, "enviada", None), (3, "observada", "Falta la evidencia de IDAIP"),
        (5, "enviada", None)]
    assert "Actividad #3 (IDAIP) devuelta al enlace" in textos(at, "success")
    # The selection did not jump to another record with the comment still in the box.
    assert selector(at).value is None and not at.text_area
    assert not [b for b in at.button if b.label == "Devolver al enlace"]  # no form left for a second click
    at.run()
    assert not at.exception
    assert leer(ruta, "select count(*) from auditoria where accion = 'observar'") == [(1,)]
    assert leer(ruta, "select count(*) from actividades where revision = 'observada'") == [(1,)]


def test_an_empty_comment_shows_the_rule_under_the_field_and_writes_nothing(ruta):
    at = elegir(abrir("revision", como="admin.snt"), "actividades", 5)
    boton(at, "Devolver al enlace").click().run()
    assert not at.exception
    assert any("escriba qué debe corregir el enlace" in c.value for c in at.caption)  # under the field
    assert any("No se guardó nada" in e.value for e in at.error)
    assert leer(ruta, "select revision, version from actividades where id = 5") == [("enviada", 3)]
    assert selector(at).value == "actividades:5"  # still on the same record


def test_validating_all_asks_first_names_the_rule_breaker_and_confirms_the_rest_only(ruta):
    at = abrir("revision", como="admin.snt")
    boton(at, "Validar todas (4)").click().run()
    assert not at.exception
    assert leer(ruta, "select count(*) from actividades where revision = 'validada'") == [(2,)]  # nothing yet
    assert any("1 registro no cumple una regla" in w.value for w in at.warning)
    problemas = next(d.value for d in at.dataframe if "Regla que no cumple" in d.value.columns)
    assert list(problemas["Núm."]) == [1]
    assert "evidencia" in problemas["Regla que no cumple"][0]
    boton(at, "Confirmar: validar 3").click().run()
    assert not at.exception
    assert leer(ruta, "select id, revision from actividades where id in (1, 2, 3, 5) order by id") == [
        (1, "enviada"), (2, "validada"), (3, "validada"), (5, "validada")]
    assert "3 registros validados" in textos(at, "success")
    assert not [b for b in at.button if b.label.startswith("Confirmar")]


def test_the_rule_breaker_is_validated_only_when_ticked(ruta):
    at = abrir("revision", como="admin.snt")
    boton(at, "Validar todas (4)").click().run()
    next(c for c in at.checkbox if c.label == "Validar también este 1 con problemas").check().run()
    boton(at, "Confirmar: validar 4").click().run()
    assert not at.exception
    assert leer(ruta, "select count(*) from actividades where id in (1, 2, 3, 5) and revision = 'validada'") == [(4,)]


def test_validating_the_selected_ones_asks_first_too(ruta):
    at = abrir("revision", como="admin.snt")
    editor = at.data_editor[0]
    at.session_state[editor.key] = {"edited_rows": {1: {"Validar": True}}, "added_rows": [], "deleted_rows": []}
    at.run()
    boton(at, "Validar seleccionadas (1)").click().run()
    assert leer(ruta, "select count(*) from actividades where revision = 'validada'") == [(2,)]
    assert any("Se validarán 1 registro" in m.value for m in at.markdown)
    boton(at, "Confirmar: validar 1").click().run()
    # The queue is oldest first: row 1 is activity 2 (40 days ago, after activity 1's 2023 report).
    assert leer(ruta, "select id from actividades where id in (1, 2, 3, 5) and revision = 'validada'") == [(2,)]


def test_the_queue_filters_by_organismo_kind_and_age_and_sorts(ruta):
    at = abrir("revision", como="admin.snt")
    tabla = lambda: at.data_editor[0].value  # noqa: E731
    assert list(tabla()["Núm."]) == [1, 2, 3, 5]
    assert "None" not in tabla().astype(str).to_string()
    assert list(tabla()["Enviado"])[1] == f"{datetime.now() - timedelta(days=40):%d/%m/%Y}"
    at.selectbox(key="revision_orden").set_value("recientes").run()
    assert list(tabla()["Núm."]) == [5, 3, 2, 1]
    at.selectbox(key="revision_antiguedad").set_value("30").run()
    assert list(tabla()["Núm."]) == [2, 1]
    at.multiselect(key="revision_quien").set_value(["ITEI"]).run()
    assert list(tabla()["Núm."]) == [2, 1]
    at.multiselect(key="revision_tipos").set_value(["compromisos"]).run()
    assert tabla().empty
    assert boton(at, "Validar todas (0)").disabled
    assert {at.multiselect(key=k).placeholder for k in ("revision_quien", "revision_tipos")} == {
        "Elija una o varias opciones"}


def test_what_changed_is_shown_for_the_chosen_record(ruta):
    at = elegir(abrir("revision", como="admin.snt"), "actividades", 2)
    cambio = next(d.value for d in at.dataframe if list(d.value.columns) == ["Campo", "Antes", "Después"])
    assert cambio.to_dict("records") == [{"Campo": "Notas", "Antes": "—", "Después": "Avance del trimestre"}]
    elegir(at, "actividades", 1)
    assert "La bitácora no registra cambios" in textos(at)
    assert any("concluida necesita la dirección web" in w.value for w in at.warning)
    assert boton(at, "Validar este registro").disabled


def test_a_record_another_reviewer_validated_meanwhile_is_a_conflict_in_its_zone(ruta):
    at = elegir(abrir("revision", como="admin.snt"), "actividades", 3)
    at.text_area[0].input("Corrija el avance")
    con = duckdb.connect(str(ruta))
    revision.validar(con, como("admin.snt"), [("actividades", 3, 3)])  # the other reviewer, in another session
    con.close()
    boton(at, "Devolver al enlace").click().run()
    assert not at.exception
    error = textos(at, "error")
    assert ("No se devolvió y su comentario («Corrija el avance») no se aplicó a ningún registro: la actividad #3 "
            "cambió") in error
    assert "admin.snt la validó" in error
    assert "«Validada»" in error
    assert leer(ruta, "select revision, observacion from actividades where id = 3") == [("validada", None)]


def test_an_evaluator_reads_the_queue_and_what_changed_without_buttons(ruta):
    at = elegir(abrir("revision", como="evaluacion"), "actividades", 2)
    assert not at.exception
    assert not [b for b in at.button if b.label.startswith("Validar") or b.label.startswith("Devolver")]
    assert any(list(d.value.columns) == ["Campo", "Antes", "Después"] for d in at.dataframe)


def test_an_enlace_is_sent_to_autorreporte(ruta):
    at = abrir("revision", como="enlace.itei")
    assert not at.dataframe and any("Autorreporte" in i.value for i in at.info)
