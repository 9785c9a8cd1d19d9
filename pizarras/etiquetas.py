"""One dictionary of what every column and coded value is called, and of what kind of value it holds.

Pages, charts, detail views and exports all take their Spanish names from here, so the same column cannot be
"Inicio" on one board and "Fecha de inicio" on another, and a code ("taller", "validada") never reaches the reader.
The kind of a column (a count, a date, a link…) decides how every table and export writes it (`pizarras.ui.tablas`,
`pizarras.publicacion.exportar`), looked up by its Spanish header: a header means one thing everywhere.

A query column whose meaning depends on the record (an activity's `fecha_inicio` is planned, a training's is when
it started) has an entry `"<tema>.<columna>"` beside the general one; there is no other override.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from pizarras import estilo

# "claves": a list of keys as text ("5, 16"); a spreadsheet gets a number when there is only one.
Tipo = Literal[
    "texto", "entero", "clave", "claves", "avance", "porcentaje", "fecha", "fecha_hora", "booleano", "enlace"
]


@dataclass(frozen=True)
class Columna:
    etiqueta: str
    tipo: Tipo = "texto"
    valores: str | None = None  # name of a VALORES table: the column holds codes shown by their label


COLUMNAS: dict[str, Columna] = {
    # Identity and place
    "id": Columna("ID", "clave"),
    "organismo": Columna("Organismo"),
    "sigla": Columna("Organismo"),
    "capacitacion.organismo": Columna("Organismo del SNT"),
    "entidad": Columna("Entidad"),
    "entidad_nombre": Columna("Entidad"),
    "nombre_corto": Columna("Entidad"),
    "region": Columna("Región"),
    "region_nombre": Columna("Región"),
    "programa": Columna("Programa"),
    "programa_sigla": Columna("Programa"),
    "eje": Columna("Eje temático"),
    "capacitacion.eje": Columna("Eje"),
    "eje.nombre": Columna("Eje"),
    "eje.tipo": Columna("Tipo de eje", valores="tipo_eje"),
    "ejes_transversales": Columna("Ejes transversales"),
    "ods": Columna("ODS", "clave"),
    "actividad.ods": Columna("ODS alineados", "claves"),  # an activity may name several: "5, 16"
    "ods_nombre": Columna("Nombre del ODS"),
    "periodo": Columna("Periodo", "clave"),
    # What the record is
    "actividad.titulo": Columna("Actividad"),
    "compromiso.titulo": Columna("Compromiso"),
    "capacitacion.titulo": Columna("Capacitación"),
    "actividad.tipo": Columna("Tipo de actividad"),
    "capacitacion.tipo": Columna("Tipo de capacitación", valores="tipo_capacitacion"),
    "estatus": Columna("Estatus"),
    "compromiso.estatus": Columna("Estatus", valores="estatus_compromiso"),
    "estatus_fuente": Columna("Estatus según la fuente"),
    "avance": Columna("Avance (%)", "avance"),  # a record reports a whole percentage
    "avance_promedio": Columna("Avance promedio (%)", "porcentaje"),
    "revision": Columna("Revisión", valores="revision"),
    "vencido": Columna("Vencido", "booleano"),
    "es_demo": Columna("Dato de demostración", "booleano"),
    "ods_es_demo": Columna("Alineación ODS de demostración", "booleano"),
    "es_integrante": Columna("Integrante del SNT", "booleano"),
    # Dates
    "fecha_inicio": Columna("Fecha de inicio", "fecha"),
    "fecha_fin": Columna("Fecha de término", "fecha"),
    "actividad.fecha_inicio": Columna("Inicio programado", "fecha"),
    "actividad.fecha_fin": Columna("Fin programado", "fecha"),
    "reportado_en": Columna("Fecha de reporte", "fecha_hora"),
    "ultimo_reporte": Columna("Último reporte", "fecha"),
    "reportado_por": Columna("Reportado por"),
    # Plans of action
    "plan_accion": Columna("Plan de acción"),
    "plan_numero": Columna("Número de plan", "clave"),
    "plan_periodo": Columna("Periodo del plan"),
    "plan_periodo_fuente": Columna("Periodo del plan según la fuente"),
    "anio_inicio": Columna("Año de inicio", "clave"),
    "anio_fin": Columna("Año de término", "clave"),
    "problema_publico": Columna("Problema público"),
    "area_politica": Columna("Área de política según la fuente"),
    "area": Columna("Área de política"),  # the catalog's (pizarras.lectura.areas)
    "textos_fuente": Columna("Áreas según la fuente"),
    "institucion_responsable": Columna("Institución responsable"),
    # Trainings
    "organizador": Columna("Organizador (según la fuente)"),
    "modalidad": Columna("Modalidad", valores="modalidad"),
    "tema": Columna("Tema"),
    "publico": Columna("Público"),
    # Counts
    "actividades": Columna("Actividades", "entero"),
    "programadas": Columna("Programadas", "entero"),
    "en_proceso": Columna("En proceso", "entero"),
    "concluidas": Columna("Concluidas", "entero"),
    "canceladas": Columna("Canceladas", "entero"),
    "vencidas": Columna("Vencidas", "entero"),
    "dias_vencida": Columna("Días de retraso", "entero"),
    "compromisos": Columna("Compromisos", "entero"),
    "concluidos": Columna("Concluidos", "entero"),
    "alineados_ods": Columna("Alineados a un ODS", "entero"),
    "capacitaciones": Columna("Capacitaciones", "entero"),
    "participantes": Columna("Participantes", "entero"),
    "mapa.participantes": Columna("Personas capacitadas", "entero"),
    "mujeres": Columna("Mujeres", "entero"),
    "hombres": Columna("Hombres", "entero"),
    "total": Columna("Total", "entero"),
    "sector": Columna("Sector", valores="sector"),
    "sujetos_obligados": Columna("Sujetos obligados", "entero"),
    # Sources
    "evidencia_url": Columna("Evidencia", "enlace"),
    "fuente_url": Columna("Fuente", "enlace"),
    # The sources cited in words rather than linked (a report's title), beside the link columns.
    "referencia": Columna("Referencia"),
}

# Codes the data stores, and what the reader sees.
VALORES: dict[str, dict[str, str]] = {
    "revision": {"borrador": "Borrador", "enviada": "Enviada a revisión", "observada": "Observada",
                 "validada": "Validada"},
    "modalidad": {"presencial": "Presencial", "virtual": "Virtual", "autogestiva": "Autogestiva", "mixta": "Mixta"},
    "tipo_capacitacion": {
        "curso": "Curso",
        "taller": "Taller",
        "diplomado": "Diplomado",
        "jornada": "Jornada",
        "webinar": "Webinar",
        "foro": "Foro",
        "seminario": "Seminario",
        "panel": "Panel",
        "presentacion": "Presentación",
        "programa": "Programa",
    },
    "tipo_eje": {"tematico": "Temático", "transversal": "Transversal"},
    # The status catalog speaks of activities (feminine); a commitment is "concluido", as its KPI says.
    "estatus_compromiso": {"Programada": "Programado", "Concluida": "Concluido", "Cancelada": "Cancelado"},
    "sector": {
        "publico": "Sector público", "sociedad_civil": "Sociedad civil y sector privado", "academia": "Academia",
    },
}

# What "every value" is called for each filter, in the filter's grammatical gender.
TODOS: dict[str, str] = {"region": "Todas", "entidad": "Todas"}

SEPARADOR_FUENTES = " | "


def columna(nombre: str, tema: str | None = None) -> Columna:
    """The entry of a query column, the record-specific one (`tema.nombre`) first."""
    if tema is not None and f"{tema}.{nombre}" in COLUMNAS:
        return COLUMNAS[f"{tema}.{nombre}"]
    return COLUMNAS[nombre]


def etiqueta(nombre: str, tema: str | None = None) -> str:
    return columna(nombre, tema).etiqueta


def valor(tabla_valores: str, codigo: object) -> str:
    """The label of a code ('taller' → 'Taller'); an unknown code is shown as stored, an empty one as '—'."""
    if estilo.vacio(codigo):
        return estilo.SIN_DATO
    return VALORES[tabla_valores].get(str(codigo), str(codigo))


def todos(clave_filtro: str) -> str:
    return TODOS.get(clave_filtro, "Todos")


def _tipos_por_encabezado() -> dict[str, Tipo]:
    tipos: dict[str, Tipo] = {}
    for entrada in COLUMNAS.values():
        anterior = tipos.setdefault(entrada.etiqueta, entrada.tipo)
        if anterior != entrada.tipo:
            raise AssertionError(f"«{entrada.etiqueta}» tiene dos tipos: {anterior} y {entrada.tipo}")
    return tipos


TIPOS_POR_ENCABEZADO = _tipos_por_encabezado()


def tipo_de(encabezado: str) -> Tipo:
    """The kind of a Spanish header ('Fuente 2' is a link like 'Fuente'); unknown headers are text."""
    base = encabezado.rsplit(" ", 1)[0] if encabezado.rsplit(" ", 1)[-1].isdigit() else encabezado
    return TIPOS_POR_ENCABEZADO.get(base, "texto")


def separar_fuentes(valor_fuente: object) -> list[str]:
    """The sources of a record: the field may hold several, separated by ' | '."""
    if estilo.vacio(valor_fuente):
        return []
    return [p.strip() for p in str(valor_fuente).split(SEPARADOR_FUENTES) if p.strip()]


_ENLACE = re.compile(r"https?://\S+")


def es_enlace(fuente: str) -> bool:
    """Whether one source is an address (a link), not a citation in words such as a report's title."""
    return _ENLACE.fullmatch(fuente) is not None


