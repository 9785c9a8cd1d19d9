"""What can be uploaded: each kind's columns (Spanish headers, help, catalogs) and how its rows are checked, named
and stored. The rest of pizarras.cargas (checking a file, importing it, rolling it back) reads these definitions,
so a new column or kind is added here once. The fields are the self-report's (pizarras.escritura.autorreporte), so a
file and the form write the same record."""

from __future__ import annotations

from dataclasses import dataclass

from pizarras.escritura import autorreporte
from pizarras.escritura.reglas import revisar_actividad, revisar_avance_compromiso, revisar_capacitacion
from pizarras.texto import normalizar

FECHA_AYUDA = "Fecha de la hoja de cálculo, dd/mm/aaaa o dd/mm/aa (20aa); nunca mes/día/año."


@dataclass(frozen=True)
class Columna:
    encabezado: str
    campo: str
    requerida: bool
    ayuda: str
    catalogo: str | None = None  # values resolved against this catalog
    lista: bool = False  # several values in one cell


COLUMNAS_ACTIVIDADES = (
    Columna("ID", "id", False, "Número de la actividad. Vacío en una actividad nueva; no lo cambie en las existentes."),
    Columna("Organismo", "organismo", True, "Clave o sigla del organismo (p. ej. ITEI).", "organismo"),
    Columna("Programa", "programa", True, "PROTAI, PRONADATOS o el plan de trabajo de una comisión.", "programa"),
    Columna("Eje temático", "eje", True, "Clave (p. ej. PROTAI-T3) o nombre de un eje temático del programa.", "eje"),
    Columna("Ejes transversales", "transversales", False, "Claves o nombres separados por punto y coma.", "eje", True),
    Columna("ODS", "ods", False, "Números del 1 al 17 separados por coma.", "ods", True),
    Columna("Título", "titulo", True, "Hasta 300 caracteres."),
    Columna("Descripción", "descripcion", False, "Texto libre."),
    Columna("Tipo", "tipo", True, "Capacitación, Evaluación, Informe…"),
    Columna("Fecha de inicio", "fecha_inicio", False, FECHA_AYUDA),
    Columna("Fecha de término", "fecha_fin", False, "No anterior al inicio."),
    Columna("Periodo", "periodo", True, "Año del reporte (2015 a 2100)."),
    Columna("Estatus", "estatus", True, "Programada, En proceso, Concluida o Cancelada.", "estatus"),
    Columna("Avance (%)", "avance", True, "De 0 a 100: 45, 45 % o 0.45 valen 45 %; una celda en formato de "
                                          "porcentaje vale lo que muestra (100 % es 100). Concluida = 100."),
    Columna("Evidencia (URL)", "evidencia_url", False, "Dirección completa (https://…); obligatoria si concluida."),
    Columna("Notas", "notas", False, "Texto libre."),
)
COLUMNAS_CAPACITACIONES = (
    Columna("ID", "id", False, "Número de la capacitación. Vacío en una nueva; no lo cambie en las existentes."),
    Columna("Organismo", "organismo", True, "Clave o sigla del organismo que la organizó (p. ej. ITEI).", "organismo"),
    Columna("Título", "titulo", True, "Hasta 300 caracteres."),
    Columna("Tipo", "tipo", True, "Curso, Taller, Diplomado, Jornada, Webinar, Foro, Seminario, Panel…",
            "tipo_capacitacion"),
    Columna("Modalidad", "modalidad", False, "Presencial, Virtual, Autogestiva o Mixta.", "modalidad"),
    Columna("Tema", "tema", False, "Texto libre."),
    Columna("Eje temático", "eje", False, "Clave (p. ej. PROTAI-T3) o nombre de un eje temático.", "eje"),
    Columna("Fecha de inicio", "fecha_inicio", True, FECHA_AYUDA),
    Columna("Fecha de término", "fecha_fin", False, "No anterior al inicio."),
    Columna("Participantes", "participantes", False, "Número de personas."),
    Columna("Mujeres", "mujeres", False, "Mujeres + hombres no pueden ser más que los participantes."),
    Columna("Hombres", "hombres", False, ""),
    Columna("Sujetos obligados", "sujetos_obligados", False, "Número de sujetos obligados participantes."),
    Columna("Público", "publico", False, "A quién se dirigió."),
    Columna("Notas", "notas", False, "Texto libre."),
)
COLUMNAS_COMPROMISOS = (
    Columna("ID", "id", True, "Número del compromiso; identifica la fila (los compromisos no se crean por archivo)."),
    Columna("Entidad", "entidad_nombre", False, "Informativa: no se cambia."),
    Columna("Plan de acción", "plan_accion", False, "Informativa: no se cambia."),
    Columna("Compromiso", "titulo", False, "Informativa: no se cambia."),
    Columna("Estatus", "estatus", True, "Programada, En proceso, Concluida o Cancelada.", "estatus"),
    Columna("Avance (%)", "avance", True, "De 0 a 100: 45, 45 % o 0.45 valen 45 %; una celda en formato de "
                                          "porcentaje vale lo que muestra (100 % es 100). Concluido = 100."),
    Columna("Notas", "notas", False, "Texto libre."),
)
VINCULOS = ("transversales", "ods")  # an activity's links: lists of keys, stored in their own tables
SEPARADORES = {"eje": ";", "ods": ","}  # catalog → what separates several values in one cell


@dataclass(frozen=True)
class Formato:
    """One kind of upload: its columns, its rules, its natural key and the statements that read and write it."""

    tipo: str
    tabla: str
    singular: str  # "la actividad"
    columnas: tuple[Columna, ...]
    campos: tuple[str, ...]  # what an unchanged row must equal
    revisar: object  # reglas.revisar_* (datos, catalogos) -> (limpios, problemas)
    llave: object  # limpios -> natural key tuple
    guardados: str  # query of the stored records of some organismos (or entidades)
    ambito: str = "organismo"  # what an enlace's rows must belong to: its organismo, or its organismo's entidad
    solo_actualiza: bool = False  # rows name stored records by ID; nothing new is created

    @property
    def por_campo(self) -> dict[str, Columna]:
        return {c.campo: c for c in self.columnas}

    @property
    def encabezados(self) -> list[str]:
        return [c.encabezado for c in self.columnas]

    @property
    def escritas(self) -> tuple[str, ...]:
        """The columns the batch statements read: the fields but an activity's links, which have their own tables."""
        return tuple(c for c in self.campos if c not in VINCULOS)


FORMATOS = {
    "actividades": Formato(
        "actividades", "actividades", "la actividad", COLUMNAS_ACTIVIDADES, autorreporte.CAMPOS_ACTIVIDAD,
        revisar_actividad, lambda f: (f.get("organismo"), f.get("periodo"), normalizar(f.get("titulo") or "")),
        "importar/actividades_para_importar",
    ),
    "capacitaciones": Formato(
        "capacitaciones", "capacitaciones", "la capacitación", COLUMNAS_CAPACITACIONES,
        autorreporte.CAMPOS_CAPACITACION, revisar_capacitacion,
        lambda f: (f.get("organismo"), f.get("fecha_inicio"), normalizar(f.get("titulo") or "")),
        "importar/capacitaciones_para_importar",
    ),
    "compromisos": Formato(
        "compromisos", "compromisos", "el compromiso", COLUMNAS_COMPROMISOS, autorreporte.CAMPOS_COMPROMISO,
        revisar_avance_compromiso, lambda f: ("id", f.get("id")), "importar/compromisos_para_importar",
        ambito="entidad", solo_actualiza=True,
    ),
}
