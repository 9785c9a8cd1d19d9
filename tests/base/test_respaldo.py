"""Backup and restore (`python -m pizarras backup|restore`): exact round trip, and no harm from a bad backup."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pizarras.__main__ import main
from pizarras.base.consultas import cargar, ejecutar, nombres_disponibles
from pizarras.base.esquema import VISTAS
from pizarras.base.respaldo import _MACRO_EN_VISTAS, MANIFIESTO, ErrorDeRespaldo, respaldar, restaurar
from pizarras.lectura.filtros import Filtros, parametros_para
from tests.apoyo.base_v1 import FIXTURES
from tests.apoyo.comparar import contenido_de, huella_archivo
from tests.apoyo.datos_prueba import HOY, construir_pequena
from tests.apoyo.procesos import retenida

RAIZ = Path(__file__).resolve().parents[2]


@pytest.fixture()
def pequena(tmp_path) -> Path:
    """A private copy of the fixture database (tests here write next to it)."""
    (tmp_path / "base").mkdir()
    return construir_pequena(tmp_path / "base" / "pizarras.duckdb")


@pytest.fixture()
def respaldo(pequena, tmp_path) -> Path:
    carpeta = tmp_path / "respaldo"
    respaldar(pequena, carpeta)
    return carpeta


def respuestas(ruta: Path) -> dict:
    """Every board and catalog query, unfiltered and with a few filters: what the boards would show."""
    combinaciones = [Filtros(), Filtros(region=("norte",)), Filtros(ods=(16,), periodo=(2024, 2025))]
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return {
            (nombre, i): ejecutar(con, nombre, parametros_para(cargar(nombre).parametros, f, hoy=HOY, organismo="ITEI",
                                                               limite=None, fecha=HOY))
            for nombre in nombres_disponibles("tableros") + nombres_disponibles("catalogos")
            for i, f in enumerate(combinaciones)
        }
    finally:
        con.close()


def mismas_respuestas(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for clave in a:
        pd.testing.assert_frame_equal(a[clave], b[clave], obj=str(clave))  # NaN equals NaN here


def archivos(carpeta: Path) -> list[str]:
    return sorted(p.name for p in carpeta.iterdir())


# --- Round trip -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("origen", ["pequena", "ruta_seed"])
def test_restore_gives_back_every_table_row_for_row(origen, request, tmp_path):
    base = request.getfixturevalue(origen)
    resumen = respaldar(base, tmp_path / "respaldo")
    restaurada = restaurar(tmp_path / "respaldo", tmp_path / "restaurada.duckdb").base

    antes, despues = contenido_de(base), contenido_de(restaurada)
    assert despues["filas"] == antes["filas"]  # every row of every table, values and types
    assert despues["columnas"] == antes["columnas"]
    assert despues["restricciones"] == antes["restricciones"]  # keys, foreign keys, checks, unique
    assert despues["macros"] == antes["macros"]
    assert resumen.filas == {t: len(filas) for t, filas in antes["filas"].items()}
    assert sum(resumen.filas.values()) > 0


def test_restore_installs_the_filter_macros_and_they_answer_the_same(pequena, respaldo, tmp_path):
    # DuckDB writes the macros into schema.sql in name order, not in the order they build on each other
    # (actividades_filtradas reads actividades_leidas): the backup leaves them out and restore installs them.
    assert "create macro" not in (respaldo / "schema.sql").read_text(encoding="utf-8").lower()
    manifiesto = json.loads((respaldo / MANIFIESTO).read_text(encoding="utf-8"))
    assert set(manifiesto["macros"]) == set(_MACRO_EN_VISTAS.findall(VISTAS.read_text(encoding="utf-8")))

    restaurada = restaurar(respaldo, tmp_path / "restaurada.duckdb").base
    mismas_respuestas(respuestas(restaurada), respuestas(pequena))
    con = duckdb.connect(str(restaurada), read_only=True)
    try:  # hand-computed on tests/apoyo/datos_prueba.py: activities 3 and 4 (IDAIP, Durango) are the norte ones
        ids = con.execute(
            "select list(id order by id) "
            "from actividades_filtradas(['norte'], null, null, null, null, null, null, null, false)"
        ).fetchone()[0]
        assert ids == [3, 4]
    finally:
        con.close()


def test_a_backup_with_the_macros_of_an_older_version_in_its_schema_restores_with_todays(respaldo, pequena, tmp_path):
    # Backups written before the macros were left out carry them in schema.sql (self-contained then).
    esquema = respaldo / "schema.sql"
    antiguas = (FIXTURES / "vistas_v1.sql").read_text(encoding="utf-8")
    esquema.write_text(esquema.read_text(encoding="utf-8") + "\n" + antiguas, encoding="utf-8")

    restaurada = restaurar(respaldo, tmp_path / "restaurada.duckdb").base
    mismas_respuestas(respuestas(restaurada), respuestas(pequena))


def test_a_backup_folder_can_be_moved_before_restoring(respaldo, pequena, tmp_path):
    movida = tmp_path / "otro" / "lugar"
    movida.parent.mkdir()
    shutil.move(respaldo, movida)
    restaurada = restaurar(movida, tmp_path / "restaurada.duckdb").base
    assert contenido_de(restaurada) == contenido_de(pequena)


def test_the_manifest_records_every_table(respaldo, pequena):
    manifiesto = json.loads((respaldo / MANIFIESTO).read_text(encoding="utf-8"))
    filas = contenido_de(pequena)["filas"]
    assert {t: v["filas"] for t, v in manifiesto["tablas"].items()} == {t: len(f) for t, f in filas.items()}
    assert set(manifiesto["macros"]) >= {"actividades_filtradas", "compromisos_filtrados", "capacitaciones_filtradas"}


# --- Command line ---------------------------------------------------------------------------------------------


def test_python_m_pizarras_backup_and_restore_use_pizarras_db(pequena, tmp_path):
    entorno = {**os.environ, "PIZARRAS_DB": str(pequena)}
    orden = [sys.executable, "-m", "pizarras"]
    hecho = subprocess.run(
        [*orden, "backup", str(tmp_path / "r")], cwd=RAIZ, env=entorno, capture_output=True, text=True, timeout=120
    )
    assert hecho.returncode == 0, hecho.stderr
    tablas = len(contenido_de(pequena)["filas"])
    assert "Respaldo creado" in hecho.stdout and f"{tablas} tablas" in hecho.stdout

    nueva = tmp_path / "nueva.duckdb"
    hecho = subprocess.run(
        [*orden, "restore", str(tmp_path / "r"), "--db", str(nueva)],
        cwd=RAIZ, env=entorno, capture_output=True, text=True, timeout=120,
    )
    assert hecho.returncode == 0, hecho.stderr
    assert "Base restaurada" in hecho.stdout
    assert contenido_de(nueva) == contenido_de(pequena)

    # Restoring over $PIZARRAS_DB itself is refused without --forzar.
    hecho = subprocess.run(
        [*orden, "restore", str(tmp_path / "r")], cwd=RAIZ, env=entorno, capture_output=True, text=True, timeout=120
    )
    assert hecho.returncode == 1
    assert "Ya existe la base de datos" in hecho.stderr and "--forzar" in hecho.stderr
    assert "Traceback" not in hecho.stderr


def test_help_and_usage_errors_are_in_spanish(capsys):
    with pytest.raises(SystemExit) as salida:
        main(["--help"])
    assert salida.value.code == 0
    ayuda = capsys.readouterr().out
    assert "uso: python -m pizarras" in ayuda and "respaldo" in ayuda.lower() and "usage" not in ayuda

    with pytest.raises(SystemExit) as salida:
        main(["borrar", "x"])
    assert salida.value.code == 2
    assert "opción no válida" in capsys.readouterr().err

    with pytest.raises(SystemExit):
        main(["restore"])
    assert "faltan argumentos obligatorios" in capsys.readouterr().err


def test_forzar_replaces_the_database_with_the_backup(pequena, respaldo, capsys):
    con = duckdb.connect(str(pequena))
    con.execute("update actividades set avance = 99 where id = 2")
    con.execute("delete from stl_integrantes")
    con.close()
    cambiada = huella_archivo(pequena)

    assert main(["restore", str(respaldo), "--db", str(pequena)]) == 1
    assert "--forzar" in capsys.readouterr().err
    assert huella_archivo(pequena) == cambiada

    assert main(["restore", str(respaldo), "--db", str(pequena), "--forzar"]) == 0
    filas = contenido_de(pequena)["filas"]
    assert len(filas["stl_integrantes"]) == 3
    assert [f[10] for f in filas["actividades"] if f[0] == 2] == [50]  # avance of activity 2 as backed up
    assert archivos(pequena.parent) == ["pizarras.duckdb"]  # no temporary file or stale WAL left behind


def test_backup_refuses_a_folder_with_files_and_a_missing_database(pequena, respaldo, tmp_path, capsys):
    antes = archivos(respaldo)
    assert main(["backup", str(respaldo), "--db", str(pequena)]) == 1
    assert "no está vacía" in capsys.readouterr().err
    assert archivos(respaldo) == antes

    assert main(["backup", str(tmp_path / "otro"), "--db", str(tmp_path / "no-existe.duckdb")]) == 1
    assert "No existe la base de datos" in capsys.readouterr().err
    assert not (tmp_path / "otro").exists()

    vacia = tmp_path / "vacia"
    vacia.mkdir()
    assert main(["backup", str(vacia), "--db", str(pequena)]) == 0  # an empty folder is fine
    assert MANIFIESTO in archivos(vacia)


# --- A bad backup never harms the current database ------------------------------------------------------------


def _quitar_carpeta(carpeta: Path) -> None:
    shutil.rmtree(carpeta)


def _vaciar_carpeta(carpeta: Path) -> None:
    shutil.rmtree(carpeta)
    carpeta.mkdir()


def _truncar_parquet(carpeta: Path) -> None:
    ruta = carpeta / "actividades.parquet"
    ruta.write_bytes(ruta.read_bytes()[: ruta.stat().st_size // 2])


def _reescribir_parquet(carpeta: Path, consulta: str) -> None:
    # A valid Parquet file whose content differs from what was backed up.
    ruta = carpeta / "actividades.parquet"
    otra = carpeta / "otra.parquet"
    con = duckdb.connect()
    con.execute(f"copy ({consulta.format(f=str(ruta))}) to '{otra}' (format parquet)")
    con.close()
    os.replace(otra, ruta)


def _perder_una_fila(carpeta: Path) -> None:
    _reescribir_parquet(carpeta, "select * from read_parquet('{f}') where id <> 3")


def _cambiar_un_valor(carpeta: Path) -> None:
    _reescribir_parquet(carpeta, "select * replace (case when id = 3 then 55 else avance end as avance) "
                                 "from read_parquet('{f}')")


def _borrar_esquema(carpeta: Path) -> None:
    (carpeta / "schema.sql").unlink()


def _romper_manifiesto(carpeta: Path) -> None:
    (carpeta / MANIFIESTO).write_text("{ no es json", encoding="utf-8")


def _manifiesto_sin_tablas(carpeta: Path) -> None:
    (carpeta / MANIFIESTO).write_text('{"formato": 1, "tablas": {}}', encoding="utf-8")


@pytest.mark.parametrize(
    ("danar", "mensaje"),
    [
        (_quitar_carpeta, "No existe la carpeta de respaldo"),
        (_vaciar_carpeta, "está vacía"),
        (_borrar_esquema, "faltan schema.sql"),
        (_romper_manifiesto, "está dañado o incompleto"),
        (_manifiesto_sin_tablas, "está dañado o incompleto"),
        (_truncar_parquet, "No se pudo leer el respaldo"),
        (_perder_una_fila, "actividades: 5 filas en lugar de 6"),
        (_cambiar_un_valor, "actividades: el contenido no coincide"),
    ],
)
def test_a_missing_empty_or_corrupt_backup_leaves_the_database_untouched(danar, mensaje, pequena, respaldo, capsys):
    antes = huella_archivo(pequena)
    danar(respaldo)
    assert main(["restore", str(respaldo), "--db", str(pequena), "--forzar"]) == 1
    error = capsys.readouterr().err
    assert mensaje in error
    assert "Traceback" not in error
    assert huella_archivo(pequena) == antes
    assert archivos(pequena.parent) == ["pizarras.duckdb"]


def test_a_corrupt_backup_does_not_create_a_database_where_there_was_none(respaldo, tmp_path):
    _perder_una_fila(respaldo)
    with pytest.raises(ErrorDeRespaldo, match="la base actual no se modificó"):
        restaurar(respaldo, tmp_path / "nueva" / "pizarras.duckdb")
    assert archivos(tmp_path / "nueva") == []


# --- The running app holds the file ---------------------------------------------------------------------------


def test_backup_and_restore_say_so_when_the_database_is_in_use(pequena, respaldo, tmp_path, capsys):
    antes = contenido_de(pequena)
    with retenida(pequena):
        assert main(["backup", str(tmp_path / "otro"), "--db", str(pequena)]) == 1
        error = capsys.readouterr().err
        assert "está abierta por otro proceso" in error and "Detenga la aplicación" in error
        assert not (tmp_path / "otro").exists()

        assert main(["restore", str(respaldo), "--db", str(pequena), "--forzar"]) == 1
        assert "está abierta por otro proceso" in capsys.readouterr().err
    assert contenido_de(pequena) == antes
    assert archivos(pequena.parent) == ["pizarras.duckdb"]
