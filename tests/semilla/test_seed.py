"""The database built from seed/: keys, no orphans, demo flags, and every published figure reproduced."""

from __future__ import annotations

import duckdb
import pytest

from seed.build import construir
from seed.generate_demo import CIFRAS


def uno(con, sql, parametros=None):
    return con.execute(sql, parametros or []).fetchone()[0]


def test_there_are_140_commitments_in_21_plans_of_the_14_published_entidades(con_seed):
    assert uno(con_seed, "select count(*) from compromisos") == CIFRAS["compromisos"]
    planes = dict(
        con_seed.execute(
            "select e.nombre_corto, count(distinct c.plan_accion) from compromisos c "
            "join entidades e on e.clave = c.entidad group by 1"
        ).fetchall()
    )
    assert planes == CIFRAS["planes_por_entidad"]
    assert sum(planes.values()) == CIFRAS["planes_locales"]


def test_the_ods_alignment_reproduces_the_published_table(con_seed):
    filas = con_seed.execute("select ods, count(*) from compromisos where ods is not null group by ods").fetchall()
    assert dict(filas) == CIFRAS["compromisos_por_ods"]
    assert sum(CIFRAS["compromisos_por_ods"].values()) == CIFRAS["compromisos_alineados_ods"]
    # No source aligns a single commitment to an ODS: every alignment is flagged as demo.
    assert uno(con_seed, "select count(*) from compromisos where ods is not null and not ods_es_demo") == 0


def test_stl_membership_reproduces_184_people_by_sector_and_sexo(con_seed):
    assert uno(con_seed, "select sum(personas) from stl_integrantes") == CIFRAS["stl_integrantes"]
    por_sector = dict(con_seed.execute("select sector, sum(personas) from stl_integrantes group by 1").fetchall())
    assert por_sector == CIFRAS["stl_por_sector"]
    por_sexo = dict(con_seed.execute("select sexo, sum(personas) from stl_integrantes group by 1").fetchall())
    assert por_sexo == CIFRAS["stl_por_sexo"]


@pytest.mark.parametrize(
    ("fragmento", "columna", "valor"),
    [
        ("Jornada Nacional de Capacitación", "participantes", CIFRAS["jornada_nacional"]["participantes"]),
        ("Zacatecas", "sujetos_obligados", 69),  # fuentes/capacitaciones.csv
    ],
)
def test_published_trainings_keep_their_participant_counts(con_seed, fragmento, columna, valor):
    valores = [
        fila[0]
        for fila in con_seed.execute(
            f"select {columna} from capacitaciones where not es_demo and (titulo || organizador) ilike ?",
            [f"%{fragmento}%"],
        ).fetchall()
    ]
    assert valor in valores


@pytest.mark.parametrize("publicada", CIFRAS["capacitaciones"], ids=lambda c: c["organizador"])
def test_the_trainings_known_only_from_the_report_are_seeded_as_published(con_seed, publicada):
    columnas = ["entidad", "tipo", "fecha_inicio", "fecha_fin", "participantes"]
    filas = con_seed.execute(
        f"select {', '.join(columnas)} from capacitaciones where not es_demo and titulo = ?", [publicada["titulo"]]
    ).fetchall()
    assert filas == [tuple(publicada[c] for c in columnas)]


def test_real_commitments_keep_their_sources_and_demo_ones_are_flagged(con_seed):
    assert uno(con_seed, "select count(*) from compromisos where not es_demo") == 77
    assert uno(con_seed, "select count(*) from compromisos where not es_demo and coalesce(fuente_url, '') = ''") == 0
    assert uno(con_seed, "select count(*) from compromisos where es_demo") == 63


def test_every_organismo_reports_under_protai_and_pronadatos_and_activities_are_demo(con_seed):
    assert uno(con_seed, "select count(*) from organismos") == 36
    faltan = con_seed.execute(
        "select o.clave, p.clave from organismos o cross join (values ('PROTAI'), ('PRONADATOS')) p(clave) "
        "where not exists (select 1 from actividades a where a.organismo = o.clave and a.programa = p.clave)"
    ).fetchall()
    assert faltan == []
    assert uno(con_seed, "select count(*) from actividades where not es_demo") == 0


def test_catalogs_have_the_32_entidades_with_inegi_codes_and_four_regions(con_seed):
    assert uno(con_seed, "select count(*) from entidades where clave <> '00'") == 32
    assert uno(con_seed, "select count(*) from regiones where clave <> 'federal'") == 4
    por_region = dict(con_seed.execute("select region, count(*) from entidades where clave <> '00' group by 1").fetchall())
    assert por_region == {"norte": 9, "centro": 8, "centro-occidente": 9, "sureste": 6}
    assert uno(con_seed, "select count(*) from ods") == 17
    assert uno(con_seed, "select color from ods where numero = 16") == "#00689D"


