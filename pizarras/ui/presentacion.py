"""The projector view of a deck: one slide at a time, full screen, large type, keys and clicker, auto-advance.

The URL is the slide's only state (`?presentacion=CLAVE&diapositiva=N`): a reload, a shared link or the browser's
back button land on the same slide. Auto-advance is a fragment that reruns only the slide; a full run (a button,
a reload) marks itself so that the fragment's first draw after it does not count as a tick.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

import streamlit as st

from pizarras.estilo import fecha_hora
from pizarras.publicacion import diapositivas, republicar
from pizarras.publicacion import puerta as puertas
from pizarras.publicacion.presentaciones import Presentacion
from pizarras.publicacion.puerta import VARIABLE_URL_PUBLICA
from pizarras.texto import escapar_markdown
from pizarras.ui.datos import tablero_compartido
from pizarras.ui.presentacion_pantalla import pantalla
from pizarras.ui.presentador import anunciar
from pizarras.web import copia_aparte

_DIBUJO_COMPLETO = "_presentacion_dibujo_completo"
_PAUSA = "_presentacion_pausa"

# Projector theme for the slide only: no sidebar or chrome, black on white, every size from the screen's
# (diapositivas.Pantalla) so that a 4K projector shows the slide as large as a laptop does. The controls float over
# the slide's foot and fade out when the mouse rests. Our own CSS, numbers only: no user text in it.
_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ padding: {arriba}px {lados}px {abajo}px {lados}px !important;
  max-width: 100% !important; }}
[data-testid="stMain"] [data-testid="stVerticalBlock"] {{ gap: {hueco}px; }}
[data-testid="stApp"] {{ background: #FFFFFF; color: #000000; }}
[data-testid="stMain"] h1 {{ font-size: {titulo}px; line-height: 1.15; padding: 0; color: #000000; }}
[data-testid="stMetricValue"] {{ font-size: {cifra}px; line-height: 1.2; font-weight: 700; color: #000000; }}
[data-testid="stMetricValue"] > div {{ line-height: 1.2; }}
[data-testid="stMetricLabel"] p {{ font-size: {etiqueta}px; color: #000000; }}
[data-testid="stCaptionContainer"] p {{ font-size: {leyenda}px; color: #222222; }}
.st-key-presentacion_audiencia [data-testid="stCaptionContainer"] p {{ font-size: {enlace}px; }}
.contador {{ font-size: {contador}px; font-weight: 700; text-align: right; color: #000000; }}
.sello {{ font-size: {enlace}px; text-align: right; color: #222222; white-space: nowrap; }}
.cuenta {{ position: fixed; left: 0; right: 0; bottom: 0; height: {barra}px; background: #0072B2;
  transform-origin: left; animation-name: cuenta-atras; animation-timing-function: linear;
  animation-fill-mode: forwards; z-index: 999990; }}
@keyframes cuenta-atras {{ from {{ transform: scaleX(1); }} to {{ transform: scaleX(0); }} }}
.st-key-presentacion_controles {{ position: fixed; left: 50%; transform: translateX(-50%); bottom: {barra}px;
  width: max-content !important; max-width: 96vw; flex-wrap: nowrap !important; z-index: 999991;
  background: rgba(255, 255, 255, 0.94); padding: 6px 10px;
  border-radius: 8px; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); transition: opacity 0.6s; }}
.st-key-presentacion_controles button p, .st-key-presentacion_controles a p,
.st-key-presentacion_controles [data-testid="stIconMaterial"],
.st-key-presentacion_controles [data-testid="stCaptionContainer"] p {{ font-size: {boton}px; }}
.st-key-presentacion_pantalla {{ display: none; }}
body.presentacion-quieta .st-key-presentacion_controles {{ opacity: 0; }}
body.presentacion-quieta {{ cursor: none; }}
</style>
"""


def css_de(pantalla: diapositivas.Pantalla) -> str:
    """The slide's style sheet at this screen's size."""
    p = pantalla.px
    return _CSS.format(
        arriba=p(pantalla.RELLENO_ARRIBA), lados=p(pantalla.RELLENO_LADOS), abajo=p(pantalla.RELLENO_ABAJO),
        hueco=p(pantalla.HUECO), titulo=p(pantalla.TITULO), cifra=p(pantalla.CIFRA),
        etiqueta=p(pantalla.CIFRA_ETIQUETA), leyenda=p(pantalla.LEYENDA), enlace=p(14), contador=p(28), barra=p(6),
        boton=p(16),
    )


