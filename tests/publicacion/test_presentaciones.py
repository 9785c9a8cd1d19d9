"""Decks and slides: who may write them, validation against the catalogs, audit and versions, the seed's decks,
slides that show validated data only and fail calmly, and the audience link that reopens the same filters."""

from __future__ import annotations

import json
from datetime import date
from functools import partial
from urllib.parse import parse_qs, urlparse

import pytest

from pizarras.base.consultas import ejecutar
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.permisos import NoAutorizado
from pizarras.escritura.reglas import DatosInvalidos
from pizarras.lectura.filtros import desde_url
from pizarras.publicacion import diapositivas, presentaciones
from pizarras.publicacion.diapositivas import VISTAS, filtros_de, lamina, url_audiencia
from pizarras.publicacion.presentaciones import Diapositiva, Presentacion, cargar_predeterminadas, guardar, leer
from tests.apoyo.cuentas_prueba import como
from tests.apoyo.datos_prueba import HOY
from tests.apoyo.publico_prueba import con_registros_sin_validar

NUEVA = Presentacion(
    "taller-norte", "Taller de la Región Norte",
    (Diapositiva("nacional", {"region": ["norte"]}), Diapositiva("region", {"region": ["norte"]}, "Organismos")),
    "Para el taller", 15,
)


@pytest.fixture()
def opciones(con_escritura):
    return presentaciones.opciones_de(con_escritura)


def test_an_enlace_creates_a_deck_that_anyone_reads_back_and_the_write_is_audited(con_escritura, opciones):
    guardada = guardar(con_escritura, como("enlace.itei"), NUEVA, opciones)
    assert guardada.version == 1 and guardada.creada_por == "enlace.itei"
    assert leer(con_escritura, "taller-norte") == guardada
    auditoria = con_escritura.execute(
        "select usuario, accion, antes, despues from auditoria where tabla = 'presentaciones'"
    ).fetchall()
    assert [(u, a, antes) for u, a, antes, _ in auditoria] == [("enlace.itei", "crear", None)]
    assert json.loads(auditoria[0][3])["diapositivas"][1]["titulo"] == "Organismos"


def test_an_evaluator_or_nobody_cannot_write_a_deck(con_escritura, opciones):
    for usuario in (None, como("evaluacion")):
        with pytest.raises(NoAutorizado):
            guardar(con_escritura, usuario, NUEVA, opciones)
    assert leer(con_escritura, "taller-norte") is None


def test_only_its_author_or_an_admin_changes_or_removes_a_deck(con_escritura, opciones):
    guardada = guardar(con_escritura, como("enlace.itei"), NUEVA, opciones)
    otro = Presentacion(**{**guardada.__dict__, "titulo": "Cambiado"})
    with pytest.raises(NoAutorizado):
        guardar(con_escritura, como("enlace.idaip"), otro, opciones)
    with pytest.raises(NoAutorizado):
        presentaciones.borrar(con_escritura, como("enlace.idaip"), "taller-norte")
    assert guardar(con_escritura, como("admin.snt"), otro, opciones).version == 2
    presentaciones.borrar(con_escritura, como("enlace.itei"), "taller-norte")
    assert leer(con_escritura, "taller-norte") is None
    assert con_escritura.execute("select count(*) from diapositivas").fetchone()[0] == 0


def test_a_stale_version_is_refused_and_nothing_is_overwritten(con_escritura, opciones):
    guardada = guardar(con_escritura, como("enlace.itei"), NUEVA, opciones)
    guardar(con_escritura, como("enlace.itei"), Presentacion(**{**guardada.__dict__, "titulo": "Primera"}), opciones)
    with pytest.raises(CambioConcurrente):
        guardar(con_escritura, como("admin.snt"), Presentacion(**{**guardada.__dict__, "titulo": "Segunda"}), opciones)
    assert leer(con_escritura, "taller-norte").titulo == "Primera"


def test_unknown_views_filters_and_catalog_values_are_refused_in_spanish(con_escritura, opciones):
    mala = Presentacion(
        "Mala Clave", " ", (Diapositiva("pastel", {"region": ["atlantida"], "color": ["rojo"]}),), intervalo=1,
    )
    with pytest.raises(DatosInvalidos) as error:
        guardar(con_escritura, como("admin.snt"), mala, opciones)
    texto = str(error.value)
    for esperado in ("minúsculas", "título", "segundos", "vista desconocida", "filtros desconocidos", "atlantida"):
        assert esperado in texto
    assert con_escritura.execute("select count(*) from presentaciones").fetchone()[0] == 0


def test_a_second_deck_with_the_same_key_is_refused(con_escritura, opciones):
    guardar(con_escritura, como("enlace.itei"), NUEVA, opciones)
    with pytest.raises(DatosInvalidos, match="ya existe"):
        guardar(con_escritura, como("admin.snt"), NUEVA, opciones)


def test_the_seed_ships_default_decks_whose_slides_all_draw(con_seed):
    decks = {d["clave"]: d for d in presentaciones.lista(con_seed)}
    assert {"panorama-nacional", "recorrido-regional", "gobierno-abierto-ods"} <= set(decks)
    assert decks["recorrido-regional"]["intervalo"] == 20 and decks["panorama-nacional"]["intervalo"] is None
    opciones = presentaciones.opciones_de(con_seed)
    consultar = partial(ejecutar, con_seed)
    for clave in decks:
        for d in leer(con_seed, clave).diapositivas:
            hoja = lamina(consultar, d.vista, filtros_de(d.filtros, opciones), date.today(), d.titulo)
            assert hoja.figura is not None and hoja.mensaje is None, (clave, d)


