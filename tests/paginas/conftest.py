from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def base_pequena(ruta_pequena, monkeypatch):
    """Every page test reads the hand-written fixture database unless it says otherwise."""
    monkeypatch.setenv("PIZARRAS_DB", str(ruta_pequena))
