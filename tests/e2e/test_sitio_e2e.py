"""The static site served as plain files (`python -m http.server`) and read in headless Chromium, against the app.

For many filter choices — every single value of each filter, and random pairs and triples — every figure, stamp,
notice and chart row the site's browser code computes equals what the app's public board shows (its board functions,
`pizarras.publicacion.sitio.tableros.vista`), on the seed database with edits awaiting review that the public must
not see. The filtered CSV is byte for byte the app's download. Then the site as people meet it: the app's paths and
query strings, filters by mouse and keyboard, chips and «Restablecer», no JavaScript, a phone and a projector, hostile
text, no request to another host, and the open data's row counts.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import date
from functools import partial
from pathlib import Path

import duckdb
import pytest

from bench.servidor import puerto_libre
from pizarras.base.consultas import ejecutar
from pizarras.lectura.filtros import DEFINICIONES, desde_url
from pizarras.lectura.tableros import capacitaciones as t_capacitaciones
from pizarras.lectura.tableros import compromisos as t_compromisos
from pizarras.lectura.tableros.nacional import actividades_para_descarga
from pizarras.publicacion import datos_abiertos, exportar
from pizarras.publicacion.presentaciones import opciones_de
from pizarras.publicacion.sitio.tableros import PAGINAS, vista
from tests.apoyo.navegador import RAIZ, pagina_en
from tests.apoyo.publico_prueba import con_registros_sin_validar

pytestmark = pytest.mark.browser
SALIDA = RAIZ / "test-results" / "sitio"
HOSTIL = '<img src=x onerror="window.atacado=1">«Taller» & <b>más</b>'
HOY = date.today()


def _editar_sin_validar(ruta: Path) -> None:
    """Edits awaiting review on published records, a draft and a hostile title that was validated: the public
    sees the published versions only, and the hostile text as text."""
    con = duckdb.connect(str(ruta))
    try:
        con.execute("update actividades set avance = 3, estatus = 'en_proceso', revision = 'enviada' where id % 7 = 0")
        con.execute("update compromisos set estatus = 'cancelada', revision = 'enviada' where id % 5 = 0")
        con.execute("update capacitaciones set participantes = 99999, revision = 'enviada' where id % 6 = 0")
        primera = con.execute("select id from actividades_publicadas order by reportado_en desc, id limit 1").fetchone()[0]
        for tabla in ("actividades", "actividades_publicadas"):
            con.execute(f"update {tabla} set titulo = ? where id = ?", [HOSTIL, primera])
        # Two reports in the same second: the newest first by the fraction, as the app orders, not by id.
        menor, mayor = con.execute("select min(id), max(id) from actividades_publicadas where organismo = 'INAI'").fetchone()
        for tabla in ("actividades", "actividades_publicadas"):
            con.execute(f"update {tabla} set reportado_en = timestamp '2026-11-30 10:00:00.100' where id = ?", [menor])
            con.execute(f"update {tabla} set reportado_en = timestamp '2026-11-30 10:00:00.900' where id = ?", [mayor])
        con.execute("checkpoint")
    finally:
        con.close()


def _servir(carpeta: Path):
    puerto = puerto_libre()
    proceso = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(puerto), "--bind", "127.0.0.1", "--directory", str(carpeta)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{puerto}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/index.html", timeout=2).close()
            break
        except OSError:
            time.sleep(0.05)
    return proceso, url


def _publicar(base: Path, destino: Path) -> Path:
    hecho = subprocess.run([sys.executable, "-m", "pizarras", "publicar", str(destino), "--db", str(base)],
                           cwd=RAIZ, capture_output=True, text=True)
    assert hecho.returncode == 0, hecho.stderr
    return destino


@pytest.fixture(scope="module")
def base(ruta_seed, tmp_path_factory) -> Path:
    ruta = Path(shutil.copy(ruta_seed, tmp_path_factory.mktemp("sitio-base") / "seed.duckdb"))
    _editar_sin_validar(ruta)
    return ruta


@pytest.fixture(scope="module")
def con(base, servidor):  # after the publication: `publicar` opens the file for writing (migrations)
    conexion = duckdb.connect(str(base), read_only=True)
    yield conexion
    conexion.close()


@pytest.fixture(scope="module")
def servidor(base, tmp_path_factory):
    proceso, url = _servir(_publicar(base, tmp_path_factory.mktemp("sitio") / "sitio"))
    try:
        yield url
    finally:
        proceso.terminate()
        proceso.wait(timeout=10)


@pytest.fixture(scope="module")
def lector(navegador, servidor):
    """One page of the site, for `Pizarras.calcular` (the code every board runs) over many filter choices."""
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        pagina.goto(f"{servidor}/pizarra_nacional/")
        pagina.wait_for_selector("body[data-listo='1']")
        yield pagina


def _elecciones(con) -> list[str]:
    """Query strings: every single value of each filter, then random pairs and triples (a fixed seed)."""
    opciones = opciones_de(con)
    unos = [(d.clave, str(o.clave)) for d in DEFINICIONES for o in opciones[d.clave]]
    azar = random.Random(21)
    varios = []
    for cuantos in (2, 3):
        for _ in range(30):
            claves = azar.sample([d.clave for d in DEFINICIONES], cuantos)
            varios.append([(c, str(azar.choice(opciones[c]).clave)) for c in claves])
    return [""] + [urllib.parse.urlencode([par]) for par in unos] + [urllib.parse.urlencode(p) for p in varios]


def _con_uno(consulta: str, clave: str, valores: list[str], azar: random.Random) -> str:
    """The query with exactly one value of `clave` (the región and organismo boards show one)."""
    pares = [p for p in urllib.parse.parse_qsl(consulta) if p[0] != clave]
    return urllib.parse.urlencode(pares + [(clave, azar.choice(valores))])


def _filtros(con, consulta: str):
    return desde_url(urllib.parse.parse_qs(consulta), opciones_de(con)).filtros


def _de_la_app(con, ruta: str, consulta: str) -> dict:
    return vista(partial(ejecutar, con), ruta, _filtros(con, consulta), HOY)


def _diferencias(app: dict, sitio: dict) -> list:
    if "elegir" in app or "elegir" in sitio:
        return [] if app.get("elegir") == sitio.get("elegir") else [("elegir", app, sitio)]
    dif = [(k, app[k], sitio[k]) for k in ("cifras", "validados", "demo", "demo_corto", "notas", "vacia")
           if app[k] != sitio[k]]
    if app.get("resumenes", []) != sitio["resumenes"]:  # the summary tables, cell by cell
        dif.append(("resumenes", app.get("resumenes"), sitio["resumenes"]))
    filas_app = {k: g["filas"] for k, g in app["graficas"].items()}
    titulos = {k: g["titulo"] for k, g in app["graficas"].items()}
    if titulos != sitio["titulos"]:
        dif.append(("titulos", titulos, sitio["titulos"]))
    if list(filas_app) != list(sitio["graficas"]):
        return dif + [("graficas", list(filas_app), list(sitio["graficas"]))]
    for clave, filas in filas_app.items():
        otras = sitio["graficas"][clave]
        if len(filas) != len(otras):
            dif.append((clave, "filas", len(filas), len(otras)))
            continue
        for a, b in zip(filas, otras, strict=True):
            iguales = a[0] == b[0] and all(
                (x is None and y is None) or (x is not None and y is not None and abs(x - y) <= 1e-9)
                for x, y in zip(a[1:], b[1:], strict=True))
            if not iguales:
                dif.append((clave, a, b))
                break
    return dif


@pytest.mark.parametrize("ruta", list(PAGINAS))
def test_every_figure_and_chart_row_equals_the_apps_public_board_for_many_filter_choices(con, lector, ruta):
    elecciones = _elecciones(con)
    azar = random.Random(ruta)
    elegir = PAGINAS[ruta].elegir
    if elegir:  # one región or one organismo, under every other choice
        valores = [str(o.clave) for o in opciones_de(con)[elegir]]
        elecciones = [_con_uno(q, elegir, valores, azar) for q in elecciones[::2]] + [""]
    distintas = []
    for consulta in elecciones:
        sitio = lector.evaluate("([r, q]) => Pizarras.calcular(r, q)", [ruta, "?" + consulta])
        diferencias = _diferencias(_de_la_app(con, ruta, consulta), sitio)
        if diferencias:
            distintas.append((consulta, diferencias[:3]))
    assert distintas == [], f"{len(distintas)} de {len(elecciones)} vistas difieren de la app: {distintas[:3]}"


@pytest.mark.parametrize("tipo, consulta", [
    ("actividades", ""), ("actividades", "region=norte&ods=16"), ("actividades", "periodo=2024&estatus=concluida"),
    ("actividades", "organismo=INAI"),
    ("compromisos", "ods=16"), ("compromisos", "estatus=concluida&region=centro"),
    ("capacitaciones", "region=sureste"), ("capacitaciones", "programa=protai"),
    # The organismo board's commitments and trainings tables, as its tabs in the app download them.
    ("compromisos", "organismo=ITEI"), ("capacitaciones", "organismo=ITEI"),
])
def test_the_filtered_csv_is_the_apps_download_byte_for_byte(con, lector, tipo, consulta):
    filtros = _filtros(con, consulta)
    consultar = partial(ejecutar, con)
    tabla = {"actividades": lambda: actividades_para_descarga(consultar, filtros),
             "compromisos": lambda: t_compromisos.compromisos_para_descarga(consultar, filtros, HOY),
             "capacitaciones": lambda: t_capacitaciones.capacitaciones_para_descarga(consultar, filtros)}[tipo]()
    del_sitio = lector.evaluate("([t, q]) => Pizarras.filasCSV(t, q)", [tipo, "?" + consulta])
    assert len(tabla) > 0
    assert del_sitio.encode("utf-8") == exportar.a_csv(tabla)


def test_the_organismo_board_shows_its_tables_as_the_apps_tabs(con, navegador, servidor):
    """Activities by eje and status, its entidad's commitments and the trainings it organised (a federal member:
    the app's sentence instead of commitments)."""
    consultar = partial(ejecutar, con)
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        _abrir(pagina, servidor + "/pizarra_organismo/?organismo=ITEI")
        app = _de_la_app(con, "pizarra_organismo", "organismo=ITEI")
        filas = pagina.evaluate("""() => Array.from(document.querySelectorAll('[data-resumen=ejes] tbody tr'))
            .map(f => Array.from(f.children).map(c => c.textContent))""")
        assert filas == app["resumenes"][0]["filas"] and filas
        pagina.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        filtros = _filtros(con, "organismo=ITEI")
        for tipo, cuantas in (("compromisos", len(t_compromisos.compromisos_para_descarga(consultar, filtros, HOY))),
                              ("capacitaciones", len(t_capacitaciones.capacitaciones_para_descarga(consultar, filtros)))):
            caja = pagina.locator(f"#tabla-{tipo}")
            caja.scroll_into_view_if_needed()
            caja.locator("table").wait_for()
            assert cuantas > 0 and caja.locator("p").first.inner_text().startswith(f"{cuantas} filas")
        _abrir(pagina, servidor + "/pizarra_organismo/?organismo=INAI")
        assert "INAI es un integrante federal" in pagina.locator("#tabla-compromisos").inner_text()


