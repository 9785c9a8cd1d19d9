from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from datos_prueba import construir_pequena  # noqa: E402
from seed.build import construir  # noqa: E402


@pytest.fixture(scope="session")
def ruta_pequena(tmp_path_factory) -> Path:
    """The hand-written fixture database (known answers in tests/datos_prueba.py)."""
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
    """The fixture database plus one account per role (tests/cuentas_prueba.py), created once per run."""
    from cuentas_prueba import copia, crear_usuarios

    return crear_usuarios(copia(ruta_pequena, tmp_path_factory.mktemp("usuarios") / "usuarios.duckdb"))


@pytest.fixture()
def con_escritura(ruta_con_usuarios, tmp_path):
    """A connection to a fresh copy of the database with accounts: each test writes on its own."""
    from cuentas_prueba import copia

    con = duckdb.connect(str(copia(ruta_con_usuarios, tmp_path / "escritura.duckdb")))
    yield con
    con.close()
