"""The command line as people run it: `python -m pizarras …` in a child process on a given database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]


def correr(db: Path, *argumentos: str, entrada: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pizarras", *argumentos],
        cwd=RAIZ, env={**os.environ, "PIZARRAS_DB": str(db)}, input=entrada, capture_output=True, text=True,
        timeout=120,
    )
