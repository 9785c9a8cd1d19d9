"""The same-run baseline of the audience section: an earlier commit, checked out in a temporary worktree with its own
database built by its own seed, served beside the current app and measured alternately with it, so a regression
shows as a ratio above 1 whatever the machine's mood that day (issue #22).

`ec8a9dc` by default: the last commit before the write side, the one the live-speed issue compares against. Its
requirements are a subset of today's, at the same versions, so the project's virtual environment runs it; a commit
that needs other versions is refused with the difference named rather than measured with the wrong libraries.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pizarras.config import RAIZ

COMMIT_PREDETERMINADO = "ec8a9dc"


@dataclass(frozen=True)
class LineaBase:
    commit: str  # as asked for
    completo: str  # the full hash
    raiz: Path  # its checkout
    db: Path  # its own database, built by its own seed
    entrada: str  # what its `make run` serves: servidor.py, or app.py before there was one

    def retirar(self) -> None:
        """Remove the worktree (its database with it)."""
        subprocess.run(["git", "worktree", "remove", "--force", str(self.raiz)], cwd=RAIZ, check=False,
                       capture_output=True)


def _git(*argumentos: str, cwd: Path = RAIZ) -> str:
    return subprocess.run(["git", *argumentos], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def commit_completo(commit: str) -> str | None:
    """The full hash of `commit` in this repository, or None when it is not there."""
    try:
        return _git("rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}")
    except subprocess.CalledProcessError:
        return None


def requisitos_que_faltan(commit: str) -> list[str]:
    """The pinned requirements of `commit` that today's requirements.txt does not pin the same (empty: it runs here)."""
    def fijados(texto: str) -> set[str]:
        return {linea.strip() for linea in texto.splitlines() if linea.strip() and not linea.startswith("#")}

    return sorted(fijados(_git("show", f"{commit}:requirements.txt")) - fijados((RAIZ / "requirements.txt").read_text()))


def preparar(commit: str, carpeta: Path, aviso=print) -> LineaBase:
    """Check out `commit` under `carpeta` (a fresh worktree) and build its database as its own `make data` does."""
    completo = commit_completo(commit)
    if completo is None:
        raise RuntimeError(f"No existe el commit «{commit}» en este repositorio (¿un clon superficial?): elija otro con "
                           "--linea-base, o --linea-base no para no comparar.")
    faltan = requisitos_que_faltan(completo)
    if faltan:
        raise RuntimeError(f"La línea base {commit} pide versiones que este entorno no tiene: {', '.join(faltan)}")
    raiz = carpeta / f"linea-base-{completo[:12]}"
    if raiz.exists():
        LineaBase(commit, completo, raiz, raiz, "").retirar()
    carpeta.mkdir(parents=True, exist_ok=True)
    _git("worktree", "add", "--detach", "--force", str(raiz), completo)
    db = raiz / "data" / "pizarras.duckdb"
    aviso(f"  línea base {commit}: construyendo su base con su propia semilla…")
    subprocess.run([sys.executable, "-m", "seed.build"], cwd=raiz, check=True, capture_output=True,
                   env={**os.environ, "PIZARRAS_DB": str(db)})
    entrada = "servidor.py" if (raiz / "servidor.py").exists() else "app.py"
    return LineaBase(commit, completo, raiz, db, entrada)


def razones(actual: dict, base: dict) -> dict:
    """Current over baseline for one audience: p50 and p95 latency (above 1: slower now) and changes per second
    (below 1: fewer served now). None where either side has no figure."""
    def razon(a, b):
        return None if a is None or not b else round(a / b, 2)

    return {"p50": razon(actual["latencia_ms"]["p50"], base["latencia_ms"]["p50"]),
            "p95": razon(actual["latencia_ms"]["p95"], base["latencia_ms"]["p95"]),
            "cambios_por_s": razon(actual["interacciones_por_s"], base["interacciones_por_s"])}
