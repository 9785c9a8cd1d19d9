"""The presenter's window: a second window on the same machine (`?presentacion=CLAVE&presentador=1`) that shows
the slide on screen, the next one, the clock and the time left in auto-advance, and drives the projector window.

The two windows talk through the browser's BroadcastChannel (same origin, no server round trip): the projector
announces each slide it draws; the presenter's keys and buttons ask the projector to press its own «Anterior» and
«Siguiente», so the projector's URL stays the talk's only state and either window's keys work. The presenter's page
is drawn once and updated by its script: it never reruns. Titles are user text: they go in as JSON and are shown
with textContent, never as HTML.
"""

from __future__ import annotations

import json

import streamlit as st

from pizarras.publicacion.presentaciones import Presentacion
from pizarras.texto import escapar_markdown

CANAL = "pizarras-presentacion"


def _json(valor) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(valor, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def anunciar(clave: str, n: int, total: int, titulos: list[str], intervalo: int | None) -> str:
    """The projector's script for slide `n`: it tells the presenter's window what is on screen (and answers when
    a presenter's window that opened later asks)."""
    estado = {"clave": clave, "n": n, "total": total, "titulo": titulos[n - 1],
              "siguiente": titulos[n] if n < total else None, "intervalo": intervalo}
    return f"""<script>
(() => {{
  const estado = Object.assign({_json(estado)}, {{desde: Date.now()}});
  window.__pizarrasEstado = estado;
  if (!window.__pizarrasCanal) {{
    window.__pizarrasCanal = new BroadcastChannel({_json(CANAL)});
    window.__pizarrasCanal.onmessage = (e) => {{
      const m = e.data || {{}}, actual = window.__pizarrasEstado;
      if (!actual || m.clave !== actual.clave) return;
      if (m.pedir) window.__pizarrasCanal.postMessage(actual);
      const destino = {{siguiente: "presentacion_siguiente", anterior: "presentacion_anterior"}}[m.orden];
      const b = destino && document.querySelector(".st-key-" + destino + " button");
      if (b && !b.disabled) b.click();
    }};
  }}
  window.__pizarrasCanal.postMessage(estado);
}})();
</script>"""


_VENTANA = """
<style>
.presentador { font-family: "Source Sans", "Source Sans 3", sans-serif; color: #000; }
.presentador .reloj { font-size: 3rem; font-weight: 700; }
.presentador .contador { font-size: 1.6rem; font-weight: 700; }
.presentador .actual { font-size: 2.2rem; font-weight: 700; margin: 0.4rem 0; }
.presentador .siguiente { font-size: 1.4rem; color: #222; }
.presentador .restante { font-size: 1.4rem; color: #222; }
.presentador button { font-size: 1.3rem; padding: 0.4rem 1.2rem; margin-right: 0.6rem; }
.presentador .espera { color: #222; }
</style>
<div class="presentador">
  <div class="reloj" data-testid="presentador-reloj"></div>
  <div class="contador" data-testid="presentador-contador"></div>
  <div class="actual" data-testid="presentador-actual"></div>
  <div class="siguiente" data-testid="presentador-siguiente"></div>
  <div class="restante" data-testid="presentador-restante"></div>
  <p><button type="button" data-orden="anterior">← Anterior</button>
     <button type="button" data-orden="siguiente">Siguiente →</button></p>
  <p class="espera" data-testid="presentador-espera">Esperando la ventana del proyector: ábrala con la misma
    presentación en otra ventana de este equipo.</p>
</div>
<script>
(() => {
  const clave = __CLAVE__;
  const canal = new BroadcastChannel(__CANAL__);
  const raiz = document.currentScript ? document.currentScript.parentElement : document;
  const campo = (id) => raiz.querySelector(`[data-testid=${id}]`) || document.querySelector(`[data-testid=${id}]`);
  let estado = null;
  const pedir = (orden) => canal.postMessage({clave, orden});
  canal.onmessage = (e) => {
    const m = e.data || {};
    if (m.clave !== clave || m.n === undefined) return;
    estado = Object.assign({}, m, {recibido: Date.now()});
    campo("presentador-contador").textContent = `${m.n} / ${m.total}`;
    campo("presentador-actual").textContent = m.titulo;
    campo("presentador-siguiente").textContent = m.siguiente ? `Sigue: ${m.siguiente}` : "Es la última diapositiva.";
    campo("presentador-espera").textContent = "";
    dibujarTiempo();
  };
  const dibujarTiempo = () => {
    campo("presentador-reloj").textContent = new Date().toLocaleTimeString("es-MX",
      {hour: "2-digit", minute: "2-digit", second: "2-digit"});
    if (!estado) return;
    const pasados = (Date.now() - estado.recibido) / 1000;
    const restante = estado.intervalo ? Math.max(0, Math.ceil(estado.intervalo - pasados)) : null;
    campo("presentador-restante").textContent = restante === null ? "Avance a mano." :
      `Cambia sola en ${restante} s.`;
  };
  setInterval(dibujarTiempo, 500);
  dibujarTiempo();
  document.addEventListener("click", (e) => {
    const b = e.target.closest && e.target.closest("button[data-orden]");
    if (b) pedir(b.dataset.orden);
  });
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const orden = {PageDown: "siguiente", ArrowRight: "siguiente", PageUp: "anterior", ArrowLeft: "anterior"}[e.key];
    if (orden) { e.preventDefault(); pedir(orden); }
  });
  canal.postMessage({clave, pedir: true});
})();
</script>
"""


def ventana_presentador(presentacion: Presentacion) -> None:
    """The presenter's window for `presentacion` (the projector's window is another one, showing the slides)."""
    st.html("<style>[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl] { display: none; }</style>")
    st.title(escapar_markdown(f"Presentador: {presentacion.titulo}"), anchor=False)
    st.html(_VENTANA.replace("__CLAVE__", _json(presentacion.clave)).replace("__CANAL__", _json(CANAL)),
            unsafe_allow_javascript=True)
    st.caption("Las flechas del teclado y Re Pág / Av Pág mueven la presentación desde esta ventana o desde la del "
               "proyector. Esta ventana no se proyecta.")