# Installed once per browser tab (the page is a single document across reruns and page changes):
# - the arrow keys and a presenter's clicker (Page Up / Page Down) press the slide's buttons. Not the buttons' own
#   `shortcut`: Streamlit prints it in the label, beside the icon's arrow ("← Anterior ←");
# - the buttons that start a talk ask the browser for real full screen (the Fullscreen API needs the click itself,
#   so it runs here, before Streamlit's rerun), «Pantalla completa» on the slide toggles it, «Salir» leaves it; Esc
#   leaves it too, as the browser does;
# - after a few seconds without the mouse the controls and the pointer fade out; any movement brings them back.
_GESTOS = """
<script>
if (!window.__pizarrasGestos) {
  window.__pizarrasGestos = true;
  const boton = (clave) => document.querySelector(".st-key-" + clave + " button");
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest?.("input, textarea, [contenteditable]")) return;
    const destino = {PageDown: "presentacion_siguiente", ArrowRight: "presentacion_siguiente",
                     PageUp: "presentacion_anterior", ArrowLeft: "presentacion_anterior"}[e.key];
    const b = destino && boton(destino);
    if (b && !b.disabled) { e.preventDefault(); b.click(); }
  });
  const completa = () => { if (!document.fullscreenElement) document.documentElement.requestFullscreen?.()
    .catch(() => {}); };
  document.addEventListener("click", (e) => {
    const b = e.target.closest?.("button");
    const clave = b && [...(b.closest("[class*=st-key-]")?.classList || [])].find(c => c.startsWith("st-key-"));
    if (!clave) return;
    if (["st-key-presentar_completa", "st-key-presentar_continuar"].includes(clave)) completa();
    if (clave === "st-key-presentacion_completa") {
      if (document.fullscreenElement) document.exitFullscreen?.(); else completa();
    }
    if (clave === "st-key-presentacion_salir" && document.fullscreenElement) document.exitFullscreen?.();
  }, true);
  let quieta;
  const despertar = () => {
    document.body.classList.remove("presentacion-quieta");
    clearTimeout(quieta);
    quieta = setTimeout(() => document.body.classList.add("presentacion-quieta"), 3000);
  };
  ["mousemove", "pointerdown", "keydown", "touchstart"].forEach(t => document.addEventListener(t, despertar));
  despertar();
}
</script>
"""

_FOTO = "_presentacion_foto"  # this tab's snapshot of the deck being presented (Foto)
_VUELTA = "_presentacion_vuelta"  # (deck, slide) the talk stopped at, for the deck's page


def gestos() -> None:
    """Keys, full screen and the idle fade (installed once; harmless where no slide is drawn)."""
    st.html(_GESTOS, unsafe_allow_javascript=True)


def estado_copia() -> puertas.EstadoCopia:
    """The static copy this server serves (servidor.py registers its republisher and the copy's own process)."""
    republicador = republicar.en_este_proceso()
    if republicador is None:
        return puertas.EstadoCopia(servida=False)
    ultima = republicador.ultima
    return puertas.EstadoCopia(True, ultima.publicada if ultima else None, republicador.publicando,
                               republicador.ultimo_error, copia_aparte.puerto_en_este_proceso())


def puerta_publica() -> puertas.Puerta | None:
    """Where the audience's QR codes lead (pizarras.publicacion.puerta): $PIZARRAS_URL_PUBLICA, else the static copy
    at the address the presenter's browser used, else the live app there; None on this machine only (127.0.0.1,
    localhost), which no phone can reach. Reached from the venue's network, it also starts the copy's upkeep."""
    puerta = puertas.elegir(os.environ.get(VARIABLE_URL_PUBLICA), st.context.url, estado_copia())
    republicador = republicar.en_este_proceso()
    if puerta is not None and puerta.tipo != puertas.SITIO and republicador is not None:
        republicador.activar()
    return puerta


AVISO_RED_LOCAL = (
    "Para que el público abra cada vista en su teléfono, sirva la aplicación en la red del lugar: detenga la app y "
    "arránquela con «make run HOST=0.0.0.0», abra la presentación con la dirección IP de este equipo (p. ej. "
    "http://192.168.1.20:8501/presentacion) o defina PIZARRAS_URL_PUBLICA con la dirección pública."
)


def diapositiva_de_url(total: int) -> int:
    """The slide asked for in the URL (1-based), kept between 1 and `total`."""
    try:
        n = int(st.query_params.get("diapositiva", "1"))
    except ValueError:
        n = 1
    return min(max(n, 1), max(total, 1))


def ir_a(n: int) -> None:
    st.query_params["diapositiva"] = str(n)


def intervalo_de(presentacion: Presentacion) -> int | None:
    """Seconds between slides: `?avance=N` in the URL (0 = by hand), else the deck's own."""
    pedido = st.query_params.get("avance")
    if pedido is not None:
        try:
            segundos = int(pedido)
        except ValueError:
            return presentacion.intervalo
        return segundos if segundos >= 3 else None
    return presentacion.intervalo