def presentar(tabla: pd.DataFrame, columnas: Sequence[str], tema: str | None = None) -> pd.DataFrame:
    """The columns of a query result, in the given order, as every board and export shows them: Spanish headers,
    codes as labels, 'Sí'/'No', whole numbers as integers, dates as dates, and one 'Fuente' column per source."""
    salida: dict[str, pd.Series] = {}
    for nombre in columnas:
        if nombre not in tabla.columns:
            continue
        entrada = columna(nombre, tema)
        serie = tabla[nombre]
        if nombre == "fuente_url":
            salida.update(_fuentes_en_columnas(serie, entrada.etiqueta))
            continue
        salida[entrada.etiqueta] = convertir(serie, entrada)
    return pd.DataFrame(salida, index=tabla.index).reset_index(drop=True)


def convertir(serie: pd.Series, entrada: Columna) -> pd.Series:
    if entrada.valores is not None:
        return pd.Series([None if estilo.vacio(v) else valor(entrada.valores, v) for v in serie], index=serie.index,
                         dtype=object)
    if entrada.tipo == "booleano":
        return serie.map(lambda v: None if estilo.vacio(v) else ("Sí" if bool(v) else "No"))
    if entrada.tipo in ("entero", "clave", "avance"):
        return pd.to_numeric(serie, errors="coerce").round().astype("Int64")
    if entrada.tipo in ("fecha", "fecha_hora"):
        return pd.to_datetime(serie, errors="coerce")
    if entrada.tipo == "porcentaje":
        return pd.to_numeric(serie, errors="coerce").astype("Float64").round(1)
    return serie


