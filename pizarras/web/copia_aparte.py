"""The static copy served by a process of its own, on a port of its own, so a room of phones never queues behind
the presenter's slide change.

Served from the app's own process (`ConSitioPublico` in servidor.py), 1,000 phones loading a page share one event
loop with the live app: the bench measured the slide change at p95 388 ms under that load (target ≤ 300 ms).
Here the same files (`SitioPublico`, under the same `/publico/` prefix, so a link differs only by its port) come
from a second process, which asks the scheduler to put the live app first (`os.nice`): on a two-core laptop the
presenter's click wins the CPU and the phones wait a little longer instead.

`CopiaAparte` binds the port in the server (so it is known at once) and hands the socket to the child, which it
stops with the server; the child also watches its parent and exits when it is gone, so a killed server leaves no
process holding the port. No free port, or a child that died, leaves `puerto` None: the QR codes then use the copy
the app's own process still serves under /publico/ (pizarras.publicacion.puerta).

`python -m pizarras.web.copia_aparte --carpeta DIR --puerto P` serves a publication folder alone on 127.0.0.1
(the bench uses it).
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from starlette.responses import RedirectResponse

from pizarras.web.publico import PREFIJO, ConSitioPublico, SitioPublico, pagina_de_error

_registro = logging.getLogger("pizarras")

RAIZ = Path(__file__).resolve().parents[2]  # where `python -m pizarras...` finds the package
CORTESIA = 10  # the child's niceness: the live app and the presenter's slide go first
VARIABLE_PUERTO = "PIZARRAS_PUERTO_COPIA"


def puertos_a_probar(puerto_app: int, valor: str | None) -> list[int]:
    """The ports to try for the copy's process, from $PIZARRAS_PUERTO_COPIA (`valor`): that one port; unset, the
    app's port + 1 (8502 beside `make run`'s 8501: a port IT can open on the venue's firewall) and then any free
    one; 0 or «no»: none (the copy is served only by the app's own process, under /publico/)."""
    valor = (valor or "").strip().lower()
    if not valor:
        return [puerto_app + 1, 0] if puerto_app else [0]
    if valor in ("0", "no"):
        return []
    if not valor.isdigit() or not 0 < int(valor) < 65536:
        raise ValueError(f"{VARIABLE_PUERTO} debe ser un número de puerto (1 a 65535), o 0 para no servir la copia "
                         f"en un proceso aparte; tiene «{valor}».")
    return [int(valor)]


def abrir_socket(anfitrion: str, puertos: list[int]) -> socket.socket | None:
    """A listening socket on the first of `puertos` that is free (0: any), or None. Bound here, in the server, and
    handed to the child: the port is known at once and nobody can take it between the choice and the child's
    start; connections made before the child serves wait in the backlog."""
    familia = socket.AF_INET6 if ":" in anfitrion else socket.AF_INET
    for puerto in puertos:
        enchufe = socket.socket(familia, socket.SOCK_STREAM)
        try:
            enchufe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            enchufe.bind((anfitrion or "0.0.0.0", puerto))
            enchufe.listen(2048)
            return enchufe
        except OSError:
            enchufe.close()
    return None


class CopiaAparte:
    """The child process serving `carpeta` (a publication folder, or the symlink to one) on `anfitrion`."""

    def __init__(self, carpeta: Path, anfitrion: str, puertos: list[int], *, cortesia: int = CORTESIA,
                 registro: Path | None = None) -> None:
        self.carpeta, self.anfitrion, self.puertos = Path(carpeta), anfitrion, list(puertos)
        self.cortesia, self.registro = cortesia, registro
        self.error: str | None = None  # why it is not serving, in Spanish, once known
        self._puerto: int | None = None
        self._proceso: subprocess.Popen | None = None
        self._candado = threading.Lock()
        self._iniciada = False

    @property
    def puerto(self) -> int | None:
        """The port the audience can use: the child is alive; None otherwise (never started, failed, stopped)."""
        proceso = self._proceso
        return self._puerto if proceso is not None and proceso.poll() is None else None

    def iniciar(self) -> None:
        """Bind the port and start the child (once; later calls do nothing). Milliseconds: it does not wait for
        the child to import its modules."""
        if self._iniciada:
            return
        with self._candado:
            if self._iniciada:
                return
            self._iniciada = True
            enchufe = abrir_socket(self.anfitrion, self.puertos)
            if enchufe is None:
                self.error = f"ninguno de los puertos {', '.join(map(str, self.puertos))} está libre"
                _registro.warning("Copia estática aparte: %s; se sirve desde la app en %s/", self.error, PREFIJO)
                return
            argumentos = [sys.executable, "-m", "pizarras.web.copia_aparte", "--carpeta", str(self.carpeta),
                          "--enchufe", str(enchufe.fileno()), "--padre", str(os.getpid()),
                          "--cortesia", str(self.cortesia)]
            salida = open(self.registro, "ab") if self.registro else subprocess.DEVNULL
            try:
                self._proceso = subprocess.Popen(argumentos, cwd=RAIZ, stdin=subprocess.DEVNULL, stdout=salida,
                                                 stderr=subprocess.STDOUT, pass_fds=(enchufe.fileno(),))
                self._puerto = enchufe.getsockname()[1]
                _registro.info("Copia estática servida aparte en el puerto %s", self._puerto)
            except OSError as error:
                self.error = f"no se pudo iniciar el proceso de la copia ({error})"
                _registro.warning("Copia estática aparte: %s", self.error)
            finally:
                enchufe.close()  # the child holds its own copy
                if salida is not subprocess.DEVNULL:
                    salida.close()

    def detener(self, espera_s: float = 5.0) -> None:
        with self._candado:
            self._iniciada = True  # a late call to iniciar() starts nothing
            proceso = self._proceso
        if proceso is not None and proceso.poll() is None:
            proceso.terminate()
            try:
                proceso.wait(espera_s)
            except subprocess.TimeoutExpired:
                proceso.kill()
                proceso.wait(espera_s)


_EN_ESTE_PROCESO: CopiaAparte | None = None


def registrar(copia: CopiaAparte | None) -> None:
    """The child this server started (servidor.py); None: it serves the copy only from its own process."""
    global _EN_ESTE_PROCESO
    _EN_ESTE_PROCESO = copia


def puerto_en_este_proceso() -> int | None:
    """The port of the copy's own process, when this server started one and it is serving."""
    return _EN_ESTE_PROCESO.puerto if _EN_ESTE_PROCESO is not None else None


# ------------------------------------------------------------------------------------------------ the child


def aplicacion(carpeta: Path):
    """The ASGI app of the child: the site under /publico/ (as in servidor.py), `/` → /publico/, else 404."""

    async def fuera_del_sitio(scope, receive, send):
        if scope["type"] == "http" and scope.get("path") == "/":
            await RedirectResponse(PREFIJO + "/", status_code=307)(scope, receive, send)
            return
        await pagina_de_error(404, {**scope, "root_path": PREFIJO})(scope, receive, send)

    return ConSitioPublico(fuera_del_sitio, SitioPublico(carpeta), PREFIJO)


def _vigilar_padre(padre: int) -> None:
    """Exit when the server that started this process is gone (its children are re-parented)."""
    while os.getppid() == padre:
        time.sleep(1.0)
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sirve una publicación de las pizarras como archivos estáticos.")
    parser.add_argument("--carpeta", type=Path, required=True, help="la carpeta publicada (o el enlace a ella)")
    donde = parser.add_mutually_exclusive_group(required=True)
    donde.add_argument("--puerto", type=int, help="escucha en 127.0.0.1 en este puerto")
    donde.add_argument("--enchufe", type=int, help="sirve en este socket ya abierto (lo hereda del servidor)")
    parser.add_argument("--padre", type=int, help="termina cuando termina este proceso")
    parser.add_argument("--cortesia", type=int, default=0, help="cuánto ceder la CPU a los demás (os.nice)")
    args = parser.parse_args(argv)
    if args.cortesia:
        os.nice(args.cortesia)
    if args.padre:
        threading.Thread(target=_vigilar_padre, args=(args.padre,), daemon=True).start()
    import uvicorn  # Streamlit's own server (asyncio, h11)

    opciones = {"log_level": "warning", "access_log": False, "lifespan": "off"}
    if args.enchufe is None:
        uvicorn.run(aplicacion(args.carpeta), host="127.0.0.1", port=args.puerto, **opciones)
    else:
        servidor = uvicorn.Server(uvicorn.Config(aplicacion(args.carpeta), **opciones))
        servidor.run(sockets=[socket.socket(fileno=args.enchufe)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