@dataclass(frozen=True)
class Foto:
    """Every slide of a deck as its data were when the talk began: a validation landing mid-talk moves nothing on
    the screen, and the stamp on every slide says as of when (a Metabase experiment found that loading each slide
    when shown breaks the integrity of a talk). «Actualizar datos» takes a new one."""

    clave: str
    version: int
    tomada: datetime
    laminas: tuple[diapositivas.Lamina, ...]

    @property
    def sello(self) -> str:
        return f"Datos al {fecha_hora(self.tomada)}"


def _tomar_foto(presentacion: Presentacion) -> Foto:
    opciones = st.session_state["opciones"]
    hoy, laminas = date.today(), []
    for d in presentacion.diapositivas:
        filtros = diapositivas.filtros_de(d.filtros, opciones)
        texto = diapositivas.texto_filtros(filtros, opciones)
        laminas.append(tablero_compartido(diapositivas.lamina, d.vista, filtros, hoy, d.titulo, texto))
    return Foto(presentacion.clave, presentacion.version, datetime.now(), tuple(laminas))


def foto_de(presentacion: Presentacion) -> Foto:
    """This tab's snapshot of the deck: taken when the deck opens (or is changed), kept until «Actualizar datos»."""
    foto = st.session_state.get(_FOTO)
    if foto is None or (foto.clave, foto.version) != (presentacion.clave, presentacion.version):
        foto = st.session_state[_FOTO] = _tomar_foto(presentacion)
    return foto


def proyectar(presentacion: Presentacion) -> None:
    """Draw the deck's current slide full screen with its controls."""
    medida = pantalla()
    st.html(css_de(medida))
    gestos()
    total = len(presentacion.diapositivas)
    intervalo = intervalo_de(presentacion)
    corriendo = bool(intervalo) and not st.session_state.get(_PAUSA, False)
    st.session_state[_DIBUJO_COMPLETO] = True
    # The QR panel only when the audience can reach it (on 127.0.0.1 no phone can) and the presenter has not
    # hidden it (`?qr=0`, from the deck's page or the slide's button).
    alcanzable = puerta_publica()
    puerta = alcanzable if qr_visible() else None
    foto = foto_de(presentacion)

    @st.fragment(run_every=intervalo if corriendo else None)
    def diapositiva() -> None:
        n = diapositiva_de_url(total)
        if not st.session_state.pop(_DIBUJO_COMPLETO, False) and corriendo:
            n = n % total + 1  # a tick of the timer: the next slide, back to the first after the last
            ir_a(n)
        _dibujar(presentacion, foto, n, total, intervalo if corriendo else None, medida, puerta)

    diapositiva()
    _controles(presentacion, total, intervalo, corriendo, alcanzable is not None)


def _dibujar(presentacion: Presentacion, foto: Foto, n: int, total: int, intervalo: int | None,
             medida: diapositivas.Pantalla, puerta: puertas.Puerta | None) -> None:
    d = presentacion.diapositivas[n - 1]
    con_qr = puerta is not None  # else the slide is all chart
    lamina = diapositivas.en_pantalla(foto.laminas[n - 1], medida, con_qr)

    izquierda, derecha = st.columns([6, 1], vertical_alignment="bottom")
    izquierda.title(escapar_markdown(lamina.titulo), anchor=False)
    # «Datos validados al …» on the same line: a second one would push the chart below a 1280×720 screen.
    leyenda = " · ".join(t for t in (presentacion.titulo, lamina.filtros_texto, lamina.validados) if t)
    izquierda.caption(escapar_markdown(leyenda))
    # With the counter, the script that tells a presenter's window what is on screen (no element of its own: a
    # slide has no pixel to spare).
    titulos = [lamina_.titulo for lamina_ in foto.laminas]
    derecha.html(f'<div class="contador" data-testid="contador-diapositiva">{n} / {total}</div>'
                 f'<div class="sello" data-testid="sello-datos">{foto.sello}</div>'
                 + anunciar(presentacion.clave, n, total, titulos, intervalo), unsafe_allow_javascript=True)
    if lamina.kpis:
        for columna, (etiqueta, valor) in zip(st.columns(len(lamina.kpis)), lamina.kpis, strict=True):
            columna.metric(etiqueta, valor)

    if con_qr:
        grafica, audiencia = st.columns([medida.PARTE_GRAFICA, 1 - medida.PARTE_GRAFICA])
    else:
        grafica, audiencia = st.container(), None
    if lamina.figura is not None:
        # theme=None: the projector theme's black type, not Streamlit's grey axis labels.
        grafica.plotly_chart(lamina.figura, width="stretch", theme=None, config={"displayModeBar": False},
                             key=f"diapositiva_{n}")
    else:
        grafica.info(lamina.mensaje or "Esta diapositiva no tiene datos.", icon=":material/info:")
    if audiencia is not None:
        url = puerta.url(d.vista, d.filtros)
        caja = audiencia.container(key="presentacion_audiencia")
        # PNG as generated: Streamlit would otherwise re-encode it as a (lossy) JPEG.
        caja.image(diapositivas.qr_png(url), width="stretch", output_format="PNG")
        caja.caption(escapar_markdown(url.split("://", 1)[-1]))
    if intervalo:
        # A new element per slide restarts the bar; it empties in `intervalo` seconds.
        st.html(f'<div class="cuenta" data-n="{n}" style="animation-duration: {int(intervalo)}s"></div>')