def _abrir(pagina, url: str) -> None:
    pagina.goto(url)
    pagina.wait_for_selector("body[data-listo='1']")


def _cifras(pagina) -> list[list[str]]:
    return pagina.evaluate("""() => Array.from(document.querySelectorAll('#cifras .kpi'))
        .map(k => [k.dataset.cifra, k.querySelector('b').textContent])""")


@pytest.mark.parametrize("camino, ruta, consulta", [
    ("/pizarra_region?region=norte", "pizarra_region", "region=norte"),
    ("/pizarra_nacional?region=norte&ods=16", "pizarra_nacional", "region=norte&ods=16"),
    ("/pizarra_organismo?organismo=INAI", "pizarra_organismo", "organismo=INAI"),
    ("/compromisos?ods=16&region=Regi%C3%B3n%20Centro", "compromisos", "ods=16&region=centro"),
    ("/regiones.html?region=norte", "pizarra_region", "region=norte"),  # the site's old file names still work
])
def test_the_apps_paths_open_the_same_view_with_its_filters_named(con, navegador, servidor, camino, ruta, consulta):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        _abrir(pagina, servidor + camino)
        assert urllib.parse.urlparse(pagina.url).path == f"/{ruta}/"
        app = _de_la_app(con, ruta, consulta)
        assert _cifras(pagina) == app["cifras"]
        chips = pagina.locator("#chips .chip").all_inner_texts()
        assert len(chips) == len(urllib.parse.parse_qsl(consulta)) and all(": " in c for c in chips)
        assert pagina.externas == []


