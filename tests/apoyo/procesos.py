"""Parent side of the fault tests: start tests/apoyo/hijo_fallas.py and wait, with a deadline, for the steps it reports."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

HIJO = str(Path(__file__).resolve().parent / "hijo_fallas.py")
LIMITE = 120  # seconds; generous for a loaded 2-core machine, but a hung child still fails the test


class Hijo:
    """A child process whose stdout is a sequence of words, one a line."""

    def __init__(self, *argumentos: str, amable: bool = False):
        self.amable = amable  # on exit: close stdin and let it finish (True) or SIGKILL it (False)
        self.proceso = subprocess.Popen(
            [sys.executable, HIJO, *argumentos], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._pendiente = b""
        self.vistas: list[str] = []

    def esperar(self, palabra: str, limite: float = LIMITE) -> None:
        """Block until the child prints `palabra`; fail (with its stderr) if it dies or the deadline passes."""
        fin = time.monotonic() + limite
        descriptor = self.proceso.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(descriptor, selectors.EVENT_READ)
            while palabra not in self.vistas:
                restante = fin - time.monotonic()
                if restante <= 0 or not selector.select(restante):
                    self.matar()
                    raise AssertionError(f"El proceso hijo no dijo {palabra!r} a tiempo: {self._error()}")
                trozo = os.read(descriptor, 4096)
                if not trozo:
                    self.proceso.wait(timeout=LIMITE)
                    raise AssertionError(
                        f"El proceso hijo terminó ({self.proceso.returncode}) sin decir {palabra!r}: {self._error()}"
                    )
                *lineas, self._pendiente = (self._pendiente + trozo).split(b"\n")
                self.vistas += [linea.decode().strip() for linea in lineas]

    def matar(self) -> None:
        """SIGKILL: no handler, no atexit, no checkpoint."""
        if self.proceso.poll() is None:
            self.proceso.send_signal(signal.SIGKILL)
        self.proceso.wait(timeout=LIMITE)

    def terminar(self) -> None:
        """Close its stdin (a holding child then closes the database and exits); kill it if it does not."""
        if not self.amable:
            self.matar()
        if self.proceso.poll() is None:
            self.proceso.stdin.close()
            try:
                self.proceso.wait(timeout=LIMITE)
            except subprocess.TimeoutExpired:
                self.matar()
        for tubo in (self.proceso.stdin, self.proceso.stdout, self.proceso.stderr):
            tubo.close()

    def _error(self) -> str:
        if self.proceso.poll() is None:
            return "(sigue vivo)"
        return self.proceso.stderr.read().decode(errors="replace")[-2000:]

    def __enter__(self) -> Hijo:
        return self

    def __exit__(self, *_):
        self.terminar()


def retenida(ruta: Path) -> Hijo:
    """A child that holds `ruta` open (DuckDB's file lock) until the `with` block ends."""
    hijo = Hijo("retener", str(ruta), amable=True)
    try:
        hijo.esperar("abierta")
    except BaseException:
        hijo.terminar()
        raise
    return hijo
