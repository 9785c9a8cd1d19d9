"""The Revisión page under AppTest: a comment applies to the record it was written for, bulk validation in two steps
that names rule-breakers and says what each record changes publicly, the queue's filters, «Qué cambió» against the
published version (as text), validating publishes and sending back keeps the published version, and a conflict told
in the record's zone."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta

import duckdb
import pytest

from pizarras.escritura import autorreporte, revision
from tests.apoyo.cuentas_prueba import NUEVA, como
from tests.apoyo.paginas import abrir, metrica


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


def editar(ruta, id_, cambios, usuario="enlace.itei"):
    """The enlace changes a record already in review and sends it again (in another session)."""
    con = duckdb.connect(str(ruta))
    try:
        version = autorreporte.leer_actividad(con, id_)["version"]
        autorreporte.actualizar_actividad(con, como(usuario), id_, version, cambios, enviar=True)
    finally:
        con.close()


def sin_escapes(texto: str) -> str:
    return re.sub(r"\\(.)", r"\1", texto)


def tabla(at, columna: str, sin: str | None = None):
    """The page's static table that has `columna` (and not `sin`), as the reader sees its text."""
    valor = next(t.value for t in at.table
                 if columna in t.value.columns and (sin is None or sin not in t.value.columns))
    return valor.astype(str).map(sin_escapes)


def que_cambio(at) -> list[dict]:
    return tabla(at, "Después").to_dict("records")


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
    problemas = tabla(at, "Regla que no cumple")
    assert list(problemas["Núm."]) == ["1"]
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
    assert que_cambio(at) == [{"Campo": "Notas", "Antes": "—", "Después": "Avance del trimestre"}]
    assert "Frente a la versión publicada (validada el 15/11/2024 09:00)" in textos(at, "caption")
    assert not [d for d in at.dataframe if "Después" in d.value.columns]  # text on the page, not a canvas grid
    elegir(at, "actividades", 1)  # put in review with nothing changed
    assert "Nada cambia frente a la versión publicada" in textos(at, "caption")
    assert not [t for t in at.table if "Después" in t.value.columns]
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
    assert que_cambio(at) == [{"Campo": "Notas", "Antes": "—", "Después": "Avance del trimestre"}]


def test_an_enlace_is_sent_to_autorreporte(ruta):
    at = abrir("revision", como="enlace.itei")
    assert not at.dataframe and any("Autorreporte" in i.value for i in at.info)


# ------------------------------------------------------------------------------------------------ the published
# version beside the pending edit (#20)


def test_the_diff_is_against_the_published_version_and_validating_publishes_exactly_it(ruta):
    editar(ruta, 2, {"avance": 65})  # the public still sees 50 %
    assert metrica(abrir("pizarra_nacional"), "Avance promedio") == "64.0 %"
    at = elegir(abrir("revision", como="admin.snt"), "actividades", 2)
    assert que_cambio(at) == [{"Campo": "Avance (%)", "Antes": "50", "Después": "65"},
                              {"Campo": "Notas", "Antes": "—", "Después": "Avance del trimestre"}]
    boton(at, "Validar este registro").click().run()
    assert not at.exception
    assert "Actividad #2 (ITEI) validada" in textos(at, "success")
    assert leer(ruta, "select avance, notas, validada_por from actividades_publicadas where id = 2") == [
        (65, "Avance del trimestre", "admin.snt")]
    assert metrica(abrir("pizarra_nacional"), "Avance promedio") == "67.0 %"  # (100 + 65 + 0 + 70 + 100) / 5


def test_sending_back_keeps_the_published_version_on_the_public_board(ruta):
    editar(ruta, 2, {"avance": 65})
    at = elegir(abrir("revision", como="admin.snt"), "actividades", 2)
    at.text_area[0].input("Falta la evidencia del 65 %")
    boton(at, "Devolver al enlace").click().run()
    assert not at.exception
    assert "devuelta al enlace con sus observaciones. El público sigue viendo la versión publicada" in textos(
        at, "success")
    assert leer(ruta, "select revision, avance from actividades where id = 2") == [("observada", 65)]
    assert leer(ruta, "select avance, notas from actividades_publicadas where id = 2") == [(50, None)]
    assert metrica(abrir("pizarra_nacional"), "Avance promedio") == "64.0 %"


def test_the_validation_plan_says_what_each_record_changes_publicly(ruta):
    editar(ruta, 2, {"avance": 65})
    con = duckdb.connect(str(ruta))
    hostil = {**NUEVA, "titulo": "**Feria** [x](http://malo.example)"}
    nueva = autorreporte.crear_actividad(con, como("enlace.itei"), hostil)
    autorreporte.cambiar_revision(con, como("enlace.itei"), "actividades", nueva, 1, "enviar")
    con.close()
    at = abrir("revision", como="admin.snt")
    boton(at, "Validar todas (5)").click().run()
    assert not at.exception
    plan = tabla(at, "Qué cambia en lo público", sin="Regla que no cumple")
    assert dict(zip(plan["Núm."], plan["Qué cambia en lo público"])) == {
        "2": "Avance: 50 % → 65 %; Notas: — → Avance del trimestre",
        "3": "Notas: — → Avance del trimestre",
        "5": "Notas: — → Avance del trimestre",
        str(nueva): "Nueva: nunca se ha publicado",
    }
    problemas = tabla(at, "Regla que no cumple")
    assert list(problemas["Qué cambia en lo público"]) == ["Nada: ya es lo publicado"]  # activity 1, as published
    # A title is text in the table, never Markdown: every mark is escaped.
    crudo = next(t.value for t in at.table if "Regla que no cumple" not in t.value.columns
                 and "Qué cambia en lo público" in t.value.columns)
    assert r"\*\*Feria\*\* \[x\]\(http\://malo\.example\)" in set(crudo["Título"])
    boton(at, "Confirmar: validar 4").click().run()
    assert leer(ruta, f"select id from actividades_publicadas where id in (2, 3, 5, {nueva}) order by id") == [
        (2,), (3,), (5,), (nueva,)]
    assert leer(ruta, "select avance from actividades_publicadas where id = 2") == [(65,)]


def test_a_record_never_published_is_shown_as_new(ruta):
    con = duckdb.connect(str(ruta))
    nueva = autorreporte.crear_actividad(con, como("enlace.itei"), NUEVA)
    autorreporte.cambiar_revision(con, como("enlace.itei"), "actividades", nueva, 1, "enviar")
    con.close()
    at = elegir(abrir("revision", como="admin.snt"), "actividades", nueva)
    assert "Nunca se ha publicado: al validar aparece por primera vez" in textos(at, "caption")
    filas = {f["Campo"]: (f["Antes"], f["Después"]) for f in que_cambio(at)}
    assert filas["Título"] == ("—", "Jornada de datos abiertos") and filas["Avance (%)"] == ("—", "40")
