"""seed.synth: a scaled database that keeps the schema's rules and the seed's proportions, deterministic per seed."""

from __future__ import annotations

import duckdb
import pytest

from seed.synth import construir_sintetica, main
from tests.apoyo.comparar import instantanea_de

N = 5000
TABLAS = ["actividades", "actividad_ejes_transversales", "actividad_ods", "compromisos", "capacitaciones",
          "stl_integrantes"]


def uno(con, sql):
    return con.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def sintetica(tmp_path_factory):
    ruta = tmp_path_factory.mktemp("sintetica") / "s5k.duckdb"
    construir_sintetica(ruta, N, semilla=7)
    con = duckdb.connect(str(ruta), read_only=True)
    yield ruta, con
    con.close()


def test_same_seed_gives_the_same_rows_and_another_seed_does_not(sintetica, tmp_path):
    ruta, _ = sintetica
    otra = tmp_path / "otra.duckdb"
    construir_sintetica(otra, N, semilla=7)
    assert instantanea_de(otra, TABLAS) == instantanea_de(ruta, TABLAS)
    distinta = tmp_path / "distinta.duckdb"
    construir_sintetica(distinta, N, semilla=8)
    assert instantanea_de(distinta, TABLAS)["actividades"] != instantanea_de(ruta, TABLAS)["actividades"]


def test_sizes_follow_the_seed_ratios(sintetica, con_seed):
    _, con = sintetica
    base = uno(con_seed, "select count(*) from actividades")
    assert uno(con, "select count(*) from actividades") == N
    assert uno(con, "select min(id) from actividades") == 1 and uno(con, "select max(id) from actividades") == N
    for tabla in ("compromisos", "capacitaciones"):  # exact, by construction
        assert uno(con, f"select count(*) from {tabla}") == round(N * uno(con_seed, f"select count(*) from {tabla}") / base)
    for tabla in ("actividad_ejes_transversales", "actividad_ods"):  # sampled: within 10 % of the seed's ratio
        esperado = uno(con_seed, f"select count(*) from {tabla}") / base
        assert uno(con, f"select count(*) from {tabla}") / N == pytest.approx(esperado, rel=0.10)


def test_status_and_programme_mix_follow_the_seed(sintetica, con_seed):
    _, con = sintetica
    for columna in ("estatus", "programa", "periodo"):
        sql = f"select {columna}, count(*) / sum(count(*)) over () from actividades group by 1"
        semilla, sintetica_ = dict(con_seed.execute(sql).fetchall()), dict(con.execute(sql).fetchall())
        assert set(sintetica_) == set(semilla)
        for clave, parte in semilla.items():
            assert sintetica_[clave] == pytest.approx(parte, abs=0.03), (columna, clave)


def test_rows_keep_the_rules_of_the_schema(sintetica):
    _, con = sintetica
    # Foreign keys and CHECKs are enforced by DuckDB on insert; these are the rules the schema cannot express.
    assert uno(con, "select count(*) from actividades a join ejes j on j.clave = a.eje "
                    "where j.programa <> a.programa or j.tipo <> 'tematico'") == 0
    assert uno(con, "select count(*) from actividad_ejes_transversales t join actividades a on a.id = t.actividad "
                    "join ejes j on j.clave = t.eje where j.programa <> a.programa or j.tipo <> 'transversal'") == 0
    incoherentes = """
        select count(*) from actividades where not (
            (estatus = 'concluida' and avance = 100) or (estatus = 'programada' and avance = 0)
            or (estatus = 'en_proceso' and avance between 5 and 95) or (estatus = 'cancelada' and avance between 0 and 60))
    """
    assert uno(con, incoherentes) == 0
    assert uno(con, "select count(distinct avance) from actividades where estatus = 'en_proceso'") > 50
    assert uno(con, "select count(*) from actividades where fecha_fin < fecha_inicio") == 0
    assert uno(con, "select count(*) from compromisos where ods_es_demo <> (ods is not null)") == 0


def test_everything_is_marked_as_demo(sintetica):
    _, con = sintetica
    for tabla in ("actividades", "compromisos", "capacitaciones", "stl_integrantes"):
        assert uno(con, f"select count(*) from {tabla} where not es_demo") == 0, tabla
    assert uno(con, "select count(*) from compromisos where fuente_url is not null") == 0
    assert uno(con, "select count(*) from capacitaciones where fuente_url is not null") == 0


def test_the_command_line_rejects_a_bad_size(capsys):
    with pytest.raises(SystemExit):
        main(["--actividades", "cero"])
    assert "no es un número entero" in capsys.readouterr().err
