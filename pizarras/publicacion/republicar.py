"""The presenter's static copy kept current: the server republishes the site (`sitio.publicar`) in a background
thread whenever what the public sees changes, and serves the latest copy under /publico/ (`servidor.py`).

**The signal.** What the public sees changes only when a record's published version does, and every such change —
a validation, a bulk validation, a validated import, an import rolled back — writes one `publicar` row in the audit
log, in the same transaction (pizarras/escritura/publicacion.py). So the version of the public data is the id of the
newest `publicar` row (`queries/publicacion/ultima_publicacion.sql`), together with today's date (the boards count
overdue activities against today). A thread reads it every `intervalo_s` on a cursor of the app's connection: one
indexed max over the audit log, a millisecond. Drafts, sends, returns and logins are audited too but publish
nothing, so they never trigger a publication (the open-data page's key, the newest audit row of any kind, would).
Polling catches every writer in the process — the pages, an import, a maintenance call — without each having to
remember a hook; clearing the read caches (`pizarras.ui.datos.invalidar_cache`) is per page and would miss a
writer that forgot it.

**Coalescing.** A change is published once the version has been still for `calma_s` (a reviewer validating twenty
records one by one publishes once, after the last), or `espera_maxima_s` after the first unpublished change if it
never settles. One thread, so at most one publication at a time; changes made during one are seen by the next
look and published together afterwards.

**Atomic and safe.** Each publication is written to a new folder (`sitio-<when>`, itself written beside and renamed
by `publicar`), then a symlink `sitio` is replaced with `os.replace`: a request resolves either the old copy or the
new one, never a half-written one, and there is no instant without a site. The previous copy is kept (a request
that resolved it a moment before still finds its files) and older ones deleted. A publication that fails is logged
and leaves the link as it was: the previous copy stays served, and it is tried again when the data change or after
`reintento_s`. The version is read before the publication starts, so a change committed while it runs is published
by the next one.

The thread starts with `activar()`: `servidor.py` calls it at start when the server listens on the venue's network
(or on the first request for /publico/), so a server bound to this machine only — tests, the bench — publishes
nothing until someone asks for the copy.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from pizarras.base.consultas import ejecutar
from pizarras.publicacion import sitio

_registro = logging.getLogger("pizarras")

ENLACE = "sitio"  # the symlink to the copy being served
PREFIJO_COPIA = "sitio-"
ESTADO = "publicada.json"


@dataclass(frozen=True)
class CopiaPublicada:
    carpeta: Path  # the copy's own folder (what `sitio` points at)
    publicada: datetime  # when it was written: the site's «fecha de extracción»
    version: int  # the newest `publicar` audit row it includes
    segundos: float  # how long it took


def version_publica(con: duckdb.DuckDBPyConnection) -> int:
    """The id of the newest `publicar` audit row (0 when nothing was ever published through the app)."""
    return int(ejecutar(con, "publicacion/ultima_publicacion", {})["ultima_publicacion"].iloc[0])


class Republicador:
    """Keeps `carpeta/sitio` a current publication of the database behind `conexion()` (called in the thread; a
    cursor of it does the reading)."""

    def __init__(self, conexion: Callable[[], duckdb.DuckDBPyConnection], carpeta: Path, *,
                 intervalo_s: float = 2.0, calma_s: float = 3.0, espera_maxima_s: float = 30.0,
                 reintento_s: float = 120.0,
                 publicar: Callable[[duckdb.DuckDBPyConnection, Path, datetime], object] = sitio.publicar,
                 hoy: Callable[[], date] = date.today, al_activar: Callable[[], None] | None = None) -> None:
        self.conexion, self.carpeta = conexion, Path(carpeta)
        self._al_activar = al_activar  # what else starts with the upkeep (servidor.py: the copy's own process)
        self.intervalo_s, self.calma_s, self.espera_maxima_s = intervalo_s, calma_s, espera_maxima_s
        self.reintento_s, self._publicar, self._hoy = reintento_s, publicar, hoy
        self.publicaciones = 0  # finished publications by this object (tests and the log read it)
        self.fallos = 0
        self.ultimo_error: str | None = None
        self._ultima: CopiaPublicada | None = self._copia_en_disco()  # served until the first publication is done
        self._anterior: str | None = None  # the copy served before the current one (kept for in-flight requests)
        self._publicando = False
        self._hilo: threading.Thread | None = None
        self._candado = threading.Lock()
        self._alto = threading.Event()
        self._aviso = threading.Event()

    # ------------------------------------------------------------------------------------------ what others read

    @property
    def sitio(self) -> Path:
        """The folder to serve (a symlink to the current copy)."""
        return self.carpeta / ENLACE

    @property
    def ultima(self) -> CopiaPublicada | None:
        """The copy being served, once this process has published one."""
        return self._ultima

    @property
    def publicando(self) -> bool:
        return self._publicando

    @property
    def activo(self) -> bool:
        return self._hilo is not None and self._hilo.is_alive()

    # ------------------------------------------------------------------------------------------ control

    def activar(self) -> None:
        """Start the thread (once; later calls do nothing). Its first look publishes."""
        if self._hilo is not None:
            return
        if self._al_activar is not None:
            self._al_activar()
        with self._candado:
            if self._hilo is not None:
                return
            self._hilo = threading.Thread(target=self._bucle, name="republicador", daemon=True)
            self._hilo.start()

    def avisar(self) -> None:
        """Look now rather than at the next interval (after a write, for instance)."""
        self._aviso.set()

    def detener(self, espera_s: float = 10.0) -> None:
        """Stop the thread; a publication under way finishes first, for at most `espera_s`."""
        self._alto.set()
        self._aviso.set()
        if self._hilo is not None:
            self._hilo.join(espera_s)

    # ------------------------------------------------------------------------------------------ the thread

    def _bucle(self) -> None:
        try:
            self._limpiar_restos()
        except OSError:
            _registro.exception("No se pudieron borrar los restos de una publicación interrumpida")
        publicada: tuple | None = None  # the version the served copy has
        pendiente: tuple | None = None  # a newer version seen, not yet published
        vista_primera = vista_ultima = 0.0  # when a change was first and last seen
        reintentar_en = 0.0
        fallida: tuple | None = None
        while not self._alto.is_set():
            ahora = time.monotonic()
            version = self._leer_version()  # never raises
            if version is not None and version != publicada:
                if version != pendiente:
                    if pendiente is None:
                        vista_primera = ahora
                    pendiente, vista_ultima = version, ahora
                quieta = ahora - vista_ultima >= self.calma_s or publicada is None
                vencida = ahora - vista_primera >= self.espera_maxima_s
                puede = version != fallida or ahora >= reintentar_en
                if (quieta or vencida) and puede:
                    if self._una_publicacion(version[0]):
                        publicada, pendiente, fallida = version, None, None
                    else:
                        fallida, reintentar_en = version, time.monotonic() + self.reintento_s
                    continue  # look again at once: changes may have come while it ran
            self._aviso.wait(self.intervalo_s)
            self._aviso.clear()

    def _leer_version(self) -> tuple[int, date] | None:
        try:
            with self.conexion().cursor() as cur:
                return version_publica(cur), self._hoy()
        except Exception as error:  # noqa: BLE001 — no database yet, or it cannot be opened: look again later
            mensaje = str(error)
            if mensaje != self.ultimo_error:
                _registro.warning("La copia pública no puede leer la base: %s", mensaje)
                self.ultimo_error = mensaje
            return None

    def _una_publicacion(self, version: int) -> bool:
        """Publish once into a new folder and swap it in; False (logged, the old copy kept) when it fails."""
        ahora = datetime.now()
        nueva = self.carpeta / f"{PREFIJO_COPIA}{ahora:%Y%m%d-%H%M%S-%f}"
        inicio = time.perf_counter()
        self._publicando = True
        try:
            self.carpeta.mkdir(parents=True, exist_ok=True)
            with self.conexion().cursor() as cur:
                self._publicar(cur, nueva, ahora)
            if not (nueva / "index.html").is_file():
                raise sitio.ErrorDePublicacion(f"la publicación en «{nueva}» no dejó index.html")
            copia = CopiaPublicada(nueva, ahora, version, time.perf_counter() - inicio)
            self._poner_en_lugar(copia)
        except Exception as error:  # noqa: BLE001 — the previous copy stays served; the log keeps the detail
            self.fallos += 1
            self.ultimo_error = f"{type(error).__name__}: {error}"
            _registro.exception("No se pudo publicar la copia pública; se sigue sirviendo la anterior")
            shutil.rmtree(nueva, ignore_errors=True)
            return False
        finally:
            self._publicando = False
        self._ultima = copia
        self.publicaciones += 1
        self.ultimo_error = None
        _registro.info("Copia pública publicada en %.1f s (%s)", copia.segundos, copia.carpeta.name)
        self._borrar_viejas(conservar={copia.carpeta.name, self._anterior})
        return True

    def _poner_en_lugar(self, copia: CopiaPublicada) -> None:
        """Point `sitio` at the new copy in one rename, then record it in `publicada.json` (also one rename)."""
        enlace = self.sitio
        if enlace.is_symlink():
            self._anterior = os.readlink(enlace)
        elif enlace.exists():  # a folder published there by hand: moved aside once, kept as the previous copy
            self._anterior = f"{PREFIJO_COPIA}anterior-{copia.publicada:%Y%m%d-%H%M%S-%f}"
            os.replace(enlace, self.carpeta / self._anterior)
        temporal = self.carpeta / f".{ENLACE}.{os.getpid()}.enlace"
        temporal.unlink(missing_ok=True)
        os.symlink(copia.carpeta.name, temporal)  # relative: the folder can be moved or copied whole
        os.replace(temporal, enlace)
        estado = {"carpeta": copia.carpeta.name, "publicada": copia.publicada.isoformat(),
                  "version": copia.version, "segundos": copia.segundos}
        temporal = self.carpeta / f".{ESTADO}.{os.getpid()}"
        temporal.write_text(json.dumps(estado, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temporal, self.carpeta / ESTADO)

    def _borrar_viejas(self, conservar: set[str | None]) -> None:
        for ruta in self.carpeta.glob(f"{PREFIJO_COPIA}*"):
            if ruta.name not in conservar and ruta.is_dir() and not ruta.is_symlink():
                shutil.rmtree(ruta, ignore_errors=True)

    def _limpiar_restos(self) -> None:
        """What an interrupted run left here: half-written folders and links (names starting with `.`)."""
        if not self.carpeta.is_dir():
            return
        for ruta in self.carpeta.glob(f".{PREFIJO_COPIA}*"):
            shutil.rmtree(ruta, ignore_errors=True) if ruta.is_dir() else ruta.unlink(missing_ok=True)
        for ruta in [*self.carpeta.glob(f".{ENLACE}.*"), *self.carpeta.glob(f".{ESTADO}.*")]:
            ruta.unlink(missing_ok=True)

    def _copia_en_disco(self) -> CopiaPublicada | None:
        """The copy an earlier run of the server left in place (what /publico/ serves right now), if any."""
        try:
            estado = json.loads((self.carpeta / ESTADO).read_text(encoding="utf-8"))
            carpeta = self.carpeta / estado["carpeta"]
            if self.sitio.resolve() != carpeta.resolve() or not (carpeta / "index.html").is_file():
                return None
            return CopiaPublicada(carpeta, datetime.fromisoformat(estado["publicada"]), int(estado["version"]),
                                  float(estado.get("segundos", 0)))
        except (OSError, ValueError, KeyError, TypeError):
            return None


_EN_ESTE_PROCESO: Republicador | None = None


def registrar(republicador: Republicador | None) -> None:
    """The republisher whose copy this process serves under /publico/ (servidor.py); None: none."""
    global _EN_ESTE_PROCESO
    _EN_ESTE_PROCESO = republicador


def en_este_proceso() -> Republicador | None:
    """The registered republisher, if this process serves a copy (not under `streamlit run app.py`)."""
    return _EN_ESTE_PROCESO