def test_unverified_eje_names_are_marked_as_such(con_seed):
    assert uno(con_seed, "select count(*) from ejes where programa in ('PROTAI', 'PRONADATOS') and verificado") == 0
    assert uno(con_seed, "select count(*) from ejes where programa = 'PT-CGAYTP' and not verificado") == 0


def test_transversal_ejes_belong_to_the_activity_programme(con_seed):
    assert uno(
        con_seed,
        "select count(*) from actividad_ejes_transversales t join actividades a on a.id = t.actividad "
        "join ejes j on j.clave = t.eje where j.programa <> a.programa or j.tipo <> 'transversal'",
    ) == 0
    assert uno(
        con_seed,
        "select count(*) from actividades a join ejes j on j.clave = a.eje where j.programa <> a.programa or j.tipo <> 'tematico'",
    ) == 0


def test_status_and_progress_agree(con_seed):
    assert uno(con_seed, "select count(*) from actividades where estatus = 'concluida' and avance <> 100") == 0
    assert uno(con_seed, "select count(*) from actividades where estatus = 'programada' and avance <> 0") == 0


def test_the_build_is_idempotent_and_replaces_the_file_atomically(tmp_path):
    destino = tmp_path / "pizarras.duckdb"
    construir(destino)
    construir(destino)
    con = duckdb.connect(str(destino))
    try:
        assert uno(con, "select count(*) from compromisos") == CIFRAS["compromisos"]
    finally:
        con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pizarras.duckdb"]


def test_a_failed_build_leaves_the_previous_database_untouched(tmp_path):
    destino = tmp_path / "pizarras.duckdb"
    construir(destino)
    antes = destino.read_bytes()
    carpeta_rota = tmp_path / "seed_roto"
    carpeta_rota.mkdir()
    (carpeta_rota / "catalogos").mkdir()
    (carpeta_rota / "catalogos" / "regiones.csv").write_text("clave,nombre\n\"sin cerrar,Norte\n")
    with pytest.raises(duckdb.Error):
        construir(destino, carpeta_rota)
    assert destino.read_bytes() == antes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pizarras.duckdb", "seed_roto"]


def test_the_board_queries_give_the_published_totals_on_the_seed(con_seed):
    from pizarras.base.consultas import cargar, ejecutar
    from pizarras.lectura.filtros import Filtros, parametros_para

    def correr(nombre, filtros=Filtros()):
        return ejecutar(con_seed, nombre, parametros_para(cargar(nombre).parametros, filtros)).iloc[0]

    compromisos = correr("tableros/kpi_compromisos")
    assert (compromisos["compromisos"], compromisos["alineados_ods"], compromisos["planes"]) == (
        CIFRAS["compromisos"], CIFRAS["compromisos_alineados_ods"], CIFRAS["planes_locales"]
    )
    assert correr("tableros/kpi_compromisos", Filtros(ods=(16,)))["compromisos"] == CIFRAS["compromisos_por_ods"][16]
    en_guanajuato = sum(c["participantes"] for c in CIFRAS["capacitaciones"] if c["entidad"] == "11")
    assert correr("tableros/kpi_capacitaciones", Filtros(entidad=("11",), periodo=(2020,)))["participantes"] >= en_guanajuato


def test_the_demo_indicators_are_shaped_as_the_programmes_sheets_and_marked_as_demo(con_seed):
    # PROTAI: 9 eje indicators and 3 transversal ones, one per eje of the catalogue; PRONADATOS some; none verified.
    por_tipo = dict(con_seed.execute(
        "select j.tipo, count(*) from indicadores i join ejes j on j.clave = i.eje and j.programa = i.programa "
        "where i.programa = 'PROTAI' group by all").fetchall())
    assert por_tipo == {"tematico": 9, "transversal": 3}
    assert con_seed.execute("select count(distinct eje) from indicadores where programa = 'PROTAI'").fetchone()[0] == 12
    assert con_seed.execute("select count(*) from indicadores where programa = 'PRONADATOS'").fetchone()[0] > 0
    assert con_seed.execute("select count(*) from indicadores where verificado or not es_demo").fetchone()[0] == 0
    # Every sheet has its 2020 baseline, a goal for each year 2022-2026 and a direction.
    assert con_seed.execute(
        "select count(*) from indicadores where linea_base is null or meta_2022 is null or meta_2023 is null "
        "or meta_2024 is null or meta_2025 is null or meta_2026 is null").fetchone()[0] == 0
    # A few yearly values, most validated and published, every one demo and of a demo sheet.
    total, validadas, publicadas = con_seed.execute(
        "select count(*), count(*) filter (where revision = 'validada'), "
        "(select count(*) from mediciones_publicadas) from mediciones").fetchone()
    assert 0 < validadas == publicadas < total
    assert con_seed.execute("select count(*) from mediciones where not es_demo or indicador not in "
                            "(select clave from indicadores)").fetchone()[0] == 0
