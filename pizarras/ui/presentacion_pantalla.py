"""The projector window's size, as the browser reports it: the slide is drawn for it (diapositivas.Pantalla).

A Streamlit v2 component (no iframe): its script reports `window.innerWidth/innerHeight` when they differ from the
size the server already drew for, and again after a resize settles, which reruns the page once. Until the first
report (and under AppTest, where no script runs) the slide is drawn for 1280×720. Rejected: a size in the URL
(a shared link would carry the presenter's screen to every phone) and CSS zoom (plotly then maps hover and clicks
to the wrong points).
"""

from __future__ import annotations

import streamlit as st

from pizarras.publicacion.diapositivas import Pantalla

CLAVE = "presentacion_pantalla"

_JS = """
export default function({ data, setStateValue }) {
  const informar = () => {
    const ancho = Math.round(window.innerWidth), alto = Math.round(window.innerHeight);
    const conocida = data || {};
    if (ancho > 0 && alto > 0 && (conocida.ancho !== ancho || conocida.alto !== alto)) {
      setStateValue("medida", {ancho, alto});
    }
  };
  let espera;
  const alCambiar = () => { clearTimeout(espera); espera = setTimeout(informar, 300); };
  informar();
  window.addEventListener("resize", alCambiar);
  return () => { clearTimeout(espera); window.removeEventListener("resize", alCambiar); };
}
"""

_medidor = st.components.v2.component("pizarras_pantalla_proyector", js=_JS)


def _leida(valor) -> Pantalla | None:
    try:
        ancho, alto = int(valor["ancho"]), int(valor["alto"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (200 <= ancho <= 16000 and 150 <= alto <= 9000):
        return None
    return Pantalla(ancho, alto)


def pantalla() -> Pantalla:
    """The size to draw the slide for: the browser's last report, else 1280×720."""
    anterior = st.session_state.get(CLAVE) or {}
    conocida = _leida(anterior.get("medida") if hasattr(anterior, "get") else None)
    resultado = _medidor(key=CLAVE, data=None if conocida is None else {"ancho": conocida.ancho,
                                                                        "alto": conocida.alto},
                         on_medida_change=lambda: None)
    return _leida(resultado.get("medida")) or conocida or Pantalla()
