from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from seed.build import construir
from tests.apoyo.datos_prueba import construir_pequena


@pytest.fixture(scope="session")
def ruta_pequena(tmp_path_factory) -> Path:
    """The hand-written fixture database (known answers in tests/apoyo/datos_prueba.py)."""
    return construir_pequena(tmp_path_factory.mktemp("pequena") / "pequena.duckdb")


@pytest.fixture(scope="session")
def ruta_seed(tmp_path_factory) -> Path:
    """The full database built from seed/, as `make data` builds it."""
    return construir(tmp_path_factory.mktemp("seed") / "pizarras.duckdb")


@pytest.fixture()
def con_pequena(ruta_pequena):
    con = duckdb.connect(str(ruta_pequena))
    yield con
    con.close()


@pytest.fixture(scope="module")
def con_seed(ruta_seed):
    con = duckdb.connect(str(ruta_seed))
    yield con
    con.close()


@pytest.fixture(scope="session")
def ruta_con_usuarios(ruta_pequena, tmp_path_factory) -> Path:
    """The fixture database plus one account per role (tests/apoyo/cuentas_prueba.py), created once per run."""
    from tests.apoyo.cuentas_prueba import copia, crear_usuarios

    return crear_usuarios(copia(ruta_pequena, tmp_path_factory.mktemp("usuarios") / "usuarios.duckdb"))


@pytest.fixture()
def con_escritura(ruta_con_usuarios, tmp_path):
    """A connection to a fresh copy of the database with accounts: each test writes on its own."""
    from tests.apoyo.cuentas_prueba import copia

    con = duckdb.connect(str(copia(ruta_con_usuarios, tmp_path / "escritura.duckdb")))
    yield con
    con.close()