def test_every_view_is_used_by_a_default_deck():
    usadas = {d.vista for d in _predeterminadas() for d in d.diapositivas}
    assert usadas == set(VISTAS)


def _predeterminadas():
    return [presentaciones.desde_json(d) for d in json.loads(presentaciones.PREDETERMINADAS.read_text("utf-8"))]


def test_slides_count_validated_records_only(ruta_pequena, tmp_path):
    import duckdb

    con = duckdb.connect(str(con_registros_sin_validar(ruta_pequena, tmp_path / "mixta.duckdb")))
    try:
        opciones = presentaciones.opciones_de(con)
        hoja = lamina(partial(ejecutar, con), "nacional", filtros_de({}, opciones), HOY)
        assert dict(hoja.kpis)["Actividades"] == "3"  # 6 in the database, 3 not validated
    finally:
        con.close()


def test_every_view_dates_what_its_slide_shows(ruta_pequena, tmp_path):
    import duckdb

    from tests.apoyo import fechas_prueba

    con = duckdb.connect(str(fechas_prueba.copia_con_fechas(ruta_pequena, tmp_path / "fechas.duckdb")))
    try:
        opciones = presentaciones.opciones_de(con)

        def validados(vista: str, **filtros) -> str | None:
            return lamina(partial(ejecutar, con), vista, filtros_de(filtros, opciones), HOY).validados

        # The activity views date activities only, not the newer commitments and trainings of the same board.
        assert validados("nacional") == validados("regiones") == fechas_prueba.ACTIVIDADES
        assert validados("organismo", organismo=["ITEI"]) == "Datos validados al 15/11/2024"  # activity 2
        assert validados("region", region=["norte"]) == "Datos validados al 01/02/2025"  # IDAIP's activity 3
        assert validados("mapa") == fechas_prueba.MAPA_ACTIVIDADES
        assert validados("compromisos_ods") == fechas_prueba.COMPROMISOS_TODOS
        assert validados("capacitaciones_region", entidad=["14"]) == "Datos validados al 01/03/2025"
        # No data, or a view that cannot be drawn: no date.
        assert validados("nacional", region=["sureste"], periodo=["2025"]) is None
        assert validados("region") is None
    finally:
        con.close()


def test_a_slide_without_data_or_that_fails_shows_a_calm_message(con_pequena, monkeypatch):
    opciones = presentaciones.opciones_de(con_pequena)
    consultar = partial(ejecutar, con_pequena)
    vacia = lamina(consultar, "nacional", filtros_de({"region": ["sureste"], "periodo": ["2025"]}, opciones), HOY)
    assert vacia.figura is None and "No hay actividades validadas" in vacia.mensaje
    sin_region = lamina(consultar, "region", filtros_de({}, opciones), HOY)
    assert "elija una sola región" in sin_region.mensaje

    def rota(*_):
        raise RuntimeError("falla")

    monkeypatch.setitem(VISTAS, "nacional", VISTAS["nacional"].__class__("nacional", "N", "pizarra_nacional", rota))
    fallida = lamina(consultar, "nacional", filtros_de({}, opciones), HOY)
    assert fallida.figura is None and "No se pudo preparar" in fallida.mensaje
    assert "Traceback" not in fallida.mensaje and "falla" not in fallida.mensaje
    assert "ya no existe" in lamina(consultar, "borrada", filtros_de({}, opciones), HOY).mensaje


def test_the_audience_link_reopens_the_slide_with_the_same_filters(con_pequena):
    opciones = presentaciones.opciones_de(con_pequena)
    guardados = {"region": ["norte"], "ods": ["16", "5"]}
    url = url_audiencia("http://192.168.1.20:8501/", "compromisos_ods", guardados)
    assert url == "http://192.168.1.20:8501/compromisos?region=norte&ods=16&ods=5"
    partes = urlparse(url)
    assert desde_url(parse_qs(partes.query), opciones).filtros == filtros_de(guardados, opciones)
    assert [[bool(m) for m in fila] for fila in diapositivas.qr(url).matrix]  # encodable, locally


def test_filters_round_trip_through_the_editor_text():
    texto = "region=norte&ods=16&ods=5"
    assert presentaciones.filtros_desde_texto(texto) == {"region": ["norte"], "ods": ["16", "5"]}
    assert presentaciones.filtros_desde_texto("http://x:8501/mapa?" + texto) == {"region": ["norte"], "ods": ["16", "5"]}
    assert presentaciones.filtros_a_texto({"region": ["norte"], "ods": ["16", "5"]}) == texto
    assert presentaciones.clave_desde_titulo("Taller regional: Región Norte 2025") == "taller-regional-region-norte-2025"


def test_loading_the_default_decks_twice_is_refused_by_the_key(con_escritura):
    con_escritura.execute("begin")
    assert cargar_predeterminadas(con_escritura) == len(_predeterminadas())
    with pytest.raises(Exception):
        cargar_predeterminadas(con_escritura)
    con_escritura.execute("rollback")