def test_filters_change_by_keyboard_chips_remove_them_and_restablecer_clears_all(con, navegador, servidor):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        _abrir(pagina, f"{servidor}/pizarra_nacional/")
        region = pagina.locator("details.filtro summary").first
        region.focus()
        pagina.keyboard.press("Enter")  # opens the Región filter
        pagina.keyboard.press("Tab")
        pagina.keyboard.press("Space")  # ticks its first option
        pagina.wait_for_function("location.search.includes('region=')")
        elegida = urllib.parse.parse_qs(urllib.parse.urlparse(pagina.url).query)["region"][0]
        assert _cifras(pagina) == _de_la_app(con, "pizarra_nacional", f"region={elegida}")["cifras"]
        _abrir(pagina, f"{servidor}/pizarra_nacional/?region=norte&ods=16&estatus=concluida")
        pagina.get_by_role("button", name="Quitar el filtro ODS: 16. Paz, justicia e instituciones sólidas").click()
        pagina.wait_for_function("!location.search.includes('ods=')")
        assert _cifras(pagina) == _de_la_app(con, "pizarra_nacional", "region=norte&estatus=concluida")["cifras"]
        pagina.get_by_role("button", name="Restablecer").click()
        pagina.wait_for_function("location.search === ''")
        assert _cifras(pagina) == _de_la_app(con, "pizarra_nacional", "")["cifras"]
        assert pagina.locator("#chips").inner_text().startswith("Sin filtros")


