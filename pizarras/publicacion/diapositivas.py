"""What a presentation slide shows: a board view with its own filters, reduced to a title, a few KPIs and one chart
set in type readable from the back of a room, plus the audience's link to the same board in the normal view.

A slide reuses the boards (pizarras.lectura.tableros) and their charts (pizarras.graficas.avance*) and only restyles the figure for
a projector; it never shows drafts (the caller passes validated-only filters). A view that cannot be drawn with the
slide's filters (no región chosen for «one región's organismos») comes back as an empty slide with a calm message,
never as an error.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import segno

from pizarras.graficas import proyector
from pizarras.graficas.declaradas import figura_de
from pizarras.graficas.mapa import figura_mapa
from pizarras.lectura.cifras import Cifra, elegir
from pizarras.lectura.filtros import DEFINICIONES, Filtros, Opcion, describir, desde_url
from pizarras.lectura.tableros import Consultar, ultima_validacion, validados_al
from pizarras.lectura.tableros import capacitaciones as t_capacitaciones
from pizarras.lectura.tableros import compromisos as t_compromisos
from pizarras.lectura.tableros.mapa import mapa_entidades
from pizarras.lectura.tableros.nacional import pizarra_nacional
from pizarras.lectura.tableros.organismo import pizarra_organismo
from pizarras.lectura.tableros.region import pizarra_region

_registro = logging.getLogger("pizarras")

# Projector theme: black on white (a washed-out projector keeps it legible), large type, thick bars.
TEXTO_PROYECTOR = "#000000"


@dataclass(frozen=True)
class Pantalla:
    """The projector's window in CSS pixels, and the slide's geometry at that size: every size on a slide is its
    size at 1280×720 times `escala`, so a 1920×1080 or 3840×2160 screen shows the same slide larger, never a small
    chart in the top half. The page's style sheet and the figure read the same numbers."""

    ancho: int = 1280
    alto: int = 720

    @property
    def escala(self) -> float:
        return round(min(max(min(self.ancho / 1280, self.alto / 720), 0.75), 4.0), 3)

    def px(self, tamano: float) -> float:
        """`tamano` pixels at 1280×720, at this screen's size."""
        return round(tamano * self.escala, 1)

    # Sizes at 1280×720, in pixels (the CSS of pizarras.ui.presentacion uses them).
    RELLENO_ARRIBA, RELLENO_LADOS, RELLENO_ABAJO, HUECO = 12, 32, 8, 7
    TITULO, LEYENDA, CIFRA, CIFRA_ETIQUETA, FUENTE_GRAFICA = 40, 17, 38, 17, 20
    FILA_TITULO, FILA_CIFRAS = 82, 84  # the title with its caption; a row of KPIs
    PARTE_GRAFICA = 5 / 6  # of the width: the rest is the audience's QR code

    def grafica(self, con_cifras: bool, con_qr: bool = True) -> tuple[int, int]:
        """(width, height) in pixels of the slide's chart: what the title, KPIs, the QR code (`con_qr`) and the
        paddings leave, a little less than all of it so that rounding never makes the page scroll."""
        ocupado = self.RELLENO_ARRIBA + self.FILA_TITULO + self.HUECO + self.RELLENO_ABAJO
        if con_cifras:
            ocupado += self.FILA_CIFRAS + self.HUECO
        alto = self.alto - self.px(ocupado) - 0.015 * self.alto
        ancho = (self.ancho - 2 * self.px(self.RELLENO_LADOS)) * (self.PARTE_GRAFICA if con_qr else 1) - self.px(16)
        return max(200, int(ancho)), max(160, int(alto))


@dataclass(frozen=True)
class Lamina:
    """One drawn slide: title, the filters in words, KPIs (label, value) and one figure, or a calm message, and
    «Datos validados al …» (the newest validation among what it shows; None when nothing shown is validated)."""

    titulo: str
    filtros_texto: str
    kpis: list[tuple[str, str]] = field(default_factory=list)
    figura: go.Figure | None = None
    mensaje: str | None = None  # shown instead of the chart when there is nothing to draw
    validados: str | None = None
    mapa: bool = False  # the tile map: redrawn with square cells, not as bars


@dataclass(frozen=True)
class Vista:
    clave: str
    nombre: str  # Spanish, for the deck editor and the default slide title
    pagina: str  # URL path of the interactive board the audience opens
    # -> KPIs, figure, message, and the newest validation among what the slide shows
    construir: Callable[[Consultar, Filtros, date],
                        tuple[list[tuple[str, str]], go.Figure | None, str | None, pd.Timestamp | None]]


