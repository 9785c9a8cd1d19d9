"""Generate the fact CSVs in seed/datos/ from the catalogs and the real records under seed/.

What is real and what is demo
- compromisos: 77 real commitments from fuentes/compromisos_locales.csv (es_demo=false, with their source) plus 63
  demo commitments (es_demo=true) that complete the 21 local plans and the published total of 140. No source aligns
  a single commitment to an ODS, so every non-empty `ods` is demo (`ods_es_demo=true`); the counts per ODS reproduce
  the published aggregate table (60 aligned).
- capacitaciones: the 16 rows of fuentes/capacitaciones.csv and five facts of the 2019-2020 commission report are
  real (es_demo=false); about five demo trainings per organismo (2022-2025) are es_demo=true.
- stl_integrantes: the totals (184 people by sector and by sex) are published; the split by entidad, sector and sex is
  demo, so every row is es_demo=true.
- actividades, actividad_ejes_transversales, actividad_ods: all demo (es_demo=true, fuente "Datos de demostración").

The data it draws on (the published figures, the demo commitments, title banks, keyword rules and weights) is in
seed/demo/, one JSON file per table plus cifras_publicadas.json; each file says what it holds.

The output is deterministic: each table draws from its own random.Random(2026) and rows are written in a fixed
order, so two runs give byte-identical files. Standard library only; reads nothing outside seed/.
Run from the repository root: python -m seed.generate_demo
"""

from __future__ import annotations

import calendar
import csv
import json
import random
import re
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

SEED = 2026
CARPETA = Path(__file__).resolve().parent
CATALOGOS = CARPETA / "catalogos"
FUENTES = CARPETA / "fuentes"
DATOS = CARPETA / "datos"
DEMO = CARPETA / "demo"

FUENTE_DEMO = "Datos de demostración"
CORTE = date(2025, 11, 30)            # reference date of the demo board: overdue = fecha_fin before this and not done
LIMITE_REPORTE = date(2025, 12, 15)   # no demo report is timestamped later than this


# --------------------------------------------------------------------------------------------- seed/demo/

def leer_demo(nombre: str) -> dict:
    """seed/demo/<nombre>.json without its `_descripcion`."""
    datos = json.loads((DEMO / f"{nombre}.json").read_text(encoding="utf-8"))
    return {clave: valor for clave, valor in datos.items() if not clave.startswith("_")}


def cifras_publicadas() -> dict:
    """Name -> value of each published figure in seed/demo/cifras_publicadas.json; ODS numbers as int, dates as date."""
    cifras = {nombre: cifra["valor"] for nombre, cifra in leer_demo("cifras_publicadas")["cifras"].items()}
    cifras["compromisos_por_ods"] = {int(ods): cuantos for ods, cuantos in cifras["compromisos_por_ods"].items()}
    cifras["capacitaciones"] = [
        c | {k: date.fromisoformat(c[k]) if c[k] else None for k in ("fecha_inicio", "fecha_fin")}
        for c in cifras["capacitaciones"]
    ]
    return cifras


# Published figures (informe de la CGAyTP del SNT, nov 2019 - nov 2020) and the citation their rows carry.
CIFRAS = cifras_publicadas()
INFORME_CGAYTP = leer_demo("cifras_publicadas")["fuentes"]["informe_cgaytp"]


# --------------------------------------------------------------------------------------------- input / output

def leer_csv(ruta: Path) -> list[dict[str, str]]:
    """Read a UTF-8 CSV with a header row into a list of dicts."""
    with ruta.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def columnas_de_tabla(tabla: str) -> list[str]:
    """Column names of `tabla` in the baseline schema (step 1), in declaration order: the CSVs' columns."""
    texto = (CARPETA.parent / "pizarras" / "base" / "migraciones" / "001_base.sql").read_text(encoding="utf-8")
    m = re.search(rf"create table {tabla} \((.*?)\n\);", texto, re.S)
    if not m:
        raise ValueError(f"tabla {tabla} no está en schema.sql")
    columnas = []
    for linea in m.group(1).splitlines():
        palabra = linea.strip().split(" ", 1)[0]
        if palabra and not palabra.startswith("--") and palabra not in {"primary", "unique", "check", "foreign"}:
            columnas.append(palabra)
    return columnas


