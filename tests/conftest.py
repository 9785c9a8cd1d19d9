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
