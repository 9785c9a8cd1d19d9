"""Start and stop the real server as `make run` does (`streamlit run servidor.py`) on a free loopback port, and sample
its CPU and memory. The one launcher of the bench and of the browser tests (tests/e2e/conftest.py), so both measure
and test the server as it is served."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from pizarras.config import RAIZ

CHROMIUM = "/usr/bin/chromium"
ARGUMENTOS_CHROMIUM = [  # hermetic (no request leaves the machine), no sandbox, no GPU; the browser tests use them too
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ProcesoServidor:
    """A server in a child process on a loopback port, with its log."""

    proceso: subprocess.Popen
    puerto: int
    registro: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.puerto}"

    def detener(self) -> None:
        detener_proceso(self.proceso)


@dataclass
class Servidor(ProcesoServidor):
    """The app under `streamlit run servidor.py`."""

    @property
    def url_ws(self) -> str:
        return f"ws://127.0.0.1:{self.puerto}/_stcore/stream"

    def sano(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as respuesta:
                return respuesta.status == 200
        except OSError:
            return False

    def esperar_salud(self, limite_s: float = 60) -> None:
        fin = time.monotonic() + limite_s
        while time.monotonic() < fin:
            if self.proceso.poll() is not None:
                raise RuntimeError(f"El servidor terminó con código {self.proceso.returncode}; véase {self.registro}")
            if self.sano():
                return
            time.sleep(0.05)
        raise TimeoutError(f"El servidor no respondió en {limite_s:.0f} s; véase {self.registro}")

    def rss_mb(self) -> float:
        return psutil.Process(self.proceso.pid).memory_info().rss / 2**20


def lanzar(db: Path, carpeta_registro: Path, opciones: dict[str, str] | None = None,
           entrada: str = "servidor.py", entorno: dict[str, str] | None = None, puerto: int | None = None,
           raiz: Path = RAIZ) -> Servidor:
    """`streamlit run servidor.py` (or another `entrada`) on `db`, headless on 127.0.0.1, with extra config
    `opciones` and environment `entorno`, on `puerto` or a free one; from the checkout at `raiz` (another one: the
    same-run baseline, bench/linea_base.py)."""
    puerto = puerto or puerto_libre()
    carpeta_registro.mkdir(parents=True, exist_ok=True)
    registro = carpeta_registro / f"servidor-{puerto}.log"
    argumentos = [
        sys.executable, "-m", "streamlit", "run", str(raiz / entrada),
        "--server.port", str(puerto), "--server.address", "127.0.0.1", "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]
    for clave, valor in (opciones or {}).items():
        argumentos += [f"--{clave}", valor]
    with open(registro, "w") as salida:
        proceso = subprocess.Popen(argumentos, cwd=raiz, env={**os.environ, "PIZARRAS_DB": str(db), **(entorno or {})},
                                   stdout=salida, stderr=subprocess.STDOUT)
    return Servidor(proceso, puerto, registro)


@dataclass
class Muestreo:
    """CPU (% of one core, summed over threads) and RSS of a process, sampled in a background thread."""

    pid: int
    intervalo_s: float = 0.5
    cpu: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._alto = threading.Event()
        self._hilo = threading.Thread(target=self._bucle, daemon=True)

    def _bucle(self) -> None:
        proceso = psutil.Process(self.pid)
        proceso.cpu_percent(None)
        while not self._alto.wait(self.intervalo_s):
            try:
                self.cpu.append(proceso.cpu_percent(None))
                self.rss_mb.append(proceso.memory_info().rss / 2**20)
            except psutil.Error:
                return

    def __enter__(self) -> Muestreo:
        self._hilo.start()
        return self

    def __exit__(self, *_) -> None:
        self._alto.set()
        self._hilo.join()

    def resumen(self) -> dict:
        if not self.cpu:
            return {"cpu_promedio_pct": None, "cpu_max_pct": None, "rss_max_mb": None}
        return {"cpu_promedio_pct": sum(self.cpu) / len(self.cpu), "cpu_max_pct": max(self.cpu),
                "rss_max_mb": max(self.rss_mb), "muestras": len(self.cpu)}


def detener_proceso(proceso: subprocess.Popen) -> None:
    """Stop a server process: politely, then for good after 15 s."""
    if proceso.poll() is None:
        proceso.terminate()
        try:
            proceso.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait()