def celda(valor: object) -> str:
    """Format one value: NULL as empty, booleans as true/false, dates ISO, timestamps without fraction."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "true" if valor else "false"
    if isinstance(valor, datetime):
        return valor.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(valor, date):
        return valor.isoformat()
    return str(valor)


def escribir_tabla(tabla: str, filas: list[dict]) -> None:
    """Write seed/datos/<tabla>.csv with exactly the table's columns, in schema order."""
    columnas = columnas_de_tabla(tabla)
    DATOS.mkdir(exist_ok=True)
    with (DATOS / f"{tabla}.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columnas)
        for fila in filas:
            if set(fila) != set(columnas):
                raise ValueError(f"{tabla}: columnas {sorted(set(fila) ^ set(columnas))} no coinciden con el esquema")
            w.writerow([celda(fila[c]) for c in columnas])


def cargar_catalogos() -> dict[str, list[dict[str, str]]]:
    """All catalog CSVs, keyed by file stem."""
    return {ruta.stem: leer_csv(ruta) for ruta in sorted(CATALOGOS.glob("*.csv"))}


def dia_entre(rng: random.Random, inicio: date, fin: date) -> date:
    """A random day in [inicio, fin]."""
    return inicio + timedelta(days=rng.randint(0, max(0, (fin - inicio).days)))


def dia_habil(dia: date) -> date:
    """The same day, or the next Monday when it falls on a weekend."""
    return dia + timedelta(days=(7 - dia.weekday()) % 7 if dia.weekday() >= 5 else 0)


def momento(rng: random.Random, dia: date) -> datetime:
    """A working-hours timestamp on `dia`."""
    return datetime(dia.year, dia.month, dia.day, rng.randint(8, 19), rng.randint(0, 59), rng.randint(0, 59))


def entero(texto: str) -> int | None:
    return int(texto) if texto.strip() else None


def fecha_parcial(texto: str, al_final: bool) -> date | None:
    """'2019' / '2015-05' / '2020-09-14' -> a date; partial dates give the first (or last) day of the period."""
    texto = texto.strip()
    if not texto:
        return None
    partes = [int(p) for p in texto.split("-")]
    if len(partes) == 3:
        return date(*partes)
    if len(partes) == 2:
        anio, mes = partes
        return date(anio, mes, calendar.monthrange(anio, mes)[1] if al_final else 1)
    return date(partes[0], 12, 31) if al_final else date(partes[0], 1, 1)


# --------------------------------------------------------------------------------------------- compromisos

# seed/demo/compromisos.json: source status rules, demo ODS by tema, demo commitments, status weights.
_COMPROMISOS = leer_demo("compromisos")
ESTATUS_FUENTE = _COMPROMISOS["estatus_fuente"]
ODS_POR_TEMA = _COMPROMISOS["ods_por_tema"]
PLANES_DEMO = _COMPROMISOS["planes_demo"]
ESTATUS_DEMO_PLAN = {int(numero): pesos for numero, pesos in _COMPROMISOS["estatus_por_plan"].items()}


def claves_entidad(catalogos: dict) -> dict[str, str]:
    """nombre_corto -> INEGI code."""
    return {e["nombre_corto"]: e["clave"] for e in catalogos["entidades"]}


def plan_numero(plan: str) -> int:
    """Ordinal of a local plan from its name."""
    if plan.startswith("Tercer"):
        return 3
    return 2 if plan.startswith("Segundo") or "Action Plan 2" in plan else 1


def anios_periodo(periodo: str) -> tuple[int, int]:
    """(anio_inicio, anio_fin) from a source period text; 'duración de un año' spans into the next year."""
    if m := re.match(r"(\d{4})-(\d{4})\b", periodo):
        return int(m.group(1)), int(m.group(2))
    if m := re.match(r"(\d{4})\b", periodo):
        return int(m.group(1)), int(m.group(1))
    if (m := re.search(r"(\d{4})-\d{2}-\d{2}", periodo)) and "duración de un año" in periodo:
        return int(m.group(1)), int(m.group(1)) + 1
    raise ValueError(f"periodo no reconocido: {periodo}")


def fecha_en_texto(texto: str) -> date | None:
    """The first full ISO date in a text (publication or presentation date of a plan)."""
    m = re.search(r"\d{4}-\d{2}-\d{2}", texto)
    return date.fromisoformat(m.group(0)) if m else None


def estatus_desde_fuente(texto: str) -> str:
    for patron, clave in ESTATUS_FUENTE:
        if patron in texto.lower():
            return clave
    raise ValueError(f"estatus de fuente no reconocido: {texto}")


def ods_por_tema(tema: str, titulo: str) -> int:
    """Demo ODS candidate of a real commitment; an anti-corruption title wins over an OGP policy-area tema."""
    if "anticorrup" in titulo.lower():
        return 16
    tema = tema.lower()
    for regla in ODS_POR_TEMA:
        if any(p in tema for p in regla["palabras"]):
            return regla["ods"]
    return 16


def compromisos_reales(catalogos: dict) -> list[dict]:
    """The 77 sourced commitments of the 21 plans (Durango's third plan, after 2020, is left out)."""
    entidades = claves_entidad(catalogos)
    filas = []
    fuera = 0
    for f in leer_csv(FUENTES / "compromisos_locales.csv"):
        if plan_numero(f["plan"]) > 2:
            fuera += 1
            continue
        estatus = estatus_desde_fuente(f["estatus"])
        inicio, fin = anios_periodo(f["periodo"])
        filas.append({
            "entidad": entidades[f["entidad"]], "plan_accion": f["plan"], "plan_numero": plan_numero(f["plan"]),
            "plan_periodo": f["periodo"], "anio_inicio": inicio, "anio_fin": fin, "titulo": f["titulo"],
            "problema_publico": None, "area_politica": f["tema"] or None,
            "institucion_responsable": f["institucion_responsable"] or None,
            "estatus": estatus, "estatus_fuente": f["estatus"], "avance": 100 if estatus == "concluida" else None,
            "fecha_inicio": fecha_en_texto(f["periodo"]), "fecha_fin": None,
            "es_demo": False, "fuente_url": f["fuente_url"], "_ods_tema": ods_por_tema(f["tema"], f["titulo"]),
        })
    assert fuera == 7 and len(filas) == 77, (fuera, len(filas))
    return filas


def plan_de_fuentes(entidad: str, prefijo: str | None) -> dict[str, str]:
    """The row of planes_locales.csv for an entidad (and name prefix, when there are several)."""
    planes = [p for p in leer_csv(FUENTES / "planes_locales.csv") if p["entidad"] == entidad]
    if prefijo:
        planes = [p for p in planes if p["plan"].startswith(prefijo)]
    assert len(planes) == 1, (entidad, prefijo, planes)
    return planes[0]


def compromisos_demo(catalogos: dict, rng: random.Random) -> list[dict]:
    """63 demo commitments that complete the 21 plans of the report."""
    entidades = claves_entidad(catalogos)
    filas = []
    for plan_demo in PLANES_DEMO:
        entidad, plan, numero, periodo = (plan_demo[k] for k in ("entidad", "plan", "plan_numero", "periodo"))
        if plan is None or periodo is None:
            fuente = plan_de_fuentes(entidad, plan or ("Segundo" if numero == 2 else None))
            plan, periodo = fuente["plan"], periodo or fuente["periodo"]
        a0, a1 = anios_periodo(periodo)
        publicado = fecha_en_texto(periodo)
        for compromiso in plan_demo["compromisos"]:
            fijo_concluido = entidad == "Jalisco"  # OGP reports both Jalisco plans concluded (15 commitments)
            pesos = ESTATUS_DEMO_PLAN[numero]
            estatus = "concluida" if fijo_concluido else rng.choices(list(pesos), list(pesos.values()))[0]
            avance = {"concluida": 100, "programada": 0, "en_proceso": rng.randint(20, 90),
                      "cancelada": rng.randint(10, 60)}[estatus]
            lo = max(date(a0, 2, 1), publicado or date(a0, 2, 1))
            inicio = dia_entre(rng, lo, max(lo, date(a0, 10, 31)))
            fin = dia_entre(rng, max(inicio + timedelta(days=90), date(a1, 3, 1)), date(a1, 12, 15))
            filas.append({
                "entidad": entidades[entidad], "plan_accion": plan, "plan_numero": numero, "plan_periodo": periodo,
                "anio_inicio": a0, "anio_fin": a1, "titulo": compromiso["titulo"],
                "problema_publico": compromiso["problema_publico"], "area_politica": compromiso["area_politica"],
                "institucion_responsable": compromiso["institucion"], "estatus": estatus,
                "estatus_fuente": None, "avance": avance, "fecha_inicio": inicio, "fecha_fin": fin,
                "es_demo": True, "fuente_url": None, "_ods_tema": compromiso["ods"],
            })
    assert len(filas) == 63, len(filas)
    return filas


def asignar_ods(filas: list[dict], rng: random.Random) -> None:
    """Give the published number of commitments per ODS, picked among those whose theme fits; all demo."""
    for fila in filas:
        fila["ods"], fila["ods_es_demo"] = None, False
    for ods, cuantos in CIFRAS["compromisos_por_ods"].items():
        candidatas = [i for i, f in enumerate(filas) if f["_ods_tema"] == ods]
        assert len(candidatas) >= cuantos, f"ODS {ods}: {len(candidatas)} candidatas para {cuantos}"
        for i in sorted(rng.sample(candidatas, cuantos)):
            filas[i]["ods"], filas[i]["ods_es_demo"] = ods, True
    conteo = Counter(f["ods"] for f in filas if f["ods"] is not None)
    assert dict(conteo) == CIFRAS["compromisos_por_ods"], conteo
    assert sum(conteo.values()) == CIFRAS["compromisos_alineados_ods"]


def construir_compromisos(catalogos: dict) -> list[dict]:
    """140 commitments: real ones first (file order), then demo; ids 1..140."""
    rng = random.Random(SEED)
    filas = compromisos_reales(catalogos) + compromisos_demo(catalogos, rng)
    asignar_ods(filas, rng)
    for i, fila in enumerate(filas, start=1):
        fila["id"] = i
        del fila["_ods_tema"]
    assert len(filas) == CIFRAS["compromisos"]
    planes = {(f["entidad"], f["plan_accion"]) for f in filas}
    entidades = claves_entidad(catalogos)
    por_entidad = {entidades[e]: cuantos for e, cuantos in CIFRAS["planes_por_entidad"].items()}
    assert len(planes) == CIFRAS["planes_locales"] and Counter(e for e, _ in planes) == por_entidad, planes
    return filas


# --------------------------------------------------------------------------------------------- capacitaciones

# seed/demo/capacitaciones.json: title rules for sourced rows; topics, types and audiences of demo rows.
_CAPACITACIONES = leer_demo("capacitaciones")
TIPO_POR_TITULO = _CAPACITACIONES["tipo_por_titulo"]
TIPO_SEGUN_INFORME = _CAPACITACIONES["tipo_segun_informe"]
TEMA_POR_TITULO = _CAPACITACIONES["tema_por_titulo"]
PUBLICO_POR_TITULO = _CAPACITACIONES["publico_por_titulo"]
TEMAS_CAPACITACION = _CAPACITACIONES["temas_por_eje"]
EJES_PREFERIDOS = _CAPACITACIONES["ejes_preferidos"]
TIPOS_CAPACITACION = _CAPACITACIONES["tipos"]
PREFIJO_TIPO = _CAPACITACIONES["prefijo_tipo"]
SUFIJO_PUBLICO = _CAPACITACIONES["sufijo_publico"]
PUBLICO_POR_EJE = _CAPACITACIONES["publico_por_eje"]
PERSONAL_GARANTE = "Personal del organismo garante"  # an audience federal members do not have


def organismo_en_texto(texto: str, organismos: list[dict]) -> str | None:
    """Key of the SNT member named first in an organiser text, if any."""
    posiciones = []
    for o in organismos:
        for nombre in {o["clave"], o["sigla"]}:
            if m := re.search(rf"\b{re.escape(nombre)}\b", texto):
                posiciones.append((m.start(), o["clave"]))
    return min(posiciones)[1] if posiciones else None


def primera_regla(texto: str, reglas: list[tuple], defecto: tuple):
    """Values of the first rule whose keyword is in the lower-case text."""
    texto = texto.lower()
    for regla in reglas:
        if regla[0] in texto:
            return regla[1:]
    return defecto


def capacitaciones_reales(catalogos: dict) -> list[dict]:
    """The sourced trainings of fuentes/capacitaciones.csv, completed with the report's figures where it has them."""
    entidades = claves_entidad(catalogos) | {"Nacional": "00"}
    filas = []
    for f in leer_csv(FUENTES / "capacitaciones.csv"):
        titulo = f["titulo"]
        tipo = next((t for p, t in TIPO_SEGUN_INFORME.items() if titulo.startswith(p)), None)
        tipo = tipo or primera_regla(titulo, TIPO_POR_TITULO, ("curso",))[0]
        tema, eje = primera_regla(titulo, TEMA_POR_TITULO, (None, None))
        participantes = entero(f["participantes"])
        sujetos = None
        if "participantes = sujetos obligados" in titulo:
            participantes, sujetos = None, participantes
        fila = {
            "titulo": titulo, "tipo": tipo, "organismo": organismo_en_texto(f["organizador"], catalogos["organismos"]),
            "organizador": f["organizador"], "entidad": entidades[f["entidad"]], "modalidad": f["modalidad"] or None,
            "tema": tema, "eje": eje, "fecha_inicio": fecha_parcial(f["fecha_inicio"], al_final=False),
            "fecha_fin": fecha_parcial(f["fecha_fin"], al_final=True), "participantes": participantes,
            "mujeres": None, "hombres": None, "sujetos_obligados": sujetos,
            "publico": primera_regla(titulo, PUBLICO_POR_TITULO, (None,))[0],
            "es_demo": False, "fuente_url": f["fuente_url"],
        }
        if titulo.startswith("Jornada Nacional de Capacitación"):
            fila |= CIFRAS["jornada_nacional"]
            fila["fuente_url"] = f"{f['fuente_url']} | {INFORME_CGAYTP}"
        filas.append(fila)
    assert len(filas) == 16, len(filas)
    return filas


def capacitaciones_informe() -> list[dict]:
    """Trainings that only the commission report gives (real, es_demo=false)."""
    base = {"mujeres": None, "hombres": None, "sujetos_obligados": None, "es_demo": False,
            "fuente_url": INFORME_CGAYTP}
    return [base | c for c in CIFRAS["capacitaciones"]]


def capacitacion_demo(rng: random.Random, organismo: dict, ejes: list[str]) -> dict:
    """One demo training of an organismo."""
    preferidos = EJES_PREFERIDOS.get(organismo["clave"])
    eje = rng.choice(preferidos) if preferidos and rng.random() < 0.6 else rng.choice(ejes)
    tema, tema_titulo = rng.choice(TEMAS_CAPACITACION[eje])
    tipos = list(TIPOS_CAPACITACION)
    tipo = rng.choices(tipos, [TIPOS_CAPACITACION[t]["peso"] for t in tipos])[0]
    (pmin, pmax), (dmin, dmax) = TIPOS_CAPACITACION[tipo]["participantes"], TIPOS_CAPACITACION[tipo]["dias"]
    modalidades = TIPOS_CAPACITACION[tipo]["modalidades"]
    publicos = [p for p in PUBLICO_POR_EJE[eje] if not (organismo["tipo"] == "federal" and p == PERSONAL_GARANTE)]
    publico = rng.choice(publicos)
    anio = rng.choice([2022, 2023, 2024, 2025])
    inicio = dia_habil(dia_entre(rng, date(anio, 1, 20), date(anio, 11, 20)))
    fin = inicio + timedelta(days=rng.randint(dmin, dmax))
    if fin > CORTE:  # every demo training has already ended at the board's reference date
        inicio, fin = inicio - (fin - CORTE), CORTE
    participantes = rng.randint(pmin, pmax)
    mujeres = round(participantes * rng.uniform(0.50, 0.60))
    sujetos = None
    if publico == "Sujetos obligados" and rng.random() < 0.7:
        sujetos = rng.randint(5, min(participantes, 120))
    sufijo = SUFIJO_PUBLICO[publico] if rng.random() < 0.5 else ""
    return {
        "titulo": f"{PREFIJO_TIPO[tipo]}: {tema_titulo}{sufijo}", "tipo": tipo, "organismo": organismo["clave"],
        "organizador": organismo["sigla"], "entidad": organismo["entidad"], "modalidad": rng.choice(modalidades),
        "tema": tema, "eje": eje, "fecha_inicio": inicio, "fecha_fin": fin,
        "participantes": participantes, "mujeres": mujeres, "hombres": participantes - mujeres,
        "sujetos_obligados": sujetos, "publico": publico, "es_demo": True, "fuente_url": None,
    }


def construir_capacitaciones(catalogos: dict) -> list[dict]:
    """Real trainings first (sources, then the report), then 4-6 demo trainings per organismo; ids 1..N."""
    rng = random.Random(SEED)
    ejes = [e["clave"] for e in catalogos["ejes"]
            if e["programa"] in ("PROTAI", "PRONADATOS") and e["tipo"] == "tematico"]
    filas = capacitaciones_reales(catalogos) + capacitaciones_informe()
    for organismo in catalogos["organismos"]:
        propias = [capacitacion_demo(rng, organismo, ejes) for _ in range(rng.randint(4, 6))]
        filas += sorted(propias, key=lambda c: (c["fecha_inicio"], c["titulo"]))
    for i, fila in enumerate(filas, start=1):
        fila["id"] = i
    return filas


# --------------------------------------------------------------------------------------------- stl_integrantes

# seed/demo/stl_integrantes.json: the demo split of the sector totals by sex (it adds up to both published
# margins) and the rows' fuente text.
_STL = leer_demo("stl_integrantes")
STL_SECTOR_SEXO = {(c["sector"], c["sexo"]): c["personas"] for c in _STL["sector_sexo"]}
FUENTE_STL = _STL["fuente"]


def repartir(total: int, pesos: dict[str, float]) -> dict[str, int]:
    """Split `total` proportionally to `pesos` (largest remainder; ties by key)."""
    suma = sum(pesos.values())
    exactos = {k: total * p / suma for k, p in pesos.items()}
    partes = {k: int(v) for k, v in exactos.items()}
    resto = total - sum(partes.values())
    for k in sorted(exactos, key=lambda k: (-(exactos[k] - partes[k]), k))[:resto]:
        partes[k] += 1
    return partes


def construir_stl(catalogos: dict) -> list[dict]:
    """STL members by entidad, sector and sex: published totals, demo split; zero cells omitted."""
    rng = random.Random(SEED)
    por_sector, por_sexo = CIFRAS["stl_por_sector"], CIFRAS["stl_por_sexo"]
    assert sum(STL_SECTOR_SEXO.values()) == CIFRAS["stl_integrantes"]
    for sector, total in por_sector.items():
        assert sum(v for (s, _), v in STL_SECTOR_SEXO.items() if s == sector) == total
    for sexo, total in por_sexo.items():
        assert sum(v for (_, x), v in STL_SECTOR_SEXO.items() if x == sexo) == total
    entidades = claves_entidad(catalogos)
    claves = sorted(entidades[e] for e in CIFRAS["planes_por_entidad"])
    tamanio = {c: rng.uniform(0.6, 1.4) for c in claves}
    celdas = {}
    for (sector, sexo), total in STL_SECTOR_SEXO.items():
        reparto = repartir(total, {c: tamanio[c] * rng.uniform(0.7, 1.3) for c in claves})
        for clave, personas in reparto.items():
            celdas[(clave, sector, sexo)] = personas
    filas = [
        {"entidad": c, "sector": s, "sexo": x, "personas": celdas[(c, s, x)], "es_demo": True, "fuente": FUENTE_STL}
        for c in claves for s in por_sector for x in ("mujer", "hombre") if celdas[(c, s, x)] > 0
    ]
    assert {f["entidad"] for f in filas} == set(claves)
    assert sum(f["personas"] for f in filas) == CIFRAS["stl_integrantes"]
    for sector, total in por_sector.items():
        assert sum(f["personas"] for f in filas if f["sector"] == sector) == total
    for sexo, total in por_sexo.items():
        assert sum(f["personas"] for f in filas if f["sexo"] == sexo) == total
    return filas


# --------------------------------------------------------------------------------------------- actividades

# seed/demo/actividades.json: title bank per eje, federal members' ejes, status and review weights.
_ACTIVIDADES = leer_demo("actividades")
ACTIVIDADES_POR_EJE = _ACTIVIDADES["por_eje"]
TEMAS_MICROSITIO = _ACTIVIDADES["temas_micrositio"]
EJES_FEDERALES = _ACTIVIDADES["ejes_federales"]
ESTATUS_POR_PERIODO = {int(anio): pesos for anio, pesos in _ACTIVIDADES["estatus_por_periodo"].items()}
REVISION_POR_PERIODO = {int(anio): pesos for anio, pesos in _ACTIVIDADES["revision_por_periodo"].items()}


def ejes_de(catalogos: dict, programa: str, tipo: str) -> list[str]:
    return [e["clave"] for e in catalogos["ejes"] if e["programa"] == programa and e["tipo"] == tipo]


def reparto_programas(rng: random.Random, n: int, en_cgaytp: bool, en_cvpdcs: bool) -> list[tuple[str, int]]:
    """(programa, periodo) for the n activities of one organismo."""
    plan = [("PT-CGAYTP", rng.choice([2022, 2023])) for _ in range(rng.randint(2, 3) if en_cgaytp else 0)]
    plan += [("PT-CVPDCS", 2022) for _ in range(rng.randint(1, 2) if en_cvpdcs else 0)]
    resto = n - len(plan)
    n_datos = max(3, round(resto * rng.uniform(0.30, 0.45)))
    for programa, cuantos in (("PROTAI", resto - n_datos), ("PRONADATOS", n_datos)):
        plan += [(programa, rng.choices([2022, 2023, 2024, 2025], [18, 26, 28, 28])[0]) for _ in range(cuantos)]
    return plan


def fechas_actividad(rng: random.Random, programa: str, periodo: int) -> tuple[date, date]:
    """Start and end dates inside (or just after) the reporting year and the programme's life."""
    if programa == "PT-CGAYTP":
        lo, hi, tope = ((date(2022, 11, 14), date(2022, 12, 16), date(2023, 11, 30)) if periodo == 2022
                        else (date(2023, 1, 9), date(2023, 10, 2), date(2023, 11, 30)))
    elif programa == "PT-CVPDCS":
        lo, hi, tope = date(2022, 2, 1), date(2022, 10, 31), date(2022, 12, 31)
    elif periodo == 2022:  # PROTAI and PRONADATOS 2022-2026 are in force from 21 Jun 2022
        lo, hi, tope = date(2022, 7, 1), date(2022, 11, 30), date(2023, 3, 31)
    else:
        lo, hi, tope = date(periodo, 1, 15), date(periodo, 10, 31), date(periodo + 1, 3, 31)
    inicio = dia_entre(rng, lo, hi)
    return inicio, min(inicio + timedelta(days=rng.randint(14, 210)), tope)


def fecha_reporte(rng: random.Random, periodo: int, estatus: str, inicio: date, fin: date) -> date:
    """Day the organismo reported the activity: within or shortly after the reporting year."""
    if estatus == "programada":
        dia = dia_entre(rng, inicio - timedelta(days=45), inicio)
    elif estatus == "concluida":
        dia = fin + timedelta(days=rng.randint(0, 25))
    else:
        dia = dia_entre(rng, inicio, min(fin, date(periodo, 12, 20))) + timedelta(days=rng.randint(0, 20))
    return max(date(periodo, 1, 2), min(dia, date(periodo + 1, 1, 31), LIMITE_REPORTE))


def elegir_entrada(
    rng: random.Random, eje: str, federal: bool, usados: set[tuple[str, int]], periodo: int
) -> tuple[str, str, str]:
    """A title bank entry for the eje, avoiding repeats within one organismo and year when possible."""
    entradas = [e for e in ACTIVIDADES_POR_EJE[eje] if not (federal and e["solo_garante"])]
    for _ in range(6):
        entrada = rng.choice(entradas)
        titulo = entrada["titulo"].format(anio=periodo, tema=rng.choice(TEMAS_MICROSITIO))
        if (titulo, periodo) not in usados:
            break
    usados.add((titulo, periodo))
    return titulo, entrada["tipo"], entrada["descripcion"]


def ods_de_actividad(rng: random.Random, tipo: str, transversales: list[str]) -> list[int]:
    """0-2 ODS for an activity: mostly 16; 4, 5, 10 or 17 by what the activity is about."""
    cuantos = rng.choices([0, 1, 2], [20, 58, 22])[0]
    if any(t.endswith("-X1") for t in transversales):
        tematico = rng.choice([5, 10])
    else:
        tematico = {"Capacitación": 4, "Difusión": 4, "Vinculación": 17}.get(tipo) or rng.choice([4, 5, 10, 17])
    primero = 16 if rng.random() < 0.78 else tematico
    segundo = tematico if primero == 16 else 16
    return [primero, segundo][:cuantos]


def actividad_demo(rng: random.Random, catalogos: dict, org: dict, programa: str, periodo: int,
                   cumplimiento: float, usados: set) -> dict:
    """One demo activity of an organismo, with its transversal ejes and ODS under private keys."""
    federal = org["tipo"] == "federal"
    ejes = [e for e in EJES_FEDERALES[org["clave"]] if e.startswith(programa + "-")] if federal \
        else ejes_de(catalogos, programa, "tematico")
    eje = rng.choice(ejes)
    titulo, tipo, descripcion = elegir_entrada(rng, eje, federal, usados, periodo)
    pesos = ESTATUS_POR_PERIODO[periodo]
    conc, proc, canc, prog = (pesos[e] for e in ("concluida", "en_proceso", "cancelada", "programada"))
    estatus = rng.choices(["concluida", "en_proceso", "cancelada", "programada"],
                          [conc * (1 + cumplimiento), proc * (1 - cumplimiento), canc, prog * (1 - cumplimiento)])[0]
    inicio, fin = fechas_actividad(rng, programa, periodo)
    tope = min(date(periodo, 12, 31), CORTE)
    if estatus == "concluida" and fin > tope:  # a concluded activity ended within its reporting year
        fin = dia_entre(rng, inicio, max(inicio, tope))
    elif estatus in ("en_proceso", "programada") and periodo == 2025 and rng.random() < 0.75:
        fin = max(fin, dia_entre(rng, date(2025, 12, 1), date(2026, 3, 31)))  # most current work is not yet due
    avance = {"programada": 0, "concluida": 100, "en_proceso": rng.randint(5, 95),
              "cancelada": rng.randint(0, 60)}[estatus]
    transversales = []
    if programa in ("PROTAI", "PRONADATOS"):
        transversales = sorted(rng.sample(ejes_de(catalogos, programa, "transversal"),
                                          rng.choices([0, 1, 2], [35, 45, 20])[0]))
    return {
        "organismo": org["clave"], "programa": programa, "eje": eje, "titulo": titulo, "descripcion": descripcion,
        "tipo": tipo, "fecha_inicio": inicio, "fecha_fin": fin, "estatus": estatus, "avance": avance,
        "evidencia_url": None, "periodo": periodo, "reportado_por": f"enlace.{org['clave'].lower()}@demo.invalid",
        "reportado_en": momento(rng, fecha_reporte(rng, periodo, estatus, inicio, fin)),
        "revision": rng.choices(list(REVISION_POR_PERIODO[periodo]), list(REVISION_POR_PERIODO[periodo].values()))[0],
        "es_demo": True, "fuente": FUENTE_DEMO,
        "_transversales": transversales, "_ods": ods_de_actividad(rng, tipo, transversales),
    }


def construir_actividades(catalogos: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """Demo activities of every organismo (14-24 each), plus their transversal ejes and ODS."""
    rng = random.Random(SEED)
    organismos = catalogos["organismos"]
    locales = [o["clave"] for o in organismos if o["tipo"] == "local"]
    garantes = [o["clave"] for o in organismos if o["tipo"] != "federal"]
    en_cgaytp = set(rng.sample(locales, round(len(locales) / 4)))
    en_cvpdcs = set(rng.sample(garantes, 4))
    orden_programa = {p["clave"]: int(p["orden"]) for p in catalogos["programas"]}
    actividades = []
    for org in organismos:
        cumplimiento = rng.uniform(-0.2, 0.2)
        usados: set = set()
        reparto = reparto_programas(rng, rng.randint(14, 24), org["clave"] in en_cgaytp, org["clave"] in en_cvpdcs)
        propias = [actividad_demo(rng, catalogos, org, p, anio, cumplimiento, usados) for p, anio in reparto]
        actividades += sorted(propias, key=lambda a: (a["periodo"], orden_programa[a["programa"]],
                                                      a["fecha_inicio"], a["titulo"]))
    ejes_x, ods = [], []
    for i, a in enumerate(actividades, start=1):
        a["id"] = i
        ejes_x += [{"actividad": i, "eje": e} for e in a.pop("_transversales")]
        ods += [{"actividad": i, "ods": o} for o in a.pop("_ods")]
    verificar_actividades(catalogos, actividades, ejes_x)
    return actividades, ejes_x, ods


def verificar_actividades(catalogos: dict, actividades: list[dict], ejes_x: list[dict]) -> None:
    """Check the rules the app relies on: programme coverage, eje types, status/progress, overdue rows."""
    ejes = {e["clave"]: e for e in catalogos["ejes"]}
    for org in catalogos["organismos"]:
        programas = {a["programa"] for a in actividades if a["organismo"] == org["clave"]}
        assert {"PROTAI", "PRONADATOS"} <= programas, org["clave"]
    por_id = {a["id"]: a for a in actividades}
    for a in actividades:
        assert ejes[a["eje"]]["programa"] == a["programa"] and ejes[a["eje"]]["tipo"] == "tematico"
        assert a["fecha_fin"] >= a["fecha_inicio"] and a["reportado_en"].date() <= LIMITE_REPORTE
    for x in ejes_x:
        assert ejes[x["eje"]]["tipo"] == "transversal"
        assert ejes[x["eje"]]["programa"] == por_id[x["actividad"]]["programa"]
    vencidas = [a for a in actividades if a["fecha_fin"] < CORTE and a["estatus"] != "concluida"]
    assert vencidas, "se esperaban actividades vencidas"


# --------------------------------------------------------------------------------------------- main

def main() -> None:
    catalogos = cargar_catalogos()
    actividades, ejes_x, ods = construir_actividades(catalogos)
    tablas = {
        "actividades": actividades,
        "actividad_ejes_transversales": ejes_x,
        "actividad_ods": ods,
        "compromisos": construir_compromisos(catalogos),
        "capacitaciones": construir_capacitaciones(catalogos),
        "stl_integrantes": construir_stl(catalogos),
    }
    for tabla, filas in tablas.items():
        escribir_tabla(tabla, filas)
        print(f"seed/datos/{tabla}.csv: {len(filas)} filas")


if __name__ == "__main__":
    main()