def test_an_unknown_value_is_named_and_left_out(con, navegador, servidor):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        _abrir(pagina, f"{servidor}/pizarra_nacional/?region=atlantida&ods=16")
        assert "Se ignoró el valor 'atlantida' del filtro «Región»" in pagina.locator("#avisos").inner_text()
        assert _cifras(pagina) == _de_la_app(con, "pizarra_nacional", "ods=16")["cifras"]


@pytest.mark.parametrize("ancho, alto", [(390, 844), (1280, 720), (1920, 1080)])
def test_no_page_is_wider_than_the_screen_and_a_phone_sees_a_chart_within_a_screen_and_a_half(
        navegador, servidor, ancho, alto):
    telefono = ancho < 500
    for pagina in pagina_en(navegador, servidor, viewport={"width": ancho, "height": alto}, is_mobile=telefono,
                            has_touch=telefono):
        for ruta in PAGINAS:
            consulta = {"pizarra_region": "?region=norte", "pizarra_organismo": "?organismo=INAI"}.get(
                ruta, "?region=norte&ods=16")
            _abrir(pagina, f"{servidor}/{ruta}/{consulta}")
            pagina.locator("#tabla").scroll_into_view_if_needed() if pagina.locator("#tabla").count() else None
            pagina.wait_for_timeout(200)
            ancho_doc = pagina.evaluate("document.documentElement.scrollWidth")
            assert ancho_doc <= ancho, f"{ruta}: {ancho_doc} px de ancho en una pantalla de {ancho}"
            if telefono and ruta == "pizarra_nacional":
                pagina.evaluate("window.scrollTo(0, 0)")
                arriba = pagina.evaluate("document.querySelector('.grafica').getBoundingClientRect().top")
                assert arriba < 1.5 * alto, f"La primera gráfica empieza a {arriba} px"
            SALIDA.mkdir(parents=True, exist_ok=True)
            pagina.screenshot(path=str(SALIDA / f"{ruta}-{ancho}x{alto}.png"), full_page=True)


def test_the_table_of_the_filtered_rows_shows_hostile_text_as_text(navegador, servidor):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        errores: list[str] = []
        pagina.on("pageerror", lambda e: errores.append(str(e)))
        for consulta in ("", "?periodo=2024"):
            _abrir(pagina, f"{servidor}/pizarra_nacional/{consulta}")
            pagina.locator("#tabla").scroll_into_view_if_needed()
            pagina.wait_for_selector("body[data-tabla='1']") if consulta else None
            texto = pagina.locator("#tabla").inner_text()
            if consulta == "":
                assert HOSTIL in texto
            assert pagina.locator("#tabla img, #tabla b").count() == 0
            assert pagina.evaluate("window.atacado") is None
        assert errores == []


