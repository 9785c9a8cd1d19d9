"""The data dictionary of the open data: what every published table and column means and which values it takes.

Written by hand next to the queries in queries/datos_abiertos/ (a test checks both name the same columns); the type
of each column is read from DuckDB, never written here, so it cannot drift from the data. Each table also names the
columns that identify a row and the columns that point at another published table (the Data Package's primaryKey
and foreignKeys; a test checks them against the database's constraints and the «clave de …» of the allowed values).
"""

from __future__ import annotations

from dataclasses import dataclass, field

_DEMO = "true: registro de demostración (inventado para mostrar la aplicación); false: registro real con fuente"
_VERIFICADO = "true: verificado contra su fuente oficial; false: mejor nombre disponible, pendiente de verificar"
_ESTATUS = "clave de estatus: programada, en_proceso, concluida, cancelada"


@dataclass(frozen=True)
class Conjunto:
    nombre: str  # table and file name
    titulo: str
    descripcion: str
    columnas: dict[str, tuple[str, str]]  # column -> (meaning, allowed values)
    clave: tuple[str, ...] = ()  # the columns that identify a row
    referencias: dict[str, str] = field(default_factory=dict)  # column -> "tabla.columna" it points at

    @property
    def tiene_demo(self) -> bool:
        return "es_demo" in self.columnas


# When the published version was last updated and when it was validated (the national platform's fecha de
# actualización and fecha de validación): the same two columns in every kind of record.
_FECHAS = {
    "actualizada_en": ("Fecha de actualización: cuándo cambió por última vez lo publicado",
                       "fecha y hora AAAA-MM-DD HH:MM:SS; vacía si la fuente no la da"),
    "validada_en": ("Fecha de validación: cuándo la Secretaría Ejecutiva validó esta versión",
                    "fecha y hora AAAA-MM-DD HH:MM:SS"),
}
_SOLO_PUBLICADA = (" Cada registro en su versión publicada (la última validada): un cambio en revisión no la "
                   "modifica hasta que se valida.")

