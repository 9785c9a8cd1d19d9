"""Every registered page, as the public, the Secretaría Ejecutiva and an enlace, shows no raw value and none of the
English texts Streamlit draws by default (issue 18, item 8): the visible text of the main area and the sidebar,
with each expander and tab opened, and the placeholders of its inputs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.apoyo.recorrido import PAGINAS, ROLES, abrir, esperar_quieta, pagina_de, servidor_con_cuentas

pytestmark = pytest.mark.browser

# Streamlit's defaults that the app must replace (placeholders, upload texts, date format, empty states).
INGLES = ("Press Enter to submit form", "Choose options", "Choose an option", "Select all", "Upload", "per file",
          "yyyy", "Page not found", "No results")
VALORES_CRUDOS = (re.compile(r"\bNone\b"), re.compile(r"\bnull\b"), re.compile(r"\bNaN\b"),
                  re.compile(r'^\s*\[?\{"', re.MULTILINE))  # raw JSON: a line that starts with {" or [{"
# Streamlit's own texts no parameter changes (README, «Textos de Streamlit que quedan en inglés»): the upload box's
# instructions and button, and the segments of an empty date field. They are left out of the text read; everything
# else on the page, labels and help of those same widgets included, is read.
FIJOS_DE_STREAMLIT = ("[data-testid=stFileUploaderDropzone]", "[data-testid=stDateInput] [role=spinbutton]")
TEXTO_VISIBLE = """() => {
  const zonas = ['[data-testid=stMain]', '[data-testid=stSidebar]'].map(s => document.querySelector(s)).filter(Boolean);
  const fijos = document.createElement('style');
  fijos.textContent = FIJOS + ' { display: none !important; }';
  document.head.appendChild(fijos);
  const textos = zonas.map(z => z.innerText);
  fijos.remove();
  for (const z of zonas) {
    for (const e of z.querySelectorAll('input, textarea')) {
      if (e.placeholder && e.checkVisibility()) textos.push(e.placeholder);
    }
  }
  return textos.join('\\n');
}""".replace("FIJOS", repr(", ".join(FIJOS_DE_STREAMLIT)))


def hallazgos(texto: str) -> list[str]:
    """The English defaults and raw values in a page's text, each with the line it is on."""
    lineas = texto.splitlines()
    encontrados = [f"{ingles!r} en «{linea.strip()[:120]}»" for ingles in INGLES for linea in lineas if ingles in linea]
    for patron in VALORES_CRUDOS:
        encontrados += [f"{patron.pattern!r} en «{linea.strip()[:120]}»" for linea in lineas if patron.search(linea)]
    return encontrados


def test_the_checks_catch_what_they_look_for():
    assert hallazgos("Revisión\nComentario: None\nChoose an option") == [
        "'Choose an option' en «Choose an option»", "'\\\\bNone\\\\b' en «Comentario: None»"]
    assert hallazgos('{"avance": 90}')
    assert hallazgos("Noneto · nulla · Nanita · Subir archivo · Sin resultados") == []


@pytest.fixture(scope="module")
def servidor(tmp_path_factory):
    with servidor_con_cuentas(tmp_path_factory.mktemp("espanol")) as url:
        yield url


@pytest.fixture(scope="module", params=ROLES)
def sesion(request, navegador, servidor):
    yield from pagina_de(navegador, servidor, request.param)


def texto_con_todo_abierto(pagina) -> str:
    """The page's visible text, then again with each expander opened and each tab chosen in turn (both happen in
    the browser, without a rerun)."""
    textos = [pagina.evaluate(TEXTO_VISIBLE)]
    expansores = pagina.locator("[data-testid=stMain] [data-testid=stExpander] summary")
    for i in range(expansores.count()):
        expansor = expansores.nth(i)
        if expansor.is_visible() and expansor.get_attribute("aria-expanded") != "true":
            expansor.click()
    if expansores.count():
        textos.append(pagina.evaluate(TEXTO_VISIBLE))
    pestanas = pagina.locator("[data-testid=stMain] [role=tab]")
    for i in range(pestanas.count()):
        pestana = pestanas.nth(i)
        if pestana.is_visible():
            pestana.click()
            textos.append(pagina.evaluate(TEXTO_VISIBLE))
    return "\n".join(textos)


@pytest.mark.parametrize("ruta", [ruta for ruta, _ in PAGINAS])
def test_no_raw_value_or_english_default_on_screen(sesion, servidor, ruta):
    abrir(sesion, servidor, ruta)
    texto = texto_con_todo_abierto(sesion)
    esperar_quieta(sesion)  # nothing above reran the page; had it, this would wait for it

    encontrados = sorted(set(hallazgos(texto)))
    assert not encontrados, f"/{ruta}: " + "; ".join(encontrados)


def test_a_filters_open_list_is_spanish_too(navegador, servidor):
    for pagina in pagina_de(navegador, servidor, "publico"):
        abrir(pagina, servidor, "pizarra_nacional")
        region = pagina.get_by_test_id("stSidebar").get_by_role("combobox", name="Región")
        lista = pagina.get_by_role("listbox")
        for _ in range(5):  # a click while the widget is still being set up can be lost (a person clicks again)
            region.click()
            try:
                lista.get_by_role("option").first.wait_for(timeout=5000)
                break
            except PlaywrightTimeout:
                pagina.keyboard.press("Escape")
        lista.get_by_role("option").first.wait_for()

        assert hallazgos(lista.inner_text()) == []
