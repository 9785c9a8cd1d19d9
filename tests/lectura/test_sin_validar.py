"""The internal view's count of records not validated, on the fixture database with a few drafts (answers by hand
in tests/apoyo/sin_validar_prueba.py): it is what the boards count beyond the public, kind by kind."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import duckdb
import pytest

from pizarras.base.consultas import ejecutar
from pizarras.lectura import sin_validar
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.sin_validar import QUE_CUENTA, SinValidar, tipos_de
from tests.apoyo.consultas_util import correr
from tests.apoyo.sin_validar_prueba import AVISO_NACIONAL, copia_con_sin_validar


@pytest.fixture(scope="module")
def con(ruta_pequena, tmp_path_factory):
    ruta = copia_con_sin_validar(ruta_pequena, tmp_path_factory.mktemp("sin_validar") / "sin_validar.duckdb")
    conexion = duckdb.connect(str(ruta))
    yield conexion
    conexion.close()


def contar(con, filtros=Filtros(), tipos=sin_validar.TIPOS) -> SinValidar:
    return sin_validar.sin_validar(partial(ejecutar, con), filtros, tipos)


def test_the_fixture_alone_has_nothing_to_count(con_pequena):
    conteo = contar(con_pequena, Filtros(solo_validadas=False))
    assert (conteo.actividades, conteo.compromisos, conteo.capacitaciones, conteo.total) == (0, 0, 0, 0)
    assert conteo.aviso() == ("Vista interna: con estos filtros no hay actividades, compromisos y capacitaciones sin "
                              "validar; las cifras son las que ve el público.")


def test_drafts_sent_and_observed_records_are_counted_by_kind(con):
    conteo = contar(con)
    assert (conteo.actividades, conteo.compromisos, conteo.capacitaciones) == (2, 1, 1)
    assert conteo.total == 4
    assert conteo.aviso() == AVISO_NACIONAL
    assert conteo.aviso_publico() == ("Vista pública: solo registros validados; quedan fuera 2 actividades, "
                                      "1 compromiso y 1 capacitación sin validar.")


@pytest.mark.parametrize("filtros", [
    Filtros(),
    Filtros(organismo=("ITEI",)),
    Filtros(estatus=("en_proceso",)),  # compromisos take it, trainings do not (as on the boards)
    Filtros(programa=("PROTAI",)),  # trainings take it through their eje, compromisos do not
    Filtros(region=("centro-occidente",), periodo=(2024,)),
    Filtros(ods=(16,)),
], ids=["todo", "organismo", "estatus", "programa", "region_periodo", "ods"])
def test_each_kind_counts_what_its_board_counts_beyond_the_public(con, filtros):
    """N is, kind by kind, the internal board's headline count minus the public's, under the same filters, and the
    same whichever view is on (the public view says how many it leaves out)."""
    def kpi(nombre, columna, solo_validadas):
        return int(correr(con, f"tableros/{nombre}", replace(filtros, solo_validadas=solo_validadas))[columna].iloc[0])

    esperado = {
        tipo: kpi(f"kpi_{tipo}", tipo, False) - kpi(f"kpi_{tipo}", tipo, True)
        for tipo in sin_validar.TIPOS
    }
    for solo_validadas in (True, False):
        conteo = contar(con, replace(filtros, solo_validadas=solo_validadas))
        assert {t: getattr(conteo, t) for t in sin_validar.TIPOS} == esperado


def test_by_organismo_the_count_follows_its_entidad_and_its_trainings(con):
    conteo = contar(con, Filtros(organismo=("ITEI",)))
    assert (conteo.actividades, conteo.compromisos, conteo.capacitaciones) == (1, 1, 0)
    assert conteo.aviso() == ("Incluye borradores y registros sin validar (2: 1 actividad y 1 compromiso). El público "
                              "ve solo lo validado.")


def test_a_board_of_one_kind_counts_only_that_kind(con):
    compromisos = contar(con, tipos=tipos_de("pages/compromisos.py"))
    assert compromisos.total == 1
    assert compromisos.aviso() == "Incluye borradores y registros sin validar (1). El público ve solo lo validado."
    capacitaciones = contar(con, Filtros(organismo=("ITEI",)), tipos_de("pages/capacitaciones.py"))
    assert capacitaciones.aviso() == ("Vista interna: con estos filtros no hay capacitaciones sin validar; las cifras "
                                      "son las que ve el público.")
    assert capacitaciones.aviso_publico() == "Vista pública: solo registros validados."


def test_the_boards_are_the_pages_that_read_the_shared_filters_and_slides_are_not_among_them():
    assert set(QUE_CUENTA) == {
        "pages/pizarra_nacional.py", "pages/pizarra_region.py", "pages/pizarra_organismo.py", "pages/mapa.py",
        "pages/compromisos.py", "pages/capacitaciones.py",
    }
    assert tipos_de("pages/presentacion.py") is None  # slides show validated records only
    assert tipos_de("pages/revision.py") is None


def test_an_unknown_kind_is_refused(con):
    with pytest.raises(ValueError, match="desconocidos"):
        contar(con, tipos=("actividades", "personas"))


def test_an_edit_of_a_published_record_is_named_apart_and_is_not_left_out_of_the_public_figures(con_escritura):
    from pizarras.escritura import autorreporte
    from tests.apoyo.cuentas_prueba import como

    # Activity 2 (ITEI, published) gets an edit sent for review; training 1 (ITEI) too.
    autorreporte.actualizar_actividad(con_escritura, como("enlace.itei"), 2, 1, {"avance": 60}, enviar=True)
    autorreporte.actualizar_capacitacion(con_escritura, como("enlace.itei"), 1, 1, {"participantes": 120},
                                         enviar=True)
    conteo = contar(con_escritura)
    assert (conteo.total, conteo.en_revision) == (0, 2)
    assert (conteo.actividades_en_revision, conteo.capacitaciones_en_revision) == (1, 1)
    assert conteo.aviso() == (
        "Vista interna: con estos filtros no hay actividades, compromisos y capacitaciones sin validar. 2 registros "
        "publicados tienen cambios en revisión: aquí se ven con esos cambios; el público, con su versión publicada.")
    assert conteo.aviso_publico() == ("Vista pública: solo registros validados. 2 registros con cambios en revisión "
                                      "se ven en su versión publicada.")
    # The public and the internal board count the same records: the edit is in both, as different versions.
    nombre = "tableros/kpi_actividades"
    assert [int(correr(con_escritura, nombre, Filtros(solo_validadas=v))["actividades"].iloc[0])
            for v in (True, False)] == [6, 6]
    solo_actividades = contar(con_escritura, tipos=("actividades",))
    assert solo_actividades.en_revision == 1