def _controles(presentacion: Presentacion, total: int, intervalo: int | None, corriendo: bool,
               con_puerta: bool) -> None:
    n = diapositiva_de_url(total)
    # While the deck advances by itself the slide changes without a full run: the buttons read the URL when clicked
    # and are never disabled (their state would be stale); by hand, the first and last slides disable them.
    # One arrow per button: the icon, not a second one in the label.
    barra = st.container(key="presentacion_controles", horizontal=True, width="content")
    barra.button("Anterior", key="presentacion_anterior", icon=":material/arrow_back:",
                 on_click=_mover, args=(-1, total), disabled=not corriendo and n <= 1)
    barra.button("Siguiente", key="presentacion_siguiente", icon=":material/arrow_forward:",
                 on_click=_mover, args=(1, total), disabled=not corriendo and n >= total)
    if intervalo:
        etiqueta, icono = ("Pausar", ":material/pause:") if corriendo else ("Reanudar", ":material/play_arrow:")
        barra.button(etiqueta, key="presentacion_pausa", icon=icono, on_click=_alternar_pausa)
    if con_puerta:  # a QR the audience could use: the presenter may hide it
        visible = qr_visible()
        barra.button("Ocultar QR" if visible else "Mostrar QR", key="presentacion_qr",
                     icon=":material/qr_code_2:", on_click=_alternar_qr)
    barra.button("Actualizar", key="presentacion_actualizar", icon=":material/refresh:",
                 on_click=_actualizar, help="Volver a leer los datos validados (la presentación los fija al abrirse)")
    barra.button("Pantalla completa", key="presentacion_completa", icon=":material/fullscreen:",
                 help="Pantalla completa (Esc para salir de ella)")
    ventana = urlencode({"presentacion": presentacion.clave, "presentador": 1})
    barra.link_button("Presentador", f"/presentacion?{ventana}",
                      icon=":material/co_present:", help="Abre la ventana del presentador: la diapositiva actual, la "
                      "siguiente, el reloj y el tiempo que falta; sus teclas mueven esta ventana")
    barra.button("Salir", key="presentacion_salir", icon=":material/close:", on_click=_salir,
                 args=(presentacion.clave, total))
    if intervalo:
        barra.caption(f"Avanza sola cada {intervalo} s." if corriendo else "En pausa.")


def _mover(paso: int, total: int) -> None:
    ir_a(min(max(diapositiva_de_url(total) + paso, 1), total))


def qr_visible() -> bool:
    return st.query_params.get("qr") != "0"


def _alternar_qr() -> None:
    if qr_visible():
        st.query_params["qr"] = "0"
    else:
        st.query_params.pop("qr", None)


def _actualizar() -> None:
    st.session_state.pop(_FOTO, None)


def _alternar_pausa() -> None:
    st.session_state[_PAUSA] = not st.session_state.get(_PAUSA, False)


def _salir(clave: str, total: int) -> None:
    """Back to the deck's page, with this deck chosen and the slide the talk stopped at (read from the URL at the
    click: auto-advance moves it without redrawing the buttons)."""
    st.session_state[_VUELTA] = (clave, diapositiva_de_url(total))
    for parametro in ("presentacion", "diapositiva", "avance", "qr"):
        st.query_params.pop(parametro, None)
    st.session_state["presentacion_elegida"] = clave


def vuelta(clave: str) -> int | None:
    """The slide a talk of deck `clave` stopped at in this tab, if it did."""
    guardada = st.session_state.get(_VUELTA)
    return guardada[1] if guardada and guardada[0] == clave else None


def presentar(clave: str, n: int = 1, con_qr: bool = True) -> None:
    """Open deck `clave` at slide `n` in this tab (the click already asked for full screen), its QR codes hidden
    unless `con_qr`."""
    st.query_params["presentacion"] = clave
    ir_a(n)
    if not con_qr:
        st.query_params["qr"] = "0"