CONJUNTOS: tuple[Conjunto, ...] = (
    Conjunto("actividades", "Actividades", "Actividades autorreportadas por los integrantes del SNT en PROTAI, "
             "PRONADATOS y los planes de trabajo de las comisiones. Solo las validadas por la Secretaría Ejecutiva."
             + _SOLO_PUBLICADA, {
        "id": ("Identificador de la actividad", "entero positivo, único"),
        "organismo": ("Organismo que la reporta", "clave de organismos"),
        "programa": ("Programa o plan de trabajo", "clave de programas"),
        "eje": ("Eje temático del programa", "clave de ejes (tipo tematico)"),
        "titulo": ("Nombre de la actividad", "texto"),
        "descripcion": ("Descripción", "texto; vacío si no se reportó"),
        "tipo": ("Tipo de actividad", "texto libre del reporte"),
        "fecha_inicio": ("Inicio programado", "fecha AAAA-MM-DD; vacía si no se reportó"),
        "fecha_fin": ("Fin programado", "fecha AAAA-MM-DD, no anterior al inicio; vacía si no se reportó"),
        "estatus": ("Estatus", _ESTATUS),
        "avance": ("Avance reportado, en porcentaje", "entero de 0 a 100; una concluida tiene 100"),
        "evidencia_url": ("Dirección de la evidencia", "URL completa; vacía si no se reportó"),
        "periodo": ("Año que se reporta", "entero de 2015 a 2100"),
        "reportado_en": ("Fecha y hora del último reporte", "fecha y hora AAAA-MM-DD HH:MM:SS"),
        "es_demo": ("Dato de demostración", _DEMO),
        "fuente": ("Origen del registro", "texto (p. ej. Autorreporte)"),
        **_FECHAS,
    }, clave=("id",), referencias={"organismo": "organismos.clave", "programa": "programas.clave",
                                   "eje": "ejes.clave", "estatus": "estatus.clave"}),
    Conjunto("actividad_ejes_transversales", "Ejes transversales de las actividades",
             "Ejes transversales a los que contribuye cada actividad validada.", {
        "actividad": ("Actividad", "id de actividades"),
        "eje": ("Eje transversal", "clave de ejes (tipo transversal)"),
    }, clave=("actividad", "eje"), referencias={"actividad": "actividades.id", "eje": "ejes.clave"}),
    Conjunto("actividad_ods", "ODS de las actividades",
             "Objetivos de Desarrollo Sostenible con los que se alinea cada actividad validada.", {
        "actividad": ("Actividad", "id de actividades"),
        "ods": ("Objetivo de Desarrollo Sostenible", "número de ods, de 1 a 17"),
    }, clave=("actividad", "ods"), referencias={"actividad": "actividades.id", "ods": "ods.numero"}),
    Conjunto("reportes_avance", "Reportes de avance",
             "El avance publicado de cada actividad a lo largo del tiempo: una fila cada vez que una validación lo "
             "movió (sin la cuenta que reportó).", {
        "actividad": ("Actividad", "id de actividades"),
        "en": ("Desde cuándo se publicó ese avance (la validación; antes de las versiones, el reporte)",
               "fecha y hora AAAA-MM-DD HH:MM:SS"),
        "avance": ("Avance reportado, en porcentaje", "entero de 0 a 100"),
        "estatus": ("Estatus reportado", _ESTATUS),
    }, clave=("actividad", "en"), referencias={"actividad": "actividades.id", "estatus": "estatus.clave"}),
    Conjunto("compromisos", "Compromisos de gobierno abierto",
             "Compromisos de los planes de acción locales de gobierno abierto. Solo los validados." + _SOLO_PUBLICADA, {
        "id": ("Identificador del compromiso", "entero positivo, único"),
        "entidad": ("Entidad federativa del plan", "clave de entidades"),
        "plan_accion": ("Nombre del plan de acción", "texto"),
        "plan_numero": ("Número del plan en la entidad", "entero desde 1"),
        "plan_periodo": ("Periodo del plan", "texto (p. ej. 2019-2021)"),
        "anio_inicio": ("Año de inicio del plan", "entero"),
        "anio_fin": ("Año de término del plan", "entero, no anterior al inicio"),
        "titulo": ("Nombre del compromiso", "texto"),
        "problema_publico": ("Problema público que atiende", "texto"),
        "area_politica": ("Área de política pública", "texto"),
        "institucion_responsable": ("Institución responsable", "texto"),
        "ods": ("ODS con el que se alinea", "número de ods, de 1 a 17; vacío si ninguno"),
        "ods_es_demo": ("La alineación a ODS es de demostración", _DEMO),
        "estatus": ("Estatus", _ESTATUS),
        "estatus_fuente": ("Estatus como lo escribe la fuente", "texto"),
        "avance": ("Avance, en porcentaje", "entero de 0 a 100; vacío si la fuente no lo da"),
        "fecha_inicio": ("Inicio", "fecha AAAA-MM-DD"),
        "fecha_fin": ("Término", "fecha AAAA-MM-DD"),
        "es_demo": ("Dato de demostración", _DEMO),
        "fuente_url": ("Fuente publicada", "URL"),
        **_FECHAS,
    }, clave=("id",), referencias={"entidad": "entidades.clave", "ods": "ods.numero", "estatus": "estatus.clave"}),
    Conjunto("capacitaciones", "Capacitaciones",
             "Cursos, talleres y otros eventos de capacitación del SNT. Solo las validadas." + _SOLO_PUBLICADA, {
        "id": ("Identificador de la capacitación", "entero positivo, único"),
        "titulo": ("Nombre", "texto"),
        "tipo": ("Tipo de evento", "curso, taller, diplomado, jornada, webinar, foro, seminario, panel, presentacion, "
                 "programa"),
        "organismo": ("Organismo organizador, si es integrante del SNT", "clave de organismos; vacío si no lo es"),
        "organizador": ("Organizador como lo nombra la fuente", "texto"),
        "entidad": ("Entidad federativa", "clave de entidades"),
        "modalidad": ("Modalidad", "presencial, virtual, autogestiva, mixta; vacía si no se reportó"),
        "tema": ("Tema", "texto"),
        "eje": ("Eje al que contribuye", "clave de ejes; vacío si ninguno"),
        "fecha_inicio": ("Inicio", "fecha AAAA-MM-DD"),
        "fecha_fin": ("Término", "fecha AAAA-MM-DD"),
        "participantes": ("Personas participantes", "entero ≥ 0"),
        "mujeres": ("Mujeres participantes", "entero ≥ 0; mujeres + hombres ≤ participantes"),
        "hombres": ("Hombres participantes", "entero ≥ 0"),
        "sujetos_obligados": ("Sujetos obligados participantes", "entero ≥ 0"),
        "publico": ("Público al que se dirigió", "texto"),
        "es_demo": ("Dato de demostración", _DEMO),
        "fuente_url": ("Fuente publicada", "URL"),
        **_FECHAS,
    }, clave=("id",), referencias={"organismo": "organismos.clave", "entidad": "entidades.clave",
                                   "eje": "ejes.clave"}),
    Conjunto("stl_integrantes", "Secretariados técnicos locales",
             "Integrantes de los secretariados técnicos locales de gobierno abierto por sector y sexo.", {
        "entidad": ("Entidad federativa", "clave de entidades"),
        "sector": ("Sector", "publico, sociedad_civil, academia"),
        "sexo": ("Sexo", "mujer, hombre"),
        "personas": ("Número de personas", "entero ≥ 0"),
        "es_demo": ("Dato de demostración", _DEMO),
        "fuente": ("Fuente", "texto"),
    }, clave=("entidad", "sector", "sexo"), referencias={"entidad": "entidades.clave"}),
    Conjunto("regiones", "Regiones", "Regiones del SNT (catálogo).", {
        "clave": ("Clave", "texto único"),
        "nombre": ("Nombre", "texto único"),
        "orden": ("Orden de presentación", "entero"),
        "verificado": ("Verificado", _VERIFICADO),
        "nota": ("Nota", "texto"),
    }, clave=("clave",)),
    Conjunto("entidades", "Entidades federativas", "Entidades federativas con su clave INEGI (catálogo).", {
        "clave": ("Clave INEGI", "dos dígitos; 00 = ámbito federal"),
        "nombre": ("Nombre oficial", "texto único"),
        "nombre_corto": ("Nombre como lo escriben los reportes", "texto único"),
        "region": ("Región", "clave de regiones"),
    }, clave=("clave",), referencias={"region": "regiones.clave"}),
    Conjunto("organismos", "Organismos", "Integrantes del SNT (catálogo).", {
        "clave": ("Clave estable", "texto único"),
        "sigla": ("Sigla vigente", "texto"),
        "nombre": ("Nombre", "texto"),
        "entidad": ("Entidad federativa", "clave de entidades"),
        "tipo": ("Tipo de integrante", "nacional, local, federal"),
        "nombres_anteriores": ("Siglas anteriores", "texto separado por «; »"),
        "sitio": ("Sitio web", "URL"),
        "verificado": ("Verificado", _VERIFICADO),
    }, clave=("clave",), referencias={"entidad": "entidades.clave"}),
    Conjunto("programas", "Programas", "Programas nacionales y planes de trabajo de comisiones (catálogo).", {
        "clave": ("Clave", "texto único"),
        "nombre": ("Nombre", "texto"),
        "sigla": ("Sigla", "texto"),
        "periodo": ("Periodo de vigencia", "texto"),
        "tipo": ("Tipo", "programa_nacional, plan_comision"),
        "orden": ("Orden de presentación", "entero"),
        "verificado": ("Verificado", _VERIFICADO),
    }, clave=("clave",)),
    Conjunto("ejes", "Ejes", "Ejes temáticos y transversales de cada programa (catálogo).", {
        "clave": ("Clave", "texto único"),
        "programa": ("Programa", "clave de programas"),
        "tipo": ("Tipo de eje", "tematico, transversal"),
        "numero": ("Número en su programa", "entero"),
        "nombre": ("Nombre", "texto"),
        "verificado": ("Verificado", _VERIFICADO),
    }, clave=("clave",), referencias={"programa": "programas.clave"}),
    Conjunto("ods", "Objetivos de Desarrollo Sostenible", "Los 17 ODS de la Agenda 2030 (catálogo).", {
        "numero": ("Número", "entero de 1 a 17"),
        "nombre": ("Nombre en español", "texto único"),
        "nombre_en": ("Nombre en inglés", "texto"),
        "color": ("Color oficial", "#RRGGBB"),
        "verificado": ("Verificado", _VERIFICADO),
    }, clave=("numero",)),
    Conjunto("estatus", "Estatus", "Estatus posibles de actividades, compromisos y capacitaciones (catálogo).", {
        "clave": ("Clave", "programada, en_proceso, concluida, cancelada"),
        "nombre": ("Nombre", "texto único"),
        "orden": ("Orden de presentación", "entero único"),
        "descripcion": ("Qué significa", "texto"),
    }, clave=("clave",)),
)
POR_NOMBRE = {c.nombre: c for c in CONJUNTOS}