def test_without_javascript_each_board_shows_its_unfiltered_figures_and_tables(con, navegador, servidor):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}, java_script_enabled=False):
        for ruta in ("pizarra_nacional", "compromisos", "capacitaciones", "mapa"):
            pagina.goto(f"{servidor}/{ruta}/?region=norte")  # no script: the unfiltered board
            assert _cifras(pagina) == _de_la_app(con, ruta, "")["cifras"]
            assert pagina.locator("#graficas table").count() >= 1
            if PAGINAS[ruta].tabla:
                assert pagina.locator("#tabla tbody tr").count() > 0
            assert pagina.get_by_role("button", name="Aplicar").is_visible()  # the form still filters, by reload


@pytest.mark.parametrize("ruta", ["", "datos_abiertos/"] + [f"{r}/" for r in PAGINAS])
def test_each_page_loads_offline_without_console_errors(navegador, servidor, ruta):
    for pagina in pagina_en(navegador, servidor, viewport={"width": 1280, "height": 720}):
        errores: list[str] = []
        pagina.on("console", lambda m: errores.append(m.text) if m.type == "error" else None)
        pagina.on("pageerror", lambda e: errores.append(str(e)))
        pagina.goto(f"{servidor}/{ruta}")
        pagina.wait_for_load_state("load")
        if ruta.rstrip("/") in PAGINAS:
            pagina.wait_for_selector("body[data-listo='1']")
        assert pagina.evaluate("document.documentElement.lang") == "es"
        assert errores == [] and pagina.externas == []


def test_the_open_data_loads_back_with_the_validated_row_counts_and_drafts_never_reach_it(
        ruta_pequena, tmp_path):
    base = con_registros_sin_validar(ruta_pequena, tmp_path / "mixta.duckdb")
    sitio = _publicar(base, tmp_path / "sitio")
    origen = duckdb.connect(str(base), read_only=True)
    try:
        todas = {c.nombre: len(datos_abiertos.tabla(origen, c.nombre)) for c in datos_abiertos.CONJUNTOS}
    finally:
        origen.close()
    assert {t: todas[t] for t in ("actividades", "compromisos", "capacitaciones")} == {
        "actividades": 3, "compromisos": 2, "capacitaciones": 2}
    lector = duckdb.connect()
    for tabla, n in todas.items():
        for funcion, formato in (("read_parquet", "parquet"), ("read_json", "json"), ("read_csv", "csv")):
            ruta = str(sitio / "datos" / formato / f"{tabla}.{formato}")
            assert lector.execute(f"select count(*) from {funcion}(?)", [ruta]).fetchone()[0] == n, ruta
    ids = {i for (i,) in lector.execute("select id from read_parquet(?)",
                                         [str(sitio / "datos" / "parquet" / "actividades.parquet")]).fetchall()}
    assert ids == {1, 3, 6}


REGLAS_AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}
VISTAS_AXE = ["", "datos_abiertos/", "pizarra_region/", "pizarra_organismo/"] + [f"{r}/" for r in PAGINAS] + [
    f"{r}/?region=norte&ods=16&periodo=2024" for r in PAGINAS if r not in ("pizarra_region", "pizarra_organismo")
] + ["pizarra_region/?region=norte&estatus=concluida", "pizarra_organismo/?organismo=INAI&periodo=2024",
     "pizarra_nacional/?region=atlantida"]


@pytest.mark.parametrize("ancho, alto", [(1280, 720), (390, 844)])
def test_axe_finds_no_serious_violation_on_any_site_page_filtered_or_not(navegador, servidor, ancho, alto):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    graves = {}
    for pagina in pagina_en(navegador, servidor, viewport={"width": ancho, "height": alto}):
        for vista_ in VISTAS_AXE:
            pagina.goto(f"{servidor}/{vista_}")
            pagina.wait_for_load_state("load")
            if pagina.locator("script[src$='sitio.js']").count():  # a board: once drawn
                pagina.wait_for_selector("body[data-listo='1']")
                pagina.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # filters too
                if pagina.locator("#tabla").is_visible():  # the filtered rows load as the table nears
                    pagina.locator("#tabla").scroll_into_view_if_needed()
                    pagina.wait_for_timeout(300)
            resultado = axe.run(pagina, options=REGLAS_AXE)
            malas = [f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes']][:3]}"
                     for v in resultado.response["violations"] if v["impact"] in ("serious", "critical")]
            if malas:
                graves[vista_] = malas
    assert graves == {}
