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

The output is deterministic: each table draws from its own random.Random(2026) and rows are written in a fixed
order, so two runs give byte-identical files. Standard library only; reads nothing outside seed/.
Run from the repository root: python -m seed.generate_demo
"""

from __future__ import annotations

import calendar
import csv
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

# Published figures (informe de la CGAyTP del SNT, nov 2019 - nov 2020).
TOTAL_COMPROMISOS = 140
ODS_PUBLICADOS = {16: 24, 5: 8, 4: 7, 11: 5, 1: 5, 6: 3, 8: 3, 3: 2, 12: 1, 2: 1, 15: 1}
STL_POR_SECTOR = {"publico": 105, "sociedad_civil": 62, "academia": 17}
STL_POR_SEXO = {"hombre": 110, "mujer": 74}
# Demo split of the sector totals by sex; it must add up to both published margins.
STL_SECTOR_SEXO = {
    ("publico", "mujer"): 42, ("publico", "hombre"): 63,
    ("sociedad_civil", "mujer"): 27, ("sociedad_civil", "hombre"): 35,
    ("academia", "mujer"): 5, ("academia", "hombre"): 12,
}
ENTIDADES_PLANES = [
    "Campeche", "Chihuahua", "Coahuila", "Durango", "Guanajuato", "Jalisco", "Morelos",
    "Nuevo León", "Oaxaca", "San Luis Potosí", "Tabasco", "Tlaxcala", "Veracruz", "Zacatecas",
]
INFORME_CGAYTP = "Informe de la Comisión de Gobierno Abierto y de Transparencia Proactiva del SNT, nov 2019 - nov 2020"
FUENTE_STL = (
    "Totales publicados en el informe de la CGAyTP (nov 2019 - nov 2020); "
    "desglose por entidad, sector y sexo: datos de demostración"
)
FUENTE_DEMO = "Datos de demostración"
CORTE = date(2025, 11, 30)            # reference date of the demo board: overdue = fecha_fin before this and not done
LIMITE_REPORTE = date(2025, 12, 15)   # no demo report is timestamped later than this


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

ESTATUS_FUENTE = [  # (text in the source status, estatus key); first match wins
    ("resultados presentado", "concluida"),
    ("informe de resultados", "concluida"),
    ("concluido", "concluida"),
    ("cumplido", "concluida"),
    ("en implementación", "en_proceso"),
    ("en cierre", "en_proceso"),
    ("acciones presentadas", "en_proceso"),
]

# Demo ODS alignment of real commitments, from their `tema` (first match wins; otherwise 16).
ODS_POR_TEMA = [
    (("anticorrup", "justicia", "parlamento"), 16),
    (("género", "mujeres"), 5),
    (("salud",), 3),
    (("aliment", "nutric"), 2),
    (("agua", "saneamiento"), 6),
    (("residuo", "consumo"), 12),
    (("educa", "escolar"), 4),
    (("empleo", "trabajo", "pesca", "económico"), 8),
    (("movilidad", "urban", "espacio público", "servicios públicos", "planeación", "patrimonio"), 11),
    (("marginad", "comunitario", "indígena", "pobreza"), 1),
    (("medio ambiente",), 15),
]

# Demo commitments that complete the 21 plans: (titulo, problema_publico, area_politica, institucion, ods candidate).
PLANES_DEMO = [
    # (entidad, plan name or None = taken from fuentes, plan_numero, periodo, commitments)
    ("Jalisco", "Plan de Acción Local de Gobierno Abierto Jalisco 2016-2018", 1, None, [
        ("Seguimiento ciudadano al programa estatal de apoyo a mujeres jefas de familia",
         "Las beneficiarias no cuentan con información oportuna sobre requisitos, padrón y montos del programa.",
         "Género / desarrollo social", "Secretaría de Desarrollo Social del Estado", 5),
    ]),
    ("Campeche", "Segundo Plan de Acción Local de Gobierno Abierto de Campeche", 2, "2018-2020", [
        ("Padrón abierto de permisos de pesca ribereña",
         "La información sobre permisos y cuotas de pesca está dispersa y no es accesible para las cooperativas.",
         "Desarrollo económico (pesca)", "Secretaría de Pesca y Acuacultura del Estado", 8),
        ("Monitoreo ciudadano de la calidad del agua en playas y zonas costeras",
         "La población desconoce los resultados de los muestreos de calidad del agua en zonas de uso recreativo.",
         "Agua y saneamiento", "Comisión Estatal del Agua", 6),
        ("Tablero público de abasto de medicamentos en unidades de salud",
         "Las personas usuarias no saben qué medicamentos hay en cada unidad médica antes de acudir.",
         "Salud", "Secretaría de Salud del Estado", 3),
        ("Datos abiertos sobre la atención a mujeres víctimas de violencia",
         "Los registros de atención a mujeres víctimas de violencia no se publican desagregados ni comparables.",
         "Género", "Instituto de la Mujer del Estado", 5),
        ("Presupuesto participativo en colonias de atención prioritaria",
         "Las colonias con mayor rezago no participan en la definición del gasto municipal en obra.",
         "Participación ciudadana / desarrollo social", "Ayuntamiento participante", 1),
        ("Contratos de obra pública estatal en formatos abiertos",
         "Los contratos de obra se publican en formatos no reutilizables que dificultan su seguimiento.",
         "Obra pública / contrataciones", "Secretaría de Obras Públicas del Estado", 16),
        ("Consulta ciudadana de iniciativas en el Congreso del Estado",
         "La ciudadanía no tiene canales para opinar sobre las iniciativas antes de su dictaminación.",
         "Parlamento abierto", "Congreso del Estado", 16),
    ]),
    ("Chihuahua", "Plan de Acción Local de Gobierno Abierto de Chihuahua (primer PAL)", 1, "2017-2019", [
        ("Transparencia en la asignación de apoyos a comunidades serranas",
         "Las comunidades indígenas de la sierra no conocen los apoyos disponibles ni cómo se asignan.",
         "Comunidades indígenas / desarrollo social", "Comisión Estatal para los Pueblos Indígenas", 1),
        ("Información abierta sobre volúmenes y turnos de agua para riego",
         "Las personas productoras no tienen información oportuna sobre volúmenes y turnos de riego.",
         "Agua / desarrollo rural", "Junta Central de Agua y Saneamiento del Estado", 6),
        ("Observatorio ciudadano de incidencia delictiva municipal",
         "Los datos de incidencia delictiva se publican con retraso y sin desagregación por colonia.",
         "Seguridad pública", "Secretaría de Seguridad Pública del Estado", 16),
        ("Bolsa de trabajo abierta con vacantes verificadas para jóvenes",
         "Las y los jóvenes no encuentran información confiable sobre vacantes y programas de empleo.",
         "Empleo", "Secretaría del Trabajo y Previsión Social del Estado", 8),
        ("Seguimiento ciudadano al mantenimiento de escuelas públicas",
         "Madres y padres de familia desconocen el avance de las obras de mantenimiento en las escuelas.",
         "Educación / obra pública", "Instituto estatal de infraestructura física educativa", 4),
        ("Registro abierto de verificaciones de protección civil en estancias infantiles",
         "Las familias no cuentan con información sobre licencias y verificaciones de las estancias infantiles.",
         "Protección civil", "Coordinación Estatal de Protección Civil", None),
        ("Declaraciones patrimoniales y de intereses en formato abierto",
         "Las declaraciones de las personas servidoras públicas no se pueden consultar ni analizar fácilmente.",
         "Anticorrupción", "Secretaría de la Función Pública del Estado", 16),
    ]),
    ("Coahuila", "Segundo Plan de Acción Local de Gobierno Abierto de Coahuila", 2, "2018-2020", [
        ("Mediciones abiertas de calidad del aire cerca de zonas industriales",
         "La población no tiene acceso oportuno a mediciones de calidad del aire cerca de zonas industriales.",
         "Medio ambiente / salud", "Secretaría de Medio Ambiente del Estado", 3),
        ("Información pública para familias de personas desaparecidas",
         "Las familias no cuentan con información actualizada sobre el avance de las búsquedas.",
         "Derechos humanos / justicia", "Fiscalía General del Estado", 16),
        ("Mapa abierto de obras de agua potable y drenaje municipales",
         "Los organismos operadores no publican el avance ni el costo de las obras de agua potable y drenaje.",
         "Agua y saneamiento", "Organismos operadores municipales de agua", 6),
        ("Brechas salariales y paridad en la administración pública estatal",
         "No hay información pública sobre brechas salariales entre mujeres y hombres en el gobierno estatal.",
         "Género", "Secretaría de las Mujeres del Estado", 5),
        ("Concesiones, rutas y tarifas del transporte público urbano",
         "Las personas usuarias desconocen las concesiones, rutas autorizadas y tarifas vigentes del transporte.",
         "Movilidad", "Dirección estatal de transporte", 11),
        ("Padrón abierto de beneficiarios de apoyos al autoempleo",
         "Los padrones de apoyos al autoempleo no se publican completos ni actualizados.",
         "Empleo / desarrollo económico", "Secretaría de Economía del Estado", 8),
        ("Versiones públicas de sentencias relevantes del Poder Judicial",
         "Las sentencias relevantes no se publican en versiones públicas accesibles a la ciudadanía.",
         "Justicia abierta", "Poder Judicial del Estado", 16),
    ]),
    ("Guanajuato", "Plan de Acción Local de Gobierno Abierto de Guanajuato (primer PAL)", 1, "2017-2019", [
        ("Secretariados técnicos municipales de gobierno abierto",
         "Los municipios no cuentan con mecanismos permanentes de cocreación con la ciudadanía.",
         "Gobierno abierto municipal", "Ayuntamientos participantes", 16),
        ("Datos abiertos sobre cobertura de comedores comunitarios",
         "No hay información pública consolidada sobre la cobertura y calidad de los comedores comunitarios.",
         "Alimentación", "Sistema DIF Estatal", 2),
        ("Prevención de la violencia en el noviazgo en planteles de educación media superior",
         "Las y los estudiantes carecen de información y canales de denuncia ante la violencia en el noviazgo.",
         "Género / educación", "Secretaría de Educación del Estado", 5),
        ("Tablero de tiempos de espera para cirugías en hospitales estatales",
         "Las y los pacientes no conocen los tiempos de espera ni los criterios de programación de cirugías.",
         "Salud", "Secretaría de Salud del Estado", 3),
        ("Información abierta sobre acopio y reciclaje de residuos",
         "La ciudadanía desconoce los puntos de acopio y el destino de los residuos separados.",
         "Consumo responsable / residuos", "Instituto de Ecología del Estado", 12),
        ("Inclusión laboral de personas con discapacidad",
         "Las personas con discapacidad no encuentran información sobre vacantes incluyentes y apoyos.",
         "Inclusión / empleo", "Secretaría de Desarrollo Económico del Estado", 1),
        ("Contraloría social en programas de vivienda",
         "Las personas beneficiarias no conocen los criterios de asignación ni el avance de las acciones de vivienda.",
         "Vivienda / contraloría social", "Comisión de Vivienda del Estado", 11),
    ]),
    ("Nuevo León", "Plan de Acción Local de Gobierno Abierto de Nuevo León (primer PAL)", 1, "2017-2019", [
        ("Seguimiento ciudadano a la calidad del transporte público metropolitano",
         "Las personas usuarias no tienen información sobre frecuencias, quejas y sanciones del transporte.",
         "Movilidad", "Dependencia estatal de movilidad", 11),
        ("Datos abiertos de calidad del aire en la zona metropolitana",
         "Los datos de calidad del aire no se publican en formatos abiertos ni con alertas comprensibles.",
         "Medio ambiente / salud", "Secretaría de Medio Ambiente del Estado", 3),
        ("Manejo participativo de áreas naturales protegidas",
         "Las áreas naturales protegidas carecen de información pública sobre su manejo y presiones urbanas.",
         "Medio ambiente", "Organismo estatal de parques y áreas naturales", 15),
        ("Transparencia en la asignación de plazas docentes",
         "Las y los aspirantes no conocen los resultados ni los criterios de asignación de plazas docentes.",
         "Educación", "Secretaría de Educación del Estado", 4),
        ("Registro de proveedores con políticas de igualdad laboral",
         "No se sabe qué proveedores del gobierno cumplen políticas de igualdad entre mujeres y hombres.",
         "Género / contrataciones", "Secretaría de Administración del Estado", 5),
        ("Contrataciones públicas con estándar de datos abiertos",
         "Los procedimientos de contratación no pueden seguirse de principio a fin con datos reutilizables.",
         "Contrataciones públicas", "Tesorería General del Estado", 16),
        ("Licencias de construcción municipales en datos abiertos",
         "Vecinas y vecinos no pueden conocer las licencias de construcción autorizadas en su colonia.",
         "Desarrollo urbano", "Ayuntamientos del área metropolitana", 11),
    ]),
    ("Oaxaca", "Segundo Plan de Acción Local de Gobierno Abierto de Oaxaca", 2, "2018-2020", [
        ("Información de programas sociales en lenguas indígenas",
         "Las comunidades indígenas no reciben información sobre programas sociales en su lengua.",
         "Comunidades indígenas / inclusión", "Secretaría de Pueblos Indígenas del Estado", 1),
        ("Contraloría social en obras de infraestructura social municipal",
         "Las comunidades con mayor rezago no pueden vigilar el destino de los fondos de infraestructura social.",
         "Combate a la pobreza / contraloría social", "Ayuntamientos participantes", 1),
        ("Registro abierto de la participación de mujeres en cabildos",
         "No hay información sobre la participación de las mujeres en cabildos y órganos de decisión locales.",
         "Género / participación", "Secretaría de las Mujeres del Estado", 5),
        ("Seguimiento ciudadano a sistemas de agua potable en comunidades rurales",
         "Las comunidades rurales no conocen el avance ni el costo de los sistemas de agua que se construyen.",
         "Agua y saneamiento", "Comisión Estatal del Agua", 6),
        ("Seguimiento público a la reconstrucción de viviendas afectadas por sismos",
         "Las familias afectadas no tienen información sobre el avance y los montos de la reconstrucción.",
         "Vivienda / reconstrucción", "Comisión estatal de vivienda", 11),
        ("Información abierta sobre atención obstétrica en hospitales comunitarios",
         "Las mujeres embarazadas no conocen la capacidad de atención de los hospitales cercanos.",
         "Salud", "Servicios de Salud del Estado", 3),
        ("Publicación de resoluciones de los juzgados de control",
         "Las resoluciones de los juzgados de control no se publican en versiones públicas.",
         "Justicia abierta", "Poder Judicial del Estado", 16),
    ]),
    ("Tabasco", None, 1, "2017-2019", [
        ("Avance público de obras de protección contra inundaciones",
         "La población en zonas de riesgo no conoce el avance de las obras de protección contra inundaciones.",
         "Protección civil / infraestructura", "Coordinación Estatal de Protección Civil", 11),
        ("Padrón abierto de productores beneficiarios de apoyos al campo",
         "Los apoyos al campo se entregan sin padrones públicos verificables.",
         "Desarrollo rural / alimentación", "Secretaría de Desarrollo Agropecuario del Estado", 2),
        ("Seguimiento a órdenes de protección para mujeres víctimas de violencia",
         "Las víctimas no pueden dar seguimiento a la emisión y cumplimiento de órdenes de protección.",
         "Género / justicia", "Fiscalía General del Estado", 5),
        ("Información sobre cuotas y apoyos escolares por plantel",
         "Las familias desconocen qué cuotas son voluntarias y qué apoyos recibe cada escuela.",
         "Educación", "Secretaría de Educación del Estado", 4),
        ("Portal homologado de obligaciones de transparencia municipales",
         "Los portales municipales publican la información con criterios distintos y difíciles de comparar.",
         "Transparencia", "Ayuntamientos participantes", 16),
        ("Vigilancia ciudadana de la pérdida de humedales",
         "No hay información pública sobre la pérdida de humedales y los permisos de cambio de uso de suelo.",
         "Medio ambiente", "Secretaría de Medio Ambiente del Estado", 15),
        ("Registro público de concesiones de transporte",
         "Las concesiones de transporte público no se pueden consultar en un registro abierto.",
         "Movilidad", "Dirección estatal de transporte", 11),
    ]),
    ("Veracruz", "Segundo Plan de Acción Local de Gobierno Abierto de Veracruz", 2, "2018-2020", [
        ("Información para familias sobre procesos de identificación forense",
         "Las familias de personas desaparecidas no reciben información clara sobre los procesos de identificación.",
         "Derechos humanos / justicia", "Fiscalía General del Estado", 16),
        ("Trámites en lenguaje ciudadano y en lenguas indígenas",
         "Las personas hablantes de lenguas indígenas no pueden realizar trámites básicos en su lengua.",
         "Comunidades indígenas / trámites", "Secretaría de Gobierno del Estado", 1),
        ("Datos abiertos de consultas y abasto en el sistema estatal de salud",
         "La ciudadanía no tiene información comparable sobre consultas y abasto por unidad médica.",
         "Salud", "Secretaría de Salud del Estado", 3),
        ("Transparencia en la contratación de deuda municipal",
         "Los cabildos aprueban deuda sin que la ciudadanía conozca montos, plazos y destino.",
         "Finanzas públicas / deuda", "Ayuntamientos participantes", 16),
        ("Apoyos y microcréditos para mujeres emprendedoras con padrón abierto",
         "Las mujeres emprendedoras desconocen los criterios y resultados de los apoyos económicos.",
         "Género / desarrollo económico", "Instituto Veracruzano de las Mujeres", 5),
        ("Espacios públicos seguros para mujeres y niñas",
         "No hay información pública sobre puntos de riesgo y mejoras en espacios públicos para mujeres y niñas.",
         "Género / espacio público", "Ayuntamientos participantes", 5),
        ("Resultados educativos por escuela en formatos abiertos",
         "Las familias no pueden comparar los resultados educativos de las escuelas de su comunidad.",
         "Educación", "Secretaría de Educación del Estado", 4),
    ]),
    ("Zacatecas", None, 2, "2018-2020", [
        ("Seguimiento del gasto del programa estatal de becas",
         "Las y los estudiantes desconocen criterios, montos y calendario de pago de las becas estatales.",
         "Educación", "Secretaría de Educación del Estado", 4),
        ("Transparencia en las obras de rescate del centro histórico",
         "Vecinas, vecinos y comercios no conocen el calendario ni el costo de las obras en el centro histórico.",
         "Desarrollo urbano / patrimonio", "Secretaría de Obras Públicas del Estado", 11),
        ("Agenda ciudadana contra la violencia hacia las mujeres",
         "Las acciones públicas contra la violencia hacia las mujeres no tienen seguimiento ciudadano.",
         "Género", "Secretaría de las Mujeres del Estado", 5),
        ("Sistema abierto de quejas y denuncias ciudadanas",
         "Las quejas contra personas servidoras públicas no tienen seguimiento visible para quien las presenta.",
         "Anticorrupción", "Secretaría de la Función Pública del Estado", 16),
        ("Información pública sobre concesiones y uso de agua en la región minera",
         "Las comunidades no conocen los volúmenes de agua concesionados en su cuenca.",
         "Agua / medio ambiente", "Comisión estatal de agua potable", 6),
        ("Padrón de jornaleras y jornaleros agrícolas migrantes",
         "No hay información pública sobre las condiciones laborales de las personas jornaleras agrícolas.",
         "Trabajo", "Secretaría de Economía del Estado", 8),
    ]),
]

ESTATUS_DEMO_PLAN = {  # weights (concluida, en_proceso, programada, cancelada) by plan number
    1: (55, 30, 5, 10),
    2: (35, 40, 10, 15),
}


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
    for palabras, ods in ODS_POR_TEMA:
        if any(p in tema for p in palabras):
            return ods
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
    for entidad, plan, numero, periodo, compromisos in PLANES_DEMO:
        if plan is None or periodo is None:
            fuente = plan_de_fuentes(entidad, plan or ("Segundo" if numero == 2 else None))
            plan, periodo = fuente["plan"], periodo or fuente["periodo"]
        a0, a1 = anios_periodo(periodo)
        publicado = fecha_en_texto(periodo)
        for titulo, problema, area, institucion, ods in compromisos:
            fijo_concluido = entidad == "Jalisco"  # OGP reports both Jalisco plans concluded (15 commitments)
            estatus = "concluida" if fijo_concluido else rng.choices(
                ["concluida", "en_proceso", "programada", "cancelada"], ESTATUS_DEMO_PLAN[numero])[0]
            avance = {"concluida": 100, "programada": 0, "en_proceso": rng.randint(20, 90),
                      "cancelada": rng.randint(10, 60)}[estatus]
            lo = max(date(a0, 2, 1), publicado or date(a0, 2, 1))
            inicio = dia_entre(rng, lo, max(lo, date(a0, 10, 31)))
            fin = dia_entre(rng, max(inicio + timedelta(days=90), date(a1, 3, 1)), date(a1, 12, 15))
            filas.append({
                "entidad": entidades[entidad], "plan_accion": plan, "plan_numero": numero, "plan_periodo": periodo,
                "anio_inicio": a0, "anio_fin": a1, "titulo": titulo, "problema_publico": problema,
                "area_politica": area, "institucion_responsable": institucion, "estatus": estatus,
                "estatus_fuente": None, "avance": avance, "fecha_inicio": inicio, "fecha_fin": fin,
                "es_demo": True, "fuente_url": None, "_ods_tema": ods,
            })
    assert len(filas) == 63, len(filas)
    return filas


def asignar_ods(filas: list[dict], rng: random.Random) -> None:
    """Give the published number of commitments per ODS, picked among those whose theme fits; all demo."""
    for fila in filas:
        fila["ods"], fila["ods_es_demo"] = None, False
    for ods, cuantos in ODS_PUBLICADOS.items():
        candidatas = [i for i, f in enumerate(filas) if f["_ods_tema"] == ods]
        assert len(candidatas) >= cuantos, f"ODS {ods}: {len(candidatas)} candidatas para {cuantos}"
        for i in sorted(rng.sample(candidatas, cuantos)):
            filas[i]["ods"], filas[i]["ods_es_demo"] = ods, True
    conteo = Counter(f["ods"] for f in filas if f["ods"] is not None)
    assert dict(conteo) == ODS_PUBLICADOS, conteo
    assert sum(conteo.values()) == 60


def construir_compromisos(catalogos: dict) -> list[dict]:
    """140 commitments: real ones first (file order), then demo; ids 1..140."""
    rng = random.Random(SEED)
    filas = compromisos_reales(catalogos) + compromisos_demo(catalogos, rng)
    asignar_ods(filas, rng)
    for i, fila in enumerate(filas, start=1):
        fila["id"] = i
        del fila["_ods_tema"]
    assert len(filas) == TOTAL_COMPROMISOS
    planes = {(f["entidad"], f["plan_accion"]) for f in filas}
    assert len(planes) == 21 and len({e for e, _ in planes}) == 14, planes
    return filas


# --------------------------------------------------------------------------------------------- capacitaciones

TIPO_POR_TITULO = [  # first keyword found in the lower-case title
    ("diplomado", "diplomado"), ("jornada", "jornada"), ("taller", "taller"), ("foro", "foro"),
    ("seminario", "seminario"), ("panel", "panel"), ("presentaciones", "presentacion"), ("webinar", "webinar"),
    ("red local de capacitación", "programa"), ("plan de socialización", "programa"),
    ("periodo del", "programa"), ("curso", "curso"),
]
# The commission report calls the Zacatecas sessions "jornadas estatales", like Guanajuato's.
TIPO_SEGUN_INFORME = {"Capacitación en Transparencia Proactiva a sujetos obligados de Zacatecas": "jornada"}
TEMA_POR_TITULO = [  # (keyword in the lower-case title, tema, eje)
    ("proactiva", "Transparencia proactiva", "PROTAI-T2"),
    ("plataforma nacional", "Plataforma Nacional de Transparencia", "PROTAI-T9"),
    ("gobierno abierto", "Gobierno abierto", "PROTAI-T3"),
    ("parlamento abierto", "Gobierno abierto", "PROTAI-T3"),
    ("red local de capacitación", "Capacitación en transparencia", "PROTAI-T6"),
    ("datos personales", "Transparencia, acceso a la información y datos personales", "PROTAI-T6"),
    ("derecho de acceso", "Derecho de acceso a la información", "PROTAI-T7"),
]
PUBLICO_POR_TITULO = [  # audiences the source title states
    ("sujetos obligados", "Sujetos obligados"),
    ("unidades de transparencia y enlaces", "Unidades de transparencia y enlaces de participación"),
    ("unidades de transparencia", "Unidades de transparencia"),
    ("periodistas", "Periodistas"),
    ("municipios zona sur", "Municipios de la zona sur"),
    ("municipios zona norte", "Municipios de la zona norte"),
    ("jóvenes", "Jóvenes de 23 municipios"),
    ("funcionarios capacitados", "Personas servidoras públicas"),
]
JORNADA_NACIONAL = {  # facts of the commission report added to the sourced row
    "participantes": 410, "tipo": "jornada", "modalidad": "virtual",
    "publico": "Personas servidoras públicas de 31 OGL",
}
# Trainings known only from the commission report (Nov 2019 - Nov 2020): real, es_demo=false.
CAPACITACIONES_INFORME = [
    {"titulo": "Jornadas estatales de capacitación de Guanajuato (28 de octubre, 3 y 5 de noviembre de 2020)",
     "tipo": "jornada", "organismo": "IACIP", "organizador": "IACIP", "entidad": "11", "modalidad": None,
     "tema": "Gobierno abierto y transparencia proactiva", "eje": None,
     "fecha_inicio": date(2020, 10, 28), "fecha_fin": date(2020, 11, 5), "participantes": 300,
     "publico": "Personas servidoras públicas"},
    {"titulo": "Curso autogestivo de gobierno abierto de la Universidad Virtual del Estado de Guanajuato",
     "tipo": "curso", "organismo": None, "organizador": "Universidad Virtual del Estado de Guanajuato",
     "entidad": "11", "modalidad": "autogestiva", "tema": "Gobierno abierto", "eje": "PROTAI-T3",
     "fecha_inicio": date(2020, 1, 1), "fecha_fin": date(2020, 12, 31), "participantes": 332,
     "publico": "Estudiantes"},
    {"titulo": "Diplomado en gobierno abierto en Veracruz (seis meses; participantes = más de 70)",
     "tipo": "diplomado", "organismo": None, "organizador": "Diplomado en gobierno abierto (Veracruz)",
     "entidad": "30", "modalidad": None, "tema": "Gobierno abierto", "eje": "PROTAI-T3",
     "fecha_inicio": None, "fecha_fin": None, "participantes": 70, "publico": None},
    {"titulo": "Diplomado virtual en gobierno abierto con la Universidad de Guanajuato",
     "tipo": "diplomado", "organismo": None, "organizador": "Universidad de Guanajuato", "entidad": "11",
     "modalidad": "virtual", "tema": "Gobierno abierto", "eje": "PROTAI-T3",
     "fecha_inicio": None, "fecha_fin": None, "participantes": 42, "publico": None},
]

# Demo trainings: eje -> [(tema, topic)]
TEMAS_CAPACITACION = {
    "PROTAI-T1": [("Acceso a la información", "Atención de solicitudes de acceso a la información"),
                  ("Acceso a la información", "Clasificación de la información y versiones públicas"),
                  ("Acceso a la información", "El derecho de acceso a la información")],
    "PROTAI-T2": [("Obligaciones de transparencia", "Carga de obligaciones de transparencia en el SIPOT"),
                  ("Transparencia proactiva", "Transparencia proactiva e información de interés público"),
                  ("Obligaciones de transparencia", "Verificación de obligaciones de transparencia")],
    "PROTAI-T3": [("Gobierno abierto", "Introducción al gobierno abierto"),
                  ("Gobierno abierto", "Cocreación de compromisos de gobierno abierto"),
                  ("Parlamento abierto", "Parlamento abierto y participación ciudadana"),
                  ("Datos abiertos", "Publicación y uso de datos abiertos")],
    "PROTAI-T4": [("Gestión documental y archivos", "Instrumentos de control y consulta archivística"),
                  ("Gestión documental y archivos", "Organización de archivos de trámite y concentración"),
                  ("Gestión documental y archivos", "Valoración documental y bajas documentales")],
    "PROTAI-T5": [("Rendición de cuentas", "Rendición de cuentas y combate a la corrupción"),
                  ("Contraloría social", "Contraloría social y transparencia en programas sociales")],
    "PROTAI-T6": [("Profesionalización", "Formación de personas instructoras en transparencia"),
                  ("Profesionalización", "Competencias de titulares de unidades de transparencia")],
    "PROTAI-T7": [("Cultura de la transparencia", "Lenguaje ciudadano y accesibilidad de la información"),
                  ("Cultura de la transparencia", "El derecho a saber en el aula")],
    "PROTAI-T8": [("Mejora regulatoria", "Mejora regulatoria y transparencia de trámites")],
    "PROTAI-T9": [("Plataforma Nacional de Transparencia", "Uso de la Plataforma Nacional de Transparencia"),
                  ("Plataforma Nacional de Transparencia", "Recursos de revisión en la Plataforma Nacional")],
    "PRONADATOS-T1": [("Protección de datos personales", "Protección de datos personales en entornos digitales"),
                      ("Protección de datos personales", "Cuidado de los datos personales en redes sociales")],
    "PRONADATOS-T2": [("Derechos ARCO", "Ejercicio de derechos ARCO y portabilidad")],
    "PRONADATOS-T3": [("Protección de datos personales", "Avisos de privacidad"),
                      ("Protección de datos personales", "Obligaciones de los responsables del sector público")],
    "PRONADATOS-T4": [("Seguridad de datos personales", "Documento de seguridad y medidas de seguridad"),
                      ("Seguridad de datos personales", "Atención de vulneraciones de seguridad")],
    "PRONADATOS-T5": [("Protección de datos personales", "Evaluaciones de impacto en la protección de datos")],
    "PRONADATOS-T6": [("Protección de datos personales", "Verificación del cumplimiento en protección de datos")],
}
# Federal members train on their own field more often than on the rest.
EJES_PREFERIDOS = {
    "ASF": ["PROTAI-T5", "PROTAI-T1", "PROTAI-T2", "PRONADATOS-T3"],
    "AGN": ["PROTAI-T4", "PROTAI-T4", "PROTAI-T1", "PRONADATOS-T4"],
    "INEGI": ["PROTAI-T9", "PROTAI-T2", "PRONADATOS-T4", "PRONADATOS-T5"],
}
TIPOS_CAPACITACION = {  # tipo: (weight, participants range, duration in days range, modalidades)
    "curso": (25, (15, 150), (1, 30), ["presencial", "virtual", "autogestiva"]),
    "taller": (25, (15, 80), (0, 1), ["presencial", "virtual"]),
    "webinar": (15, (60, 400), (0, 0), ["virtual"]),
    "jornada": (10, (50, 300), (1, 4), ["presencial", "virtual", "mixta"]),
    "foro": (6, (80, 400), (0, 1), ["presencial", "mixta"]),
    "seminario": (5, (30, 200), (1, 2), ["presencial", "virtual", "mixta"]),
    "diplomado": (5, (20, 60), (90, 180), ["virtual", "mixta", "presencial"]),
    "panel": (5, (40, 300), (0, 0), ["virtual", "presencial"]),
    "presentacion": (2, (30, 200), (0, 0), ["presencial", "virtual"]),
    "programa": (2, (100, 400), (60, 240), ["mixta", "virtual"]),
}
PREFIJO_TIPO = {
    "curso": "Curso", "taller": "Taller", "webinar": "Webinar", "jornada": "Jornada de capacitación",
    "foro": "Foro", "seminario": "Seminario", "diplomado": "Diplomado", "panel": "Panel",
    "presentacion": "Presentación", "programa": "Programa de formación",
}
SUFIJO_PUBLICO = {
    "Sujetos obligados": " para sujetos obligados", "Personal del organismo garante": " para personal del organismo",
    "Sociedad civil": " con sociedad civil", "Estudiantes": " para estudiantes", "Periodistas": " para periodistas",
}
_SO, _PG, _SC, _ES, _PE = ("Sujetos obligados", "Personal del organismo garante", "Sociedad civil",
                            "Estudiantes", "Periodistas")
PUBLICO_POR_EJE = {  # audiences that fit each eje's trainings
    "PROTAI-T1": [_SO, _SC, _ES, _PE, _PG], "PROTAI-T2": [_SO, _PG], "PROTAI-T3": [_SC, _SO, _ES, _PG],
    "PROTAI-T4": [_SO, _PG], "PROTAI-T5": [_SO, _SC, _PE], "PROTAI-T6": [_SO, _PG], "PROTAI-T7": [_ES, _SC, _PE],
    "PROTAI-T8": [_SO, _PG], "PROTAI-T9": [_SO, _SC, _PE], "PRONADATOS-T1": [_ES, _SC, _PE],
    "PRONADATOS-T2": [_SC, _ES, _SO], "PRONADATOS-T3": [_SO, _PG], "PRONADATOS-T4": [_SO, _PG],
    "PRONADATOS-T5": [_SO, _PG], "PRONADATOS-T6": [_SO, _PG],
}


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
            fila |= JORNADA_NACIONAL
            fila["fuente_url"] = f"{f['fuente_url']} | {INFORME_CGAYTP}"
        filas.append(fila)
    assert len(filas) == 16, len(filas)
    return filas


def capacitaciones_informe() -> list[dict]:
    """Trainings that only the commission report gives (real, es_demo=false)."""
    base = {"mujeres": None, "hombres": None, "sujetos_obligados": None, "es_demo": False,
            "fuente_url": INFORME_CGAYTP}
    return [base | c for c in CAPACITACIONES_INFORME]


def capacitacion_demo(rng: random.Random, organismo: dict, ejes: list[str]) -> dict:
    """One demo training of an organismo."""
    preferidos = EJES_PREFERIDOS.get(organismo["clave"])
    eje = rng.choice(preferidos) if preferidos and rng.random() < 0.6 else rng.choice(ejes)
    tema, tema_titulo = rng.choice(TEMAS_CAPACITACION[eje])
    tipos = list(TIPOS_CAPACITACION)
    tipo = rng.choices(tipos, [TIPOS_CAPACITACION[t][0] for t in tipos])[0]
    _, (pmin, pmax), (dmin, dmax), modalidades = TIPOS_CAPACITACION[tipo]
    publicos = [p for p in PUBLICO_POR_EJE[eje] if not (organismo["tipo"] == "federal" and p == _PG)]
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
    assert sum(STL_SECTOR_SEXO.values()) == 184
    for sector, total in STL_POR_SECTOR.items():
        assert sum(v for (s, _), v in STL_SECTOR_SEXO.items() if s == sector) == total
    for sexo, total in STL_POR_SEXO.items():
        assert sum(v for (_, x), v in STL_SECTOR_SEXO.items() if x == sexo) == total
    entidades = claves_entidad(catalogos)
    claves = sorted(entidades[e] for e in ENTIDADES_PLANES)
    tamanio = {c: rng.uniform(0.6, 1.4) for c in claves}
    celdas = {}
    for (sector, sexo), total in STL_SECTOR_SEXO.items():
        reparto = repartir(total, {c: tamanio[c] * rng.uniform(0.7, 1.3) for c in claves})
        for clave, personas in reparto.items():
            celdas[(clave, sector, sexo)] = personas
    filas = [
        {"entidad": c, "sector": s, "sexo": x, "personas": celdas[(c, s, x)], "es_demo": True, "fuente": FUENTE_STL}
        for c in claves for s in STL_POR_SECTOR for x in ("mujer", "hombre") if celdas[(c, s, x)] > 0
    ]
    assert {f["entidad"] for f in filas} == set(claves)
    assert sum(f["personas"] for f in filas) == 184
    for sector, total in STL_POR_SECTOR.items():
        assert sum(f["personas"] for f in filas if f["sector"] == sector) == total
    for sexo, total in STL_POR_SEXO.items():
        assert sum(f["personas"] for f in filas if f["sexo"] == sexo) == total
    return filas


# --------------------------------------------------------------------------------------------- actividades

# eje -> [(titulo, tipo, descripcion, solo_garante)]; {anio} and {tema} are filled in.
ACTIVIDADES_POR_EJE = {
    "PROTAI-T1": [
        ("Jornada itinerante de difusión del derecho de acceso a la información en municipios", "Difusión",
         "Recorrido por municipios para orientar sobre cómo presentar solicitudes de información.", True),
        ("Módulo de orientación para presentar solicitudes de acceso a la información", "Vinculación",
         "Módulo de asesoría presencial y telefónica para personas solicitantes.", True),
        ("Estudio sobre tiempos de respuesta a solicitudes de información {anio}", "Investigación",
         "Análisis de los plazos de respuesta de los sujetos obligados a las solicitudes recibidas.", False),
        ("Criterios de interpretación sobre información reservada y confidencial", "Normativa",
         "Emisión y difusión de criterios del pleno para homologar la clasificación de información.", True),
        ("Capacitación a unidades de transparencia en atención de solicitudes", "Capacitación",
         "Sesiones de trabajo sobre plazos, prórrogas y respuestas a solicitudes de información.", False),
        ("Acompañamiento a comunidades indígenas para solicitar información en su lengua", "Vinculación",
         "Acompañamiento con intérpretes para presentar solicitudes de información en lenguas indígenas.", True),
    ],
    "PROTAI-T2": [
        ("Verificación de obligaciones de transparencia {anio}", "Evaluación",
         "Revisión de la información que los sujetos obligados publican en la Plataforma Nacional.", True),
        ("Asesorías para la carga de formatos en el SIPOT", "Capacitación",
         "Asesorías técnicas para actualizar en tiempo las obligaciones de transparencia.", True),
        ("Identificación de información de interés público con sujetos obligados", "Evaluación",
         "Mesas de trabajo para identificar información socialmente útil y publicarla de forma proactiva.", True),
        ("Micrositio de transparencia proactiva sobre {tema}", "Tecnológica",
         "Publicación de información focalizada en un micrositio de consulta abierta.", False),
        ("Reconocimiento a prácticas de transparencia proactiva", "Vinculación",
         "Convocatoria para reconocer prácticas destacadas de transparencia proactiva.", True),
        ("Actualización de la tabla de aplicabilidad de obligaciones de transparencia", "Normativa",
         "Revisión de las obligaciones que aplican a cada área y su publicación en el portal.", False),
    ],
    "PROTAI-T3": [
        ("Sesiones del Secretariado Técnico Local de Gobierno Abierto", "Vinculación",
         "Convocatoria y seguimiento de las sesiones con gobierno, sociedad civil y academia.", True),
        ("Mesas de cocreación del plan de acción local", "Vinculación",
         "Mesas con sociedad civil para definir los compromisos del plan de acción local.", True),
        ("Acompañamiento a un ejercicio de parlamento abierto", "Vinculación",
         "Acompañamiento al poder legislativo en la apertura de información y consultas ciudadanas.", True),
        ("Tablero de seguimiento de compromisos de gobierno abierto", "Tecnológica",
         "Tablero público con el avance de cada compromiso y su evidencia.", True),
        ("Programa de municipios abiertos", "Vinculación",
         "Acompañamiento a ayuntamientos para adoptar prácticas de apertura y participación ciudadana.", True),
        ("Publicación de versiones públicas de sentencias en coordinación con el poder judicial", "Normativa",
         "Apoyo técnico para publicar sentencias en versión pública como práctica de justicia abierta.", True),
    ],
    "PROTAI-T4": [
        ("Capacitación en instrumentos de control y consulta archivística", "Capacitación",
         "Talleres para elaborar cuadros generales de clasificación y catálogos de disposición documental.", False),
        ("Diagnóstico de la situación de los archivos de los sujetos obligados", "Investigación",
         "Levantamiento de información sobre archivos de trámite, concentración e histórico.", False),
        ("Integración del grupo interdisciplinario de archivos", "Normativa",
         "Instalación y sesiones del grupo interdisciplinario para la valoración documental.", False),
        ("Lineamientos para la organización y conservación de archivos", "Normativa",
         "Elaboración y aprobación de lineamientos internos de gestión documental.", False),
        ("Digitalización del archivo de concentración", "Tecnológica",
         "Digitalización y descripción de expedientes del archivo de concentración.", False),
    ],
    "PROTAI-T5": [
        ("Convenio de colaboración con el sistema local anticorrupción", "Vinculación",
         "Firma y seguimiento de un convenio para compartir información y capacitación.", True),
        ("Resoluciones del pleno en formatos abiertos", "Tecnológica",
         "Publicación de las resoluciones de recursos de revisión en formatos reutilizables.", True),
        ("Seguimiento al cumplimiento de resoluciones de recursos de revisión", "Evaluación",
         "Registro y seguimiento del cumplimiento de las resoluciones por los sujetos obligados.", True),
        ("Contraloría social y transparencia en programas sociales", "Capacitación",
         "Capacitación a comités de contraloría social sobre acceso a la información.", False),
        ("Informe anual de actividades {anio}", "Difusión",
         "Elaboración y presentación pública del informe anual de actividades.", False),
    ],
    "PROTAI-T6": [
        ("Programa anual de capacitación {anio}", "Capacitación",
         "Calendario de cursos presenciales y en línea para sujetos obligados.", False),
        ("Reuniones de la red local de capacitación", "Vinculación",
         "Reuniones con enlaces de capacitación para planear y dar seguimiento a los cursos.", True),
        ("Certificación de competencias de titulares de unidades de transparencia", "Capacitación",
         "Proceso de evaluación y certificación de competencias en materia de transparencia.", True),
        ("Curso en línea autogestivo sobre la ley de transparencia", "Capacitación",
         "Curso en plataforma virtual abierto a personas servidoras públicas.", False),
        ("Formación de personas instructoras en transparencia", "Capacitación",
         "Formación de instructores internos para replicar cursos en sus instituciones.", False),
    ],
    "PROTAI-T7": [
        ("Concurso de cartel sobre transparencia {anio}", "Difusión",
         "Convocatoria dirigida a jóvenes para expresar el valor de la transparencia.", False),
        ("Campaña en radio y redes sociales sobre el derecho a saber", "Difusión",
         "Campaña con cápsulas de radio y publicaciones en redes sociales.", False),
        ("Pláticas sobre transparencia en escuelas de educación media superior", "Difusión",
         "Pláticas a estudiantes sobre el derecho de acceso a la información.", False),
        ("Materiales en lenguas indígenas y formatos accesibles", "Difusión",
         "Traducción de materiales informativos y versiones en lectura fácil y braille.", False),
        ("Feria de la transparencia {anio}", "Difusión",
         "Feria con módulos informativos, obras de teatro y actividades para familias.", True),
    ],
    "PROTAI-T8": [
        ("Propuesta de reforma a la ley local de transparencia", "Normativa",
         "Elaboración de una propuesta de reforma para armonizar la ley local con la general.", True),
        ("Armonización del reglamento interior", "Normativa",
         "Actualización del reglamento interior conforme a la normativa vigente.", False),
        ("Simplificación del procedimiento de recurso de revisión", "Normativa",
         "Revisión de plazos y formatos para simplificar la presentación de recursos de revisión.", True),
        ("Manual de procedimientos de la unidad de transparencia", "Normativa",
         "Actualización del manual de procedimientos para la atención de solicitudes.", False),
    ],
    "PROTAI-T9": [
        ("Asistencia técnica en el uso de la Plataforma Nacional de Transparencia", "Capacitación",
         "Mesa de ayuda para sujetos obligados que operan la Plataforma Nacional.", True),
        ("Portal de datos abiertos institucional", "Tecnológica",
         "Publicación de conjuntos de datos institucionales con su diccionario de datos.", False),
        ("Asistente virtual de orientación para personas solicitantes", "Tecnológica",
         "Asistente en el portal que orienta sobre cómo presentar solicitudes y recursos.", False),
        ("Expediente electrónico de recursos de revisión", "Tecnológica",
         "Migración de la sustanciación de recursos de revisión a expediente electrónico.", True),
        ("Actualización tecnológica del portal de transparencia", "Tecnológica",
         "Rediseño del portal para mejorar la accesibilidad y la búsqueda de información.", False),
    ],
    "PRONADATOS-T1": [
        ("Campaña sobre el cuidado de datos personales en internet", "Difusión",
         "Campaña en redes sociales con recomendaciones para proteger datos personales.", False),
        ("Pláticas sobre protección de datos personales para niñas, niños y adolescentes", "Difusión",
         "Pláticas en escuelas sobre privacidad y riesgos en entornos digitales.", True),
        ("Guía ciudadana para proteger datos personales en trámites", "Difusión",
         "Guía breve sobre qué datos pueden pedirse en trámites y cómo protegerlos.", True),
        ("Semana de protección de datos personales {anio}", "Difusión",
         "Conferencias y actividades abiertas sobre el derecho a la protección de datos.", True),
        ("Encuesta sobre conocimiento del derecho a la protección de datos", "Investigación",
         "Encuesta a población abierta para medir el conocimiento del derecho.", True),
    ],
    "PRONADATOS-T2": [
        ("Orientación a personas titulares para ejercer derechos ARCO", "Vinculación",
         "Asesoría para presentar solicitudes de acceso, rectificación, cancelación y oposición.", True),
        ("Formato simplificado de solicitud de derechos ARCO", "Normativa",
         "Diseño de un formato simplificado y accesible para solicitudes ARCO.", False),
        ("Difusión del derecho a la portabilidad de datos personales", "Difusión",
         "Materiales informativos sobre cuándo y cómo ejercer la portabilidad.", True),
        ("Estadística de solicitudes de derechos ARCO {anio}", "Evaluación",
         "Integración y publicación de la estadística anual de solicitudes ARCO.", False),
    ],
    "PRONADATOS-T3": [
        ("Capacitación a responsables sobre avisos de privacidad", "Capacitación",
         "Talleres para elaborar y actualizar avisos de privacidad integrales y simplificados.", False),
        ("Taller sobre datos personales sensibles en el sector salud", "Capacitación",
         "Taller con instituciones de salud sobre el tratamiento de datos sensibles.", True),
        ("Curso para oficiales de protección de datos personales", "Capacitación",
         "Curso de especialización para las personas oficiales de protección de datos.", False),
        ("Capacitación a ayuntamientos sobre datos personales en videovigilancia", "Capacitación",
         "Sesiones sobre el tratamiento de imágenes captadas por sistemas de videovigilancia.", True),
    ],
    "PRONADATOS-T4": [
        ("Elaboración del documento de seguridad", "Normativa",
         "Integración del documento de seguridad con inventario, análisis de riesgo y brecha.", False),
        ("Protocolo de atención a vulneraciones de seguridad", "Normativa",
         "Protocolo para notificar y atender vulneraciones de seguridad de datos personales.", False),
        ("Análisis de riesgo de los sistemas de tratamiento", "Evaluación",
         "Análisis de riesgo de los sistemas que tratan datos personales.", False),
        ("Inventario de sistemas de tratamiento de datos personales", "Tecnológica",
         "Registro actualizado de los sistemas y bases de datos con datos personales.", False),
    ],
    "PRONADATOS-T5": [
        ("Guía para evaluaciones de impacto en la protección de datos personales", "Normativa",
         "Guía práctica para evaluar el impacto de nuevos tratamientos de datos personales.", True),
        ("Reconocimiento a buenas prácticas en protección de datos personales", "Vinculación",
         "Convocatoria para reconocer buenas prácticas de responsables del sector público.", True),
        ("Criterios para proteger datos personales en casos de violencia de género", "Normativa",
         "Criterios para fiscalías e instancias de justicia sobre datos de víctimas.", True),
        ("Adopción de un esquema de mejores prácticas", "Normativa",
         "Adopción interna de un esquema de mejores prácticas en protección de datos.", False),
    ],
    "PRONADATOS-T6": [
        ("Verificaciones de oficio en protección de datos personales {anio}", "Evaluación",
         "Programa de verificaciones a responsables del sector público.", True),
        ("Evaluación del desempeño de responsables en protección de datos", "Evaluación",
         "Evaluación del cumplimiento de obligaciones de los sujetos obligados.", True),
        ("Seguimiento a denuncias por tratamiento indebido de datos personales", "Evaluación",
         "Registro y seguimiento de las denuncias presentadas ante el organismo.", True),
        ("Auditoría voluntaria en protección de datos personales", "Evaluación",
         "Acompañamiento a responsables que solicitan una auditoría voluntaria.", True),
    ],
    "PT-CGAYTP-T1": [
        ("Participación en la red de secretariados técnicos locales", "Vinculación",
         "Intercambio de experiencias entre secretariados técnicos locales convocado por la Comisión.", True),
        ("Réplica local de la estrategia de gobierno abierto de la Comisión", "Vinculación",
         "Réplica en la entidad de las actividades de gobierno abierto acordadas en la Comisión.", True),
        ("Aportaciones al diagnóstico nacional de apertura institucional", "Investigación",
         "Envío de información para el diagnóstico de apertura que integra la Comisión.", True),
    ],
    "PT-CGAYTP-T2": [
        ("Jornada local de transparencia proactiva", "Capacitación",
         "Jornada con sujetos obligados para diseñar proyectos de transparencia proactiva.", True),
        ("Registro de prácticas de transparencia proactiva para el banco de la Comisión", "Evaluación",
         "Identificación y envío de prácticas locales de transparencia proactiva.", True),
    ],
    "PT-CGAYTP-T3": [
        ("Publicación de conjuntos de datos abiertos prioritarios", "Tecnológica",
         "Publicación de conjuntos de datos identificados como prioritarios con sociedad civil.", True),
        ("Taller de datos abiertos con sociedad civil", "Capacitación",
         "Taller práctico de búsqueda, limpieza y uso de datos abiertos.", True),
    ],
    "PT-CGAYTP-T4": [
        ("Difusión del derecho de acceso en grupos en situación de vulnerabilidad", "Difusión",
         "Actividades de difusión con personas mayores, personas con discapacidad y comunidades indígenas.", True),
        ("Revisión de la accesibilidad de portales de transparencia", "Evaluación",
         "Revisión de la accesibilidad web de portales de sujetos obligados.", True),
    ],
    "PT-CVPDCS-T1": [
        ("Reunión de enlaces de comunicación social del SNT", "Vinculación",
         "Reunión para coordinar mensajes y calendarios de difusión entre integrantes.", True),
        ("Directorio de áreas de comunicación de los organismos garantes", "Vinculación",
         "Actualización del directorio de enlaces de comunicación social.", True),
    ],
    "PT-CVPDCS-T2": [
        ("Campaña conjunta de difusión del SNT", "Difusión",
         "Réplica local de la campaña conjunta de difusión acordada en la Comisión.", True),
        ("Cápsulas informativas para redes sociales", "Difusión",
         "Producción de cápsulas breves sobre derechos de acceso y protección de datos.", True),
    ],
    "PT-CVPDCS-T3": [
        ("Convenio de colaboración con organizaciones de la sociedad civil", "Vinculación",
         "Firma de un convenio para actividades conjuntas de difusión y capacitación.", True),
        ("Mesa de diálogo con cámaras empresariales sobre datos personales", "Vinculación",
         "Mesa de diálogo con el sector privado sobre protección de datos personales.", True),
    ],
    "PT-CVPDCS-T4": [
        ("Presencia en ferias del libro y eventos culturales", "Difusión",
         "Módulos informativos en ferias y festivales de la entidad.", True),
        ("Concurso juvenil de video sobre transparencia", "Difusión",
         "Convocatoria a jóvenes para producir videos breves sobre transparencia.", True),
    ],
}
TEMAS_MICROSITIO = ["obra pública", "programas sociales", "salud", "protección civil", "seguridad pública", "agua"]
EJES_FEDERALES = {  # federal members report in their own field; they are not garantes
    "ASF": ["PROTAI-T5", "PROTAI-T5", "PROTAI-T1", "PROTAI-T2", "PROTAI-T6", "PROTAI-T9",
            "PRONADATOS-T3", "PRONADATOS-T4", "PRONADATOS-T5"],
    "AGN": ["PROTAI-T4", "PROTAI-T4", "PROTAI-T4", "PROTAI-T1", "PROTAI-T6", "PROTAI-T7",
            "PRONADATOS-T3", "PRONADATOS-T4"],
    "INEGI": ["PROTAI-T9", "PROTAI-T9", "PROTAI-T2", "PROTAI-T1", "PROTAI-T4", "PROTAI-T7",
              "PRONADATOS-T1", "PRONADATOS-T4", "PRONADATOS-T5"],
}
ESTATUS_POR_PERIODO = {  # weights (concluida, en_proceso, cancelada, programada)
    2022: (85, 4, 8, 3), 2023: (78, 10, 7, 5), 2024: (62, 24, 6, 8), 2025: (18, 47, 5, 30),
}
REVISION_POR_PERIODO = {  # weights (validada, observada, enviada)
    2022: (75, 15, 10), 2023: (72, 15, 13), 2024: (55, 20, 25), 2025: (20, 15, 65),
}
ODS_ACTIVIDAD = [16, 4, 5, 10, 17]


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
    entradas = [e for e in ACTIVIDADES_POR_EJE[eje] if not (federal and e[3])]
    for _ in range(6):
        titulo, tipo, descripcion, _g = rng.choice(entradas)
        titulo = titulo.format(anio=periodo, tema=rng.choice(TEMAS_MICROSITIO))
        if (titulo, periodo) not in usados:
            break
    usados.add((titulo, periodo))
    return titulo, tipo, descripcion


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
    conc, proc, canc, prog = ESTATUS_POR_PERIODO[periodo]
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
        "revision": rng.choices(["validada", "observada", "enviada"], REVISION_POR_PERIODO[periodo])[0],
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
