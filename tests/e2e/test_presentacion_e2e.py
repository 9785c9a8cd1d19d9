"""The presentation in headless Chromium with Streamlit's embed mode: every slide of a default deck fills 1280×720,
1366×768, 1920×1080 and 3840×2160 without scrolling — the chart's foot in the screen's last 15 %, no bar label past
the plot area, no tick labels on top of each other — with no exception and no request to another host (a screenshot
per slide in test-results/presentacion/); the arrow keys and Page Down move on, auto-advance moves by itself, each
slide's QR code opens the same board with the same filters, and at 127.0.0.1 with no public address the projected
slide carries nothing meant for the presenter."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image

from bench.servidor import puerto_libre
from pizarras.publicacion import diapositivas
from pizarras.publicacion.presentaciones import PREDETERMINADAS, desde_json
from tests.apoyo.datos_prueba import con_presentaciones, construir_pequena
from tests.apoyo.navegador import esperar_app, pagina_en, servidor_en

pytestmark = pytest.mark.browser
RAIZ = Path(__file__).resolve().parents[2]
SALIDA = RAIZ / "test-results" / "presentacion"
EMBED = "embed=true&embed_options=hide_loading_screen"
TAMANOS = [(1280, 720), (1366, 768), (1920, 1080), (3840, 2160)]


@pytest.fixture(scope="module")
def base_con_decks(tmp_path_factory) -> Path:
    carpeta = tmp_path_factory.mktemp("presentacion")
    return con_presentaciones(construir_pequena(carpeta / "presentacion.duckdb"))


@pytest.fixture(scope="module")
def servidor(base_con_decks, tmp_path_factory):
    """The app with the seed's decks; the audience's base URL is the server itself (as PIZARRAS_URL_PUBLICA)."""
    puerto = puerto_libre()
    url = f"http://127.0.0.1:{puerto}"
    with servidor_en(base_con_decks, tmp_path_factory.mktemp("srv"), {"PIZARRAS_URL_PUBLICA": url}, puerto) as u:
        yield u


def deck(ruta: Path, clave: str):
    """A default deck as the seed ships it (the server holds the database file)."""
    return next(desde_json(d) for d in json.loads(PREDETERMINADAS.read_text(encoding="utf-8")) if d["clave"] == clave)


def modulos(png: bytes) -> list[list[bool]]:
    """The dark and light modules of a QR code image, read from the pixels the browser received."""
    imagen = Image.open(io.BytesIO(png)).convert("L")
    escala, borde = diapositivas.ESCALA_QR, diapositivas.BORDE_QR
    lado = imagen.width // escala - 2 * borde
    centro = lambda i: (borde + i) * escala + escala // 2  # noqa: E731
    return [[imagen.getpixel((centro(c), centro(f))) < 128 for c in range(lado)] for f in range(lado)]


def contador(pagina) -> str:
    return pagina.get_by_test_id("contador-diapositiva").inner_text().strip()


def esperar_diapositiva(pagina, n: int, total: int) -> None:
    pagina.wait_for_function(
        "t => document.querySelector('[data-testid=contador-diapositiva]')?.innerText.trim() === t",
        arg=f"{n} / {total}", timeout=30000,
    )
    esperar_app(pagina)
    # The slide has drawn: its chart laid out by plotly, or its calm message.
    pagina.wait_for_selector("[data-testid=stPlotlyChart] .main-svg, [data-testid=stAlert]", timeout=30000)


def sin_desplazamiento(pagina) -> dict:
    """Every scrolling box of the page: how much taller its content is than the box (0 = nothing to scroll)."""
    return pagina.evaluate(
        """() => {
            const cajas = [document.documentElement, document.body,
                ...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer], '
                    + '[data-testid=stAppScrollToBottomContainer]')];
            const r = {};
            cajas.forEach((c, i) => { r[(c.dataset && c.dataset.testid) || c.tagName + i] =
                Math.max(0, c.scrollHeight - c.clientHeight); });
            return r;
        }"""
    )


# What the drawn chart shows of itself: its box, the plot area, the bar labels and the tick labels.
MEDIDAS_GRAFICA = """() => {
    const grafica = document.querySelector('[data-testid=stPlotlyChart]');
    if (!grafica) return null;
    const caja = r => { const b = r.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
    const visibles = sel => [...grafica.querySelectorAll(sel)].filter(e => e.getBoundingClientRect().width > 0)
        .map(e => ({texto: e.textContent, caja: caja(e)}));
    const fondo = grafica.querySelector('.draglayer .nsewdrag');  // plotly's drag area is the plot area
    return {grafica: caja(grafica), area: fondo ? caja(fondo) : null, barras: visibles('.bartext'),
            y: visibles('.yaxislayer-above .ytick text'), x: visibles('.xaxislayer-above .xtick text')};
}"""


def se_cruzan(a, b) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def revisar_grafica(medidas: dict, alto: int, n: int) -> None:
    """The chart fills the slide: its foot low on the screen, every bar label inside the plot area, no two tick
    labels overlapping."""
    assert medidas["grafica"][3] >= 0.85 * alto, f"diapositiva {n}: la gráfica acaba en {medidas['grafica'][3]:.0f}"
    assert medidas["area"] is not None or not medidas["barras"], "sin área de la gráfica para comparar"
    if medidas["area"] is not None:
        izquierda, arriba, derecha, abajo = medidas["area"]
        cortadas = [b["texto"] for b in medidas["barras"] if b["caja"][0] < izquierda - 1 or b["caja"][2] > derecha + 1
                    or b["caja"][1] < arriba - 1 or b["caja"][3] > abajo + 1]
        assert cortadas == [], f"diapositiva {n}: etiquetas fuera del área de la gráfica: {cortadas}"
    for eje in ("x", "y"):
        marcas = medidas[eje]
        cruces = [(a["texto"], b["texto"]) for i, a in enumerate(marcas) for b in marcas[i + 1:]
                  if se_cruzan(a["caja"], b["caja"])]
        assert cruces == [], f"diapositiva {n}: marcas del eje {eje} encimadas: {cruces}"


@pytest.mark.parametrize("ancho,alto", TAMANOS)
def test_every_slide_of_a_default_deck_fills_the_projector_and_the_arrow_key_moves_on(
    navegador, servidor, base_con_decks, ancho, alto
):
    total = len(deck(base_con_decks, "panorama-nacional").diapositivas)
    for pagina in pagina_en(navegador, servidor, viewport={"width": ancho, "height": alto}):
        pagina.goto(f"{servidor}/presentacion?presentacion=panorama-nacional&diapositiva=1&{EMBED}")
        SALIDA.mkdir(parents=True, exist_ok=True)
        etiquetas_medidas = 0
        for n in range(1, total + 1):
            esperar_diapositiva(pagina, n, total)
            pagina.screenshot(path=str(SALIDA / f"panorama-nacional_{ancho}x{alto}_{n}.png"))
            assert sin_desplazamiento(pagina) == dict.fromkeys(sin_desplazamiento(pagina), 0), f"diapositiva {n}"
            assert pagina.get_by_test_id("stException").count() == 0
            assert not pagina.get_by_test_id("stSidebar").is_visible()
            if pagina.locator("[data-testid=stPlotlyChart]").count():
                pagina.wait_for_timeout(300)  # plotly's automargin settles after its first draw
                medidas = pagina.evaluate(MEDIDAS_GRAFICA)
                revisar_grafica(medidas, alto, n)
                etiquetas_medidas += len(medidas["barras"]) + len(medidas["y"])
            if n < total:
                pagina.keyboard.press("ArrowRight")
        assert etiquetas_medidas > 0  # the label checks measured something
        assert parse_qs(urlparse(pagina.url).query)["diapositiva"] == [str(total)]
        pagina.keyboard.press("PageUp")
        esperar_diapositiva(pagina, total - 1, total)
        pagina.keyboard.press("PageDown")
        esperar_diapositiva(pagina, total, total)
        pagina.keyboard.press("ArrowLeft")
        esperar_diapositiva(pagina, total - 1, total)
        assert pagina.externas == [], f"La presentación pidió recursos externos: {pagina.externas}"


def test_auto_advance_moves_on_by_itself_and_can_be_paused(navegador, servidor, base_con_decks):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        pagina.goto(f"{servidor}/presentacion?presentacion=recorrido-regional&diapositiva=1&avance=3&{EMBED}")
        esperar_diapositiva(pagina, 1, 4)
        # Nobody touches anything: the counter and the URL move on (on a loaded machine maybe past slide 2).
        pagina.wait_for_function(
            "() => !['', '1 / 4'].includes(document.querySelector('[data-testid=contador-diapositiva]')"
            "?.innerText.trim() ?? '')", timeout=30000,
        )
        pagina.wait_for_function(
            "() => !['1', null].includes(new URLSearchParams(location.search).get('diapositiva'))", timeout=30000)
        pagina.get_by_role("button", name="Pausar").click()
        pagina.get_by_role("button", name="Reanudar").wait_for(timeout=30000)
        assert pagina.get_by_test_id("stException").count() == 0
        assert pagina.externas == []


def test_the_qr_code_opens_the_same_board_with_the_same_filters(navegador, servidor, base_con_decks):
    diapositiva = deck(base_con_decks, "recorrido-regional").diapositivas[0]
    esperada = diapositivas.url_audiencia(servidor, diapositiva.vista, diapositiva.filtros)
    assert esperada == f"{servidor}/pizarra_region?region=norte"
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        pagina.goto(f"{servidor}/presentacion?presentacion=recorrido-regional&diapositiva=1&avance=0&{EMBED}")
        esperar_diapositiva(pagina, 1, 4)
        imagen = pagina.get_by_test_id("stImage").locator("img")
        codigo = pagina.request.get(servidor + imagen.get_attribute("src").removeprefix(servidor)).body()
        assert modulos(codigo) == [[bool(m) for m in fila] for fila in diapositivas.qr(esperada).matrix]
        assert "127.0.0.1" in pagina.get_by_test_id("stMain").inner_text()  # the short link is shown too

        pagina.goto(esperada)
        esperar_app(pagina)
        pagina.wait_for_selector("[data-testid=stMain] h1", timeout=30000)
        # The board draws in steps (title first): wait for the filter's name rather than read the page at once.
        pagina.get_by_test_id("stMain").get_by_text("Región Norte").first.wait_for(timeout=30000)
        assert "Pizarra por región" in pagina.get_by_test_id("stMain").inner_text()
        assert parse_qs(urlparse(pagina.url).query).get("region") == ["norte"]
        assert pagina.externas == []


@pytest.fixture(scope="module")
def servidor_local(base_con_decks, tmp_path_factory):
    """The app as a laptop runs it: 127.0.0.1 and no public address (on its own copy of the database: the other
    server holds the file)."""
    carpeta = tmp_path_factory.mktemp("srv_local")
    copia = carpeta / "local.duckdb"
    shutil.copy(base_con_decks, copia)
    with servidor_en(copia, carpeta, {"PIZARRAS_URL_PUBLICA": ""}) as u:
        yield u


def test_at_127_0_0_1_the_projected_slide_carries_no_presenter_instructions(navegador, servidor_local):
    """Nobody in the room can reach 127.0.0.1: no QR panel and no «make run …» advice on the slide; the deck's page
    tells the presenter instead, before presenting."""
    for pagina in pagina_en(navegador, servidor_local, viewport={"width": 1280, "height": 720}):
        pagina.goto(f"{servidor_local}/presentacion?presentacion=recorrido-regional&diapositiva=1&avance=0&{EMBED}")
        esperar_diapositiva(pagina, 1, 4)
        texto = pagina.get_by_test_id("stMain").inner_text()
        for instruccion in ("make run", "PIZARRAS_URL_PUBLICA", "HOST=0.0.0.0", "red del lugar"):
            assert instruccion not in texto
        assert pagina.get_by_test_id("stImage").count() == 0
        SALIDA.mkdir(parents=True, exist_ok=True)
        pagina.screenshot(path=str(SALIDA / "local_127_0_0_1.png"))
        revisar_grafica(pagina.evaluate(MEDIDAS_GRAFICA), 720, 1)

        pagina.goto(f"{servidor_local}/presentacion")
        esperar_app(pagina)
        pagina.get_by_text("make run HOST=0.0.0.0").first.wait_for(timeout=30000)
        assert pagina.externas == []


def test_full_screen_from_the_deck_page_fading_controls_and_salir_back_to_the_deck(navegador, servidor):
    """«Pantalla completa» presents in the same tab in the browser's real full screen; the controls fade when the
    mouse rests and come back when it moves; «Salir» leaves full screen and lands on the deck presented, at the
    slide it stopped at — with no second tab."""
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        pagina.goto(f"{servidor}/presentacion")
        esperar_app(pagina)
        pagina.get_by_role("combobox", name="Presentación").click()
        pagina.get_by_role("option", name="Recorrido por las regiones", exact=True).click()
        esperar_app(pagina)
        pagina.get_by_role("button", name="Pantalla completa").click()
        esperar_diapositiva(pagina, 1, 4)
        pagina.wait_for_function("() => document.fullscreenElement !== null", timeout=10000)
        assert len(pagina.context.pages) == 1
        sello = pagina.get_by_test_id("sello-datos").inner_text().strip()
        assert re.fullmatch(r"Datos al \d\d/\d\d/\d{4} \d\d:\d\d", sello), sello
        pagina.keyboard.press("ArrowRight")
        esperar_diapositiva(pagina, 2, 4)
        assert pagina.get_by_test_id("sello-datos").inner_text().strip() == sello  # one stamp for the whole talk

        controles = pagina.locator(".st-key-presentacion_controles")
        pagina.mouse.move(600, 300)
        assert controles.evaluate("e => getComputedStyle(e).opacity") == "1"
        pagina.wait_for_function("() => document.body.classList.contains('presentacion-quieta')", timeout=10000)
        pagina.wait_for_function(
            "() => getComputedStyle(document.querySelector('.st-key-presentacion_controles')).opacity === '0'",
            timeout=5000)
        pagina.mouse.move(640, 400)
        pagina.wait_for_function("() => !document.body.classList.contains('presentacion-quieta')", timeout=5000)
        boton = pagina.get_by_role("button", name="Siguiente")
        assert boton.inner_text().count("→") + boton.inner_text().count("arrow") <= 1

        pagina.get_by_role("button", name="Salir").click()
        esperar_app(pagina)
        pagina.get_by_text("se detuvo en la diapositiva 2 de 4").wait_for(timeout=30000)
        pagina.wait_for_function("() => document.fullscreenElement === null", timeout=10000)
        assert "Recorrido por las regiones" in pagina.get_by_role("combobox", name="Presentación").input_value()
        assert len(pagina.context.pages) == 1
        assert pagina.externas == []


def test_the_presenter_window_follows_and_drives_the_projector_window(navegador, servidor):
    """Two windows on one machine: the presenter's shows the slide on screen, the next one, the clock and the time
    left; its arrow keys move the projector's window, and the projector's keys move what it shows."""
    for proyector in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        proyector.goto(f"{servidor}/presentacion?presentacion=recorrido-regional&diapositiva=1&avance=0&{EMBED}")
        esperar_diapositiva(proyector, 1, 4)
        with proyector.context.expect_page() as nueva:
            proyector.get_by_role("link", name="Presentador").click()
        presentador = nueva.value
        presentador.set_viewport_size({"width": 1000, "height": 700})
        esperar_app(presentador)
        contador_ = presentador.get_by_test_id("presentador-contador")
        presentador.wait_for_function(
            "() => document.querySelector('[data-testid=presentador-contador]')?.textContent === '1 / 4'",
            timeout=30000)
        assert presentador.get_by_test_id("presentador-actual").text_content() == "Los organismos de una región"
        assert presentador.get_by_test_id("presentador-siguiente").text_content().startswith("Sigue: ")
        assert re.fullmatch(r"\d\d:\d\d:\d\d.*", presentador.get_by_test_id("presentador-reloj").text_content())
        assert presentador.get_by_test_id("presentador-restante").text_content() == "Avance a mano."

        presentador.keyboard.press("ArrowRight")  # the presenter's key moves the projector
        esperar_diapositiva(proyector, 2, 4)
        presentador.wait_for_function(
            "() => document.querySelector('[data-testid=presentador-contador]')?.textContent === '2 / 4'",
            timeout=30000)
        proyector.keyboard.press("ArrowRight")  # and the projector's own key moves what the presenter sees
        esperar_diapositiva(proyector, 3, 4)
        presentador.wait_for_function(
            "() => document.querySelector('[data-testid=presentador-contador]')?.textContent === '3 / 4'",
            timeout=30000)
        presentador.get_by_role("button", name="← Anterior").click()
        esperar_diapositiva(proyector, 2, 4)
        assert contador_.count() == 1
        assert presentador.get_by_test_id("stException").count() == 0
        assert proyector.externas == []