def estilo_proyector(fig: go.Figure, pantalla: Pantalla = Pantalla(), con_cifras: bool = True,
                     mapa: bool = False, con_qr: bool = True) -> go.Figure:
    """The board's figure redrawn for the projector (pizarras.graficas.proyector): it fills the slide's chart area
    at this screen's size, in type that grows with it."""
    ancho, alto = pantalla.grafica(con_cifras, con_qr)
    fuente = pantalla.px(pantalla.FUENTE_GRAFICA)
    if mapa:
        return proyector.mapa_para_proyector(fig, ancho, alto, fuente)
    return proyector.para_proyector(fig, ancho, alto, fuente)


def _pares(cifras: list[Cifra]) -> list[tuple[str, str]]:
    """The board's figures as the slide's (label, value) pairs."""
    return [(c.etiqueta, c.texto) for c in cifras]


def _nacional(consultar: Consultar, filtros: Filtros, hoy: date):
    p = pizarra_nacional(consultar, filtros, hoy)
    kpis = _pares(elegir(p.cifras, "actividades", "concluidas", "avance_promedio", "organismos_reportando"))
    solo_actividades = ultima_validacion(p.kpi_actividades)  # the slide shows activities only
    if p.vacia:
        return kpis, None, "No hay actividades validadas con estos filtros.", solo_actividades
    return kpis, figura_de(p.graficas["por_estatus"]), None, solo_actividades


def _regiones(consultar: Consultar, filtros: Filtros, hoy: date):
    p = pizarra_nacional(consultar, filtros, hoy)
    kpis = _pares(elegir(p.cifras, "actividades", "avance_promedio", "vencidas"))
    solo_actividades = ultima_validacion(p.kpi_actividades)  # the slide shows activities only
    if p.vacia:
        return kpis, None, "No hay actividades validadas con estos filtros.", solo_actividades
    return kpis, figura_de(p.graficas["por_region"]), None, solo_actividades


def _compromisos_ods(consultar: Consultar, filtros: Filtros, hoy: date):
    p = t_compromisos.pizarra_compromisos(consultar, filtros, hoy)
    kpis = _pares(elegir(p.cifras, "compromisos", "alineados_ods", "avance_promedio"))
    if p.vacia:
        return kpis, None, "No hay compromisos validados con estos filtros.", p.ultima_validacion
    return kpis, figura_de(p.graficas["por_ods"]), None, p.ultima_validacion


def _capacitaciones_region(consultar: Consultar, filtros: Filtros, hoy: date):
    p = t_capacitaciones.pizarra_capacitaciones(consultar, filtros)
    kpis = _pares(elegir(p.cifras, "capacitaciones", "participantes", "mujeres"))
    if p.vacia:
        return kpis, None, "No hay capacitaciones validadas con estos filtros.", p.ultima_validacion
    return kpis, figura_de(p.graficas["participantes_por_region"]), None, p.ultima_validacion


def _region(consultar: Consultar, filtros: Filtros, hoy: date):
    if len(filtros.region) != 1:
        return ([], None, "Esta diapositiva compara a los organismos de una región: elija una sola región en sus "
                "filtros.", None)
    p = pizarra_region(consultar, filtros, filtros.region[0], hoy)
    kpis = _pares(elegir(p.cifras, "organismos", "actividades", "avance_promedio"))
    solo_actividades = ultima_validacion(p.kpi_actividades)  # the slide shows activities only
    if p.vacia:
        return kpis, None, f"No hay actividades validadas en la {p.nombre} con estos filtros.", solo_actividades
    return kpis, figura_de(p.graficas["por_organismo"]), None, solo_actividades


def _organismo(consultar: Consultar, filtros: Filtros, hoy: date):
    if len(filtros.organismo) != 1:
        return [], None, "Esta diapositiva muestra un organismo: elija uno solo en sus filtros.", None
    p = pizarra_organismo(consultar, filtros, filtros.organismo[0], hoy)
    kpis = _pares(elegir(p.cifras, "actividades", "concluidas", "avance_promedio"))
    solo_actividades = ultima_validacion(p.kpi_actividades)  # the slide shows activities only
    if p.vacia:
        return kpis, None, f"{p.ficha['sigla']} no tiene actividades validadas con estos filtros.", solo_actividades
    return kpis, figura_de(p.graficas["por_eje"]), None, solo_actividades


def _mapa(consultar: Consultar, filtros: Filtros, hoy: date):
    mapa = mapa_entidades(consultar, filtros)
    if mapa.vacio("avance_promedio"):
        return [], None, "No hay actividades validadas en las entidades con estos filtros.", None
    return [], figura_mapa(mapa, "avance_promedio"), None, mapa.ultima_validacion("avance_promedio")


