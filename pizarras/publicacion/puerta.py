"""Which door a slide's QR code and short link open for the audience, and how the presenter is told.

- `PIZARRAS_URL_PUBLICA` set: that address (a hosted copy of the site, or this app at a fixed address), with the
  app's page path and the slide's filters: `<URL>/pizarra_region?region=norte`.
- Otherwise, when the presenter's browser reached this server by an address phones can reach too (not 127.0.0.1 or
  localhost): the static copy this same server publishes (pizarras.publicacion.republicar) — from its own process
  on its own port when that runs (pizarras.web.copia_aparte: `http://<host>:8502/publico/pizarra_region/?region=norte`),
  else (or when the app is reached over https, through a proxy) under /publico/ on the app's port —
  once a copy is there. A room of phones reads
  plain files and the live app keeps its process for the presenter. Until the copy exists (the first publication
  takes seconds), or when this server does not serve one (`streamlit run app.py`), the live board at that address.
- On this machine only: no door (the slide shows how to serve the venue's network instead).

Pure functions of their inputs (no Streamlit): the page gives the browser's address and the copy's state.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlparse

from pizarras.estilo import fecha_hora
from pizarras.publicacion.diapositivas import url_audiencia
from pizarras.web.publico import PREFIJO as PREFIJO_COPIA

VARIABLE_URL_PUBLICA = "PIZARRAS_URL_PUBLICA"

SITIO, COPIA, EN_VIVO = "sitio", "copia", "en_vivo"


@dataclass(frozen=True)
class EstadoCopia:
    """The static copy as this process knows it."""

    servida: bool  # this server serves /publico/ (servidor.py), not `streamlit run app.py`
    publicada: datetime | None = None  # when the copy being served was written; None: none yet
    publicando: bool = False  # a (re)publication is under way
    error: str | None = None  # why the last attempt failed, if it did
    puerto: int | None = None  # the port of the copy's own process (pizarras.web.copia_aparte), when it serves


@dataclass(frozen=True)
class Puerta:
    tipo: str  # SITIO, COPIA or EN_VIVO
    base: str  # the address the page paths hang from
    copia: EstadoCopia | None = None
    puerto_aparte: int | None = None  # the base is the copy's own process, on this port

    def url(self, vista: str, filtros: Mapping[str, Sequence[str]]) -> str:
        """The audience's link for a slide of `vista` with its stored `filtros` (URL form)."""
        return url_audiencia(self.base, vista, filtros, carpeta=self.tipo == COPIA)

    def descripcion(self) -> str:
        """One sentence for the presenter (never on the projected slide): which door the audience gets."""
        if self.tipo == SITIO:
            return (f"El público abre {self.base} ({VARIABLE_URL_PUBLICA}), en la página de cada diapositiva y con "
                    "sus filtros.")
        if self.tipo == COPIA:
            aparte = (f", en un proceso aparte de la aplicación (puerto {self.puerto_aparte}: si el lugar tiene "
                      "cortafuegos, ese puerto debe estar abierto)" if self.puerto_aparte else "")
            texto = (f"El público abre la copia estática publicada el {fecha_hora(self.copia.publicada)} en "
                     f"{self.base}/, servida por este equipo{aparte}: solo archivos, así un salón lleno de teléfonos "
                     "no carga la aplicación. Se vuelve a publicar sola unos segundos después de cada validación.")
            return texto + (" Ahora mismo se está publicando una versión nueva." if self.copia.publicando else "")
        return f"El público abre la pizarra en vivo en {self.base}: {_por_que_en_vivo(self.copia)}"


def _por_que_en_vivo(copia: EstadoCopia | None) -> str:
    if copia is None or not copia.servida:
        return ("este servidor no sirve la copia estática (arránquelo con «make run HOST=0.0.0.0», que sirve "
                "servidor.py, para que los teléfonos abran la copia).")
    if copia.error and not copia.publicando:
        return (f"no se pudo publicar la copia estática ({copia.error}); se vuelve a intentar cuando cambien los "
                "datos, y el registro del servidor tiene el detalle.")
    return ("la copia estática se está publicando; en cuanto esté lista, los códigos QR de las diapositivas "
            "llevarán a ella.")


def solo_esta_maquina(host: str | None) -> bool:
    """127.0.0.1, ::1 and localhost: an address no phone can reach (also no address at all)."""
    if not host or host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def elegir(url_publica: str | None, url_navegador: str | None, copia: EstadoCopia | None) -> Puerta | None:
    """The door for the audience, from $PIZARRAS_URL_PUBLICA, the address the presenter's browser used (the page's
    URL) and the state of this server's static copy; None when the presenter is on this machine only."""
    configurada = (url_publica or "").strip()
    if configurada:
        return Puerta(SITIO, configurada.rstrip("/"))
    url = urlparse(url_navegador or "")
    if solo_esta_maquina(url.hostname):
        return None
    origen = f"{url.scheme}://{url.netloc}"
    if copia is not None and copia.servida and copia.publicada is not None:
        if copia.puerto and url.scheme == "http":  # behind an https proxy, only the app's own port is proxied
            anfitrion = f"[{url.hostname}]" if ":" in url.hostname else url.hostname
            return Puerta(COPIA, f"http://{anfitrion}:{copia.puerto}{PREFIJO_COPIA}", copia, copia.puerto)
        return Puerta(COPIA, origen + PREFIJO_COPIA, copia)
    return Puerta(EN_VIVO, origen, copia)
