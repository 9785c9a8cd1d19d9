"""Where things live on disk; the database path comes from the environment so tests and tools can point elsewhere."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
CARPETA_CONSULTAS = RAIZ / "queries"
CARPETA_SEED = RAIZ / "seed"
RUTA_DB_PREDETERMINADA = RAIZ / "data" / "pizarras.duckdb"


def ruta_db() -> Path:
    """The DuckDB file the app and every command use: $PIZARRAS_DB, else data/pizarras.duckdb."""
    valor = os.environ.get("PIZARRAS_DB", "").strip()
    return Path(valor) if valor else RUTA_DB_PREDETERMINADA


def url_publica() -> str | None:
    """$PIZARRAS_URL_PUBLICA without its trailing slash: the address the public reaches (the published static site,
    or the app), for links, QR codes and the open data's catalogue; None when it is not set."""
    valor = os.environ.get("PIZARRAS_URL_PUBLICA", "").strip()
    return valor.rstrip("/") or None


def contacto_datos_abiertos() -> tuple[str | None, str | None]:
    """Who answers questions about the open data (name, e-mail): $PIZARRAS_CONTACTO_NOMBRE and
    $PIZARRAS_CONTACTO_CORREO; None where unset (the domain notes name no verified contact, so none is assumed)."""
    return (os.environ.get("PIZARRAS_CONTACTO_NOMBRE", "").strip() or None,
            os.environ.get("PIZARRAS_CONTACTO_CORREO", "").strip() or None)
def carpeta_publica(ruta: Path | None = None) -> Path:
    """Where the server keeps the static copy it serves under /publico/ (pizarras.publicacion.republicar): beside
    the database, one folder per database file (data/publico/pizarras/ for data/pizarras.duckdb), so two servers
    on two databases never write the same copy."""
    ruta = ruta or ruta_db()
    return ruta.parent / "publico" / ruta.stem


ARCHIVO_CLAVE_COOKIE = RAIZ / ".streamlit" / "clave_cookie"


def clave_cookie(archivo: Path | None = None) -> str:
    """The key that signs login cookies: $PIZARRAS_CLAVE_COOKIE, else a random key generated on first use into a
    git-ignored file only its owner can read. Whoever knows it can forge any session, so it never enters git;
    changing it logs everyone out."""
    valor = os.environ.get("PIZARRAS_CLAVE_COOKIE", "").strip()
    if valor:
        return valor
    archivo = archivo or ARCHIVO_CLAVE_COOKIE
    if not archivo.is_file():
        archivo.parent.mkdir(parents=True, exist_ok=True)
        # Written whole under another name, then linked into place: a reader never sees a half-written key, and
        # of two processes starting together the first link wins and both use that key.
        temporal = archivo.with_name(f".{archivo.name}.{os.getpid()}")
        descriptor = os.open(temporal, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as salida:
            salida.write(secrets.token_urlsafe(48))
        try:
            os.link(temporal, archivo)
        except FileExistsError:
            pass
        finally:
            temporal.unlink()
    return archivo.read_text().strip()
