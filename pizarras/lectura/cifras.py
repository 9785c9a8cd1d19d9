"""A board's headline figures as data: what each is called, its value, how it is written and its help text.

Each board declares its figures once, in display order (`cifras` on the board); the page draws them all, and a
presentation slide or the static site picks some by key (`elegir`). A figure is then called and written alike
wherever it shows, and a label changes in one place: ETIQUETAS, read each time a figure is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pizarras import estilo

# One name per figure across every board; a figure that is named differently is a different key.
ETIQUETAS: dict[str, str] = {
    "actividades": "Actividades",
    "concluidas": "Concluidas",
    "en_proceso": "En proceso",
    "programadas": "Programadas",
    "canceladas": "Canceladas",
    "avance_promedio": "Avance promedio",
    "organismos": "Organismos",
    "organismos_reportando": "Organismos que reportan",
    "vencidas": "Actividades vencidas",
    "ultimo_reporte": "Último reporte",
    "compromisos": "Compromisos",
    "compromisos_vencidos": "Compromisos vencidos",
    "planes": "Planes de acción",
    "entidades": "Entidades",
    "concluidos": "Concluidos",
    "alineados_ods": "Alineados a un ODS",
    "capacitaciones": "Capacitaciones",
    "capacitaciones_organizadas": "Capacitaciones organizadas",
    "participantes": "Participantes",
    "personas_capacitadas": "Personas capacitadas",
    "mujeres": "Mujeres",
    "hombres": "Hombres",
    "organizadores": "Organizadores",
    "sujetos_obligados": "Sujetos obligados",
}


@dataclass(frozen=True)
class Cifra:
    """One headline figure: `texto` is `valor` written the Spanish way (pizarras.estilo)."""

    clave: str
    etiqueta: str
    valor: object
    texto: str
    ayuda: str | None = None


def cifra(clave: str, valor: object, formato: Callable[[object], str] = estilo.entero, ayuda: str | None = None) -> Cifra:
    """The figure `clave` with its one label; `formato` writes the value (a count unless told)."""
    return Cifra(clave, ETIQUETAS[clave], valor, formato(valor), ayuda)


def elegir(cifras: Iterable[Cifra], *claves: str) -> list[Cifra]:
    """The figures named by `claves`, in that order; a key the board does not declare is an error, not a gap."""
    por_clave = {c.clave: c for c in cifras}
    return [por_clave[clave] for clave in claves]
