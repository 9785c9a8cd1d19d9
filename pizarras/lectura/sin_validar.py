"""What an admin's or evaluator's board shows beyond the public's: the records under the filters that are not
validated (borrador, enviada, observada), counted by kind, and the banner that says so. A record never published is
left out of the public figures; one published whose edit awaits review is in both, the public seeing its version
last validated: the banner names those apart.

The public sees validated records only; a logged-in admin or evaluador sees every record unless they switch to the
public view. A screenshot of the internal board must not read as the official figures, so every board says at its
top how many records it counts that the public does not see. Which kinds a board counts is said once here, per
page: the national, región and organismo boards and the map count activities, commitments and trainings (their
figures include all three); the commitments and trainings boards, their own kind. Slides (Presentación) show
validated records only, so they have no banner. No Streamlit here; `pizarras.ui.vista_interna` draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pizarras import estilo
from pizarras.lectura.filtros import Filtros
from pizarras.lectura.navegacion import PAGINA_MAPA, PAGINA_NACIONAL, PAGINA_ORGANISMO, PAGINA_REGION
from pizarras.lectura.tableros import Consultar, consulta_filtrada, primera_fila

CONSULTA = "tableros/sin_validar"
TIPOS = ("actividades", "compromisos", "capacitaciones")
_NOMBRES = {
    "actividades": ("actividad", "actividades"),
    "compromisos": ("compromiso", "compromisos"),
    "capacitaciones": ("capacitación", "capacitaciones"),
}

# The pages the shared filters narrow whose figures change with the review state, and the kinds each one counts.
QUE_CUENTA: dict[str, tuple[str, ...]] = {
    PAGINA_NACIONAL: TIPOS,
    PAGINA_REGION: TIPOS,
    PAGINA_ORGANISMO: TIPOS,
    PAGINA_MAPA: TIPOS,
    "pages/compromisos.py": ("compromisos",),
    "pages/capacitaciones.py": ("capacitaciones",),
}

VISTA_PUBLICA = "Vista pública: solo registros validados"
PUBLICO = "El público ve solo lo validado."
AVISO_SIN_CONTEO = f"Incluye borradores y registros sin validar. {PUBLICO}"  # when they could not be counted
# What the internal view says where a public board shows «Datos validados al …»: its figures count working versions,
# drafts included, so no validation date describes them (a screenshot must not pass for validated figures).
SIN_FECHA_DE_VALIDACION = ("Vista interna: estas cifras incluyen registros sin validar, así que no llevan «Datos "
                           "validados al …»; «Ver como el público» muestra la fecha de lo publicado.")
# The line a board's download adds to its description (the XLSX «Filtros» sheet) in the internal view.
EN_DESCARGAS = ("Incluye registros sin validar (borradores, enviados a revisión y observados); el público ve solo "
                "los validados.")


@dataclass(frozen=True)
class SinValidar:
    """Records under the filters that are not validated, by kind, and the kinds the board counts: those never
    published (the public does not see them), and apart those whose edit awaits review (the public sees their
    version last validated; the internal board counts the edit)."""

    actividades: int = 0
    compromisos: int = 0
    capacitaciones: int = 0
    tipos: tuple[str, ...] = TIPOS
    actividades_en_revision: int = 0
    compromisos_en_revision: int = 0
    capacitaciones_en_revision: int = 0

    @property
    def en_revision(self) -> int:
        return sum(getattr(self, f"{t}_en_revision") for t in self.tipos)

    def _con_cambios(self) -> str:
        """' 3 registros publicados tienen cambios en revisión: …' or ''."""
        if not self.en_revision:
            return ""
        cuantos = estilo.cantidad(self.en_revision, "registro publicado tiene", "registros publicados tienen")
        return f" {cuantos} cambios en revisión: aquí se ven con esos cambios; el público, con su versión publicada."

    @property
    def total(self) -> int:
        return sum(getattr(self, t) for t in self.tipos)

    def partes(self) -> list[str]:
        """Each counted kind with records left out, in words ('5 actividades')."""
        return [estilo.cantidad(getattr(self, t), *_NOMBRES[t]) for t in self.tipos if getattr(self, t)]

    def aviso(self) -> str:
        """The internal view's banner: how many records the board counts that the public does not see."""
        if not self.total:
            que = estilo.lista([_NOMBRES[t][1] for t in self.tipos])
            if self.en_revision:
                return f"Vista interna: con estos filtros no hay {que} sin validar.{self._con_cambios()}"
            return (f"Vista interna: con estos filtros no hay {que} sin validar; las cifras son las que ve el "
                    "público.")
        partes = self.partes()
        detalle = estilo.entero(self.total)
        if len(partes) > 1:
            detalle += f": {estilo.lista(partes)}"
        return f"Incluye borradores y registros sin validar ({detalle}). {PUBLICO}{self._con_cambios()}"

    def aviso_publico(self) -> str:
        """The public view's banner, saying what it leaves out."""
        cambios = ""
        if self.en_revision:
            cuantos = estilo.cantidad(self.en_revision, "registro con cambios en revisión se ve",
                                      "registros con cambios en revisión se ven")
            cambios = f" {cuantos} en su versión publicada."
        if not self.total:
            return f"{VISTA_PUBLICA}.{cambios}"
        return f"{VISTA_PUBLICA}; quedan fuera {estilo.lista(self.partes())} sin validar.{cambios}"


def tipos_de(pagina: str) -> tuple[str, ...] | None:
    """The kinds a page counts ('pages/x.py'), or None for a page without the banner."""
    return QUE_CUENTA.get(pagina)


def sin_validar(consultar: Consultar, filtros: Filtros, tipos: Sequence[str] = TIPOS) -> SinValidar:
    """The records under `filters` (whatever their `solo_validadas`) that are not validated, of the kinds `tipos`."""
    desconocidos = sorted(set(tipos) - set(TIPOS))
    if desconocidos:
        raise ValueError(f"Tipos de registro desconocidos: {desconocidos}")
    fila = primera_fila(consulta_filtrada(consultar, CONSULTA, filtros))
    return SinValidar(**{t: int(fila[t] or 0) for t in TIPOS},
                      **{f"{t}_en_revision": int(fila[f"{t}_en_revision"] or 0) for t in TIPOS}, tipos=tuple(tipos))