VISTAS: dict[str, Vista] = {v.clave: v for v in (
    Vista("nacional", "Estado nacional de las actividades", "pizarra_nacional", _nacional),
    Vista("regiones", "Avance por región", "pizarra_nacional", _regiones),
    Vista("compromisos_ods", "Alineación de los compromisos a los ODS", "compromisos", _compromisos_ods),
    Vista("capacitaciones_region", "Capacitaciones por región", "capacitaciones", _capacitaciones_region),
    Vista("region", "Los organismos de una región", "pizarra_region", _region),
    Vista("organismo", "Un organismo", "pizarra_organismo", _organismo),
    Vista("mapa", "Mapa del avance por entidad", "mapa", _mapa),
)}


def filtros_de(guardados: Mapping[str, Sequence[str]], opciones: Mapping[str, Sequence[Opcion]]) -> Filtros:
    """A slide's stored filters (URL form) as validated-only Filtros; unknown values are dropped."""
    return replace(desde_url(guardados, opciones).filtros, solo_validadas=True)


def lamina(
    consultar: Consultar, vista: str, filtros: Filtros, hoy: date, titulo: str | None = None, texto: str = ""
) -> Lamina:
    """Draw one slide (`texto`: its filters in words), its figure as the board draws it (`en_pantalla` sizes it
    for a screen). Whatever goes wrong becomes a calm message: the deck goes on."""
    definicion = VISTAS.get(vista)
    if definicion is None:
        return Lamina(titulo or "Diapositiva", texto, mensaje="Esta diapositiva usa una vista que ya no existe.")
    filtros = replace(filtros, solo_validadas=True)  # slides are public: validated records only
    try:
        kpis, figura, mensaje, validada = definicion.construir(consultar, filtros, hoy)
    except Exception:  # noqa: BLE001 — a projector never shows a traceback; the server log keeps it
        _registro.exception("No se pudo preparar la diapositiva %s con %s", vista, filtros)
        return Lamina(titulo or definicion.nombre, texto, mensaje="No se pudo preparar esta diapositiva. Continúe con "
                      "la siguiente; el detalle quedó en el registro del servidor.")
    return Lamina(titulo or definicion.nombre, texto, kpis, figura, mensaje, validados_al(validada), vista == "mapa")


def en_pantalla(lamina_: Lamina, pantalla: Pantalla, con_qr: bool = True) -> Lamina:
    """The slide with its figure redrawn for `pantalla` (and the QR panel beside it, or not). A figure that cannot
    be redrawn becomes the calm message, like any other failure of a slide."""
    if lamina_.figura is None:
        return lamina_
    try:
        figura = estilo_proyector(lamina_.figura, pantalla, bool(lamina_.kpis), lamina_.mapa, con_qr)
    except Exception:  # noqa: BLE001 — a projector never shows a traceback; the server log keeps it
        _registro.exception("No se pudo ajustar a la pantalla la diapositiva «%s»", lamina_.titulo)
        return replace(lamina_, figura=None, mensaje="No se pudo preparar esta diapositiva. Continúe con la "
                       "siguiente; el detalle quedó en el registro del servidor.")
    return replace(lamina_, figura=figura)


def texto_filtros(filtros: Filtros, opciones: Mapping[str, Sequence[Opcion]]) -> str:
    """'Región Norte · ODS: …', or 'Todos los registros validados'. A name that already says what it is
    ('Región Centro') goes without its label ('Región: Región Centro' read twice)."""
    partes = [valores if valores.casefold().startswith(etiqueta.casefold()) else f"{etiqueta}: {valores}"
              for (etiqueta, valores), definicion in zip(describir(filtros, opciones), DEFINICIONES, strict=True)
              if filtros.valores(definicion.clave)]  # an unfiltered field ('Todas', 'Todos') says nothing
    return " · ".join(partes) or "Todos los registros validados"


def url_audiencia(base: str, vista: str, guardados: Mapping[str, Sequence[str]], carpeta: bool = False) -> str:
    """The board with the slide's filters: what the QR code and the short link open. `carpeta`: the static copy's
    form of the page path, a folder (`/pizarra_region/?region=norte`), which a static server answers without a
    redirect."""
    pagina = VISTAS[vista].pagina if vista in VISTAS else "pizarra_nacional"
    consulta = urlencode([(k, v) for k, valores in guardados.items() for v in valores])
    return f"{base.rstrip('/')}/{pagina}" + ("/" if carpeta else "") + (f"?{consulta}" if consulta else "")


ESCALA_QR, BORDE_QR = 5, 2  # pixels per module, modules of quiet zone


def qr(url: str) -> segno.QRCode:
    """A QR code of `url`, generated locally (segno; medium error correction for a projected image)."""
    return segno.make(url, error="m", micro=False)


def qr_png(url: str) -> bytes:
    salida = io.BytesIO()
    qr(url).save(salida, kind="png", scale=ESCALA_QR, border=BORDE_QR)
    return salida.getvalue()