def _fuentes_en_columnas(serie: pd.Series, encabezado: str) -> dict[str, pd.Series]:
    """'Fuente', 'Fuente 2', … one link per cell: a cell holding two URLs is no usable link. Sources cited in words
    rather than linked go to one 'Referencia' column after them: drawn as links, they were dead ones."""
    partes = [separar_fuentes(v) for v in serie]
    enlaces = [[p for p in fuentes if es_enlace(p)] for fuentes in partes]
    citas = [SEPARADOR_FUENTES.join(p for p in fuentes if not es_enlace(p)) or None for fuentes in partes]
    cuantas = max([len(e) for e in enlaces], default=0) or 1
    columnas = {
        (encabezado if i == 0 else f"{encabezado} {i + 1}"): pd.Series(
            [e[i] if i < len(e) else None for e in enlaces], index=serie.index, dtype=object
        )
        for i in range(cuantas)
    }
    if any(citas):
        columnas[COLUMNAS["referencia"].etiqueta] = pd.Series(citas, index=serie.index, dtype=object)
    return columnas


def frase_no_aplican(etiquetas_filtros: Iterable[str], que: str) -> str | None:
    """'El filtro Programa no aplica a …' / 'Los filtros Programa y Eje no aplican a …'; None when all apply."""
    nombres = list(etiquetas_filtros)
    if not nombres:
        return None
    if len(nombres) == 1:
        return f"El filtro {nombres[0]} no aplica a {que}."
    return f"Los filtros {estilo.lista(nombres)} no aplican a {que}."


def ayuda_vencidas(hoy) -> str:
    """The one definition of an overdue activity, for every board's KPI."""
    return f"Actividades con fin programado anterior al {estilo.fecha(hoy)} que no están concluidas ni canceladas."



def encabezados(columnas: Sequence[str], tema: str | None = None) -> list[str]:
    """The Spanish headers of `columnas`, in order (a table with several sources adds 'Fuente 2'… after 'Fuente')."""
    return [etiqueta(c, tema) for c in columnas]
