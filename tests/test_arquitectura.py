"""The package's layering (.importlinter): layers import only downwards, the read and write sides never import each
other, and nothing outside pizarras.ui imports Streamlit. Checked by import-linter on the code as it is on disk, so a
new module is covered the moment it exists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]


def test_the_import_contracts_hold():
    salida = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--config", str(RAIZ / ".importlinter"), "--no-cache"],
        cwd=RAIZ, capture_output=True, text=True,
    )
    assert salida.returncode == 0, salida.stdout + salida.stderr
    assert "0 broken" in salida.stdout and "3 kept" in salida.stdout
