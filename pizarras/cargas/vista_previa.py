"""The upload preview as data: what a person checking a file before importing it needs to see, first.

The counts at the top (nuevas · cambian · sin cambio · con errores), then one row per file row: the new rows first,
then the ones that change (each changed field written «antes → después»), then the rows with errors (what to fix),
then the unchanged ones whose record has an edit awaiting review («Sin cambio, en revisión»: an import that validates
validates and publishes them as they are), and the unchanged ones last, each group in file order. Every value is
written as the boards write it: catalog values by their names (the estatus «En proceso», a programa's and an eje's
full name, the organismo's acronym), dates dd/mm/aaaa, thousands with a comma, and "—" for nothing (never None or
NaN). Every cell is text, so the
table (and the rollback's plan, pizarras.cargas.reversion, which writes its values with `texto_de`) shows exactly
this. The list of import batches is written here too (`tabla_de_lotes`), in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from pizarras import estilo
from pizarras.cargas.formatos import FORMATOS, Formato
from pizarras.cargas.revision import FilaPlaneada, Revision, emparejar_encabezados
from pizarras.escritura.autorreporte import campos_cambiados
from pizarras.escritura.legible import Nombres, antes_y_despues, fecha, texto_de, vacio
from pizarras.escritura.reglas import ETIQUETAS

SIN_DATO = estilo.SIN_DATO
LIMITE = 1000  # rows the preview lists (new and changed first, so the unchanged are the ones left out)
QUE_PASA = {"insertar": "Nueva", "actualizar": "Cambia", "error": "Con errores",
            "en_revision": "Sin cambio, en revisión", "sin_cambio": "Sin cambio"}
_ORDEN = {accion: i for i, accion in enumerate(QUE_PASA)}
# Columns of a kind the preview leaves out: the informative ones of a commitment (its stored title is shown instead).
_INFORMATIVAS = {"id", "entidad_nombre", "plan_accion"}


def etiqueta_de(campo: str, formato: Formato) -> str:
    """The column's header in the template (what the person typed under), else the form's label."""
    columna = formato.por_campo.get(campo)
    if columna is not None:
        return columna.encabezado
    return {"revision": "Revisión", "titulo": "Título"}.get(campo, ETIQUETAS.get(campo, campo.capitalize()))


@dataclass(frozen=True)
class Cuentas:
    nuevas: int = 0
    cambian: int = 0
    sin_cambio: int = 0
    con_errores: int = 0
    en_revision: int = 0  # of the unchanged, those whose record has an edit awaiting review

    def texto(self) -> str:
        en_revision = f" ({estilo.entero(self.en_revision)} en revisión)" if self.en_revision else ""
        return (f"{estilo.cantidad(self.nuevas, 'nueva', 'nuevas')} · {estilo.entero(self.cambian)} "
                f"{'cambia' if self.cambian == 1 else 'cambian'} · {estilo.entero(self.sin_cambio)} sin cambio"
                f"{en_revision} · {estilo.entero(self.con_errores)} con errores")

    def a_escribir(self, validar: bool) -> int:
        """The records an import writes: new and changed; validating, also the unchanged under review, which it
        validates and publishes as they are («validadas sin cambios»)."""
        return self.nuevas + self.cambian + (self.en_revision if validar else 0)


@dataclass
class VistaPrevia:
    cuentas: Cuentas
    tabla: pd.DataFrame  # text only: Fila, Qué pasa, ID, the title, Cambios, [Qué corregir], the other fields
    total: int  # rows before the limit

    @property
    def recortada(self) -> bool:
        return self.total > len(self.tabla)


def _campos(formato: Formato) -> list[str]:
    """The fields the preview shows, in the template's order, the title first."""
    campos = [c.campo for c in formato.columnas if c.campo not in _INFORMATIVAS]
    return ["titulo", *(c for c in campos if c != "titulo")]


def vista_previa(revision: Revision, nombres: Nombres, limite: int = LIMITE) -> VistaPrevia:
    """The preview of a checked file (see the module's docstring). A file whose headers did not match has no rows."""
    formato = FORMATOS[revision.tipo]
    campos = _campos(formato)
    encabezados = {c: etiqueta_de(c, formato) for c in campos}
    errores_por_fila: dict[int, list[str]] = {}
    fila_encabezados = revision.hoja.fila_encabezados if revision.hoja else 1
    for error in revision.errores:
        if error.fila != fila_encabezados or not revision.revisadas:
            errores_por_fila.setdefault(error.fila, []).append(f"{error.columna}: {error.mensaje}")
    planeadas = [p for p in revision.planeadas if p.fila not in errores_por_fila]
    con_errores = errores_por_fila if revision.revisadas and revision.hoja is not None else {}
    # Sorted first, formatted only up to the limit: a 100,000-row file formats 1,000 rows.
    orden = sorted([(_ORDEN["en_revision" if p.en_revision else p.accion], p.fila, p) for p in planeadas]
                   + [(_ORDEN["error"], numero, None) for numero in con_errores], key=lambda f: (f[0], f[1]))
    crudas = _filas_crudas(revision, formato) if con_errores else {}
    filas = [_fila_planeada(p, formato, campos, encabezados, nombres) if p is not None else
             _fila_con_errores(numero, con_errores[numero], crudas.get(numero, {}), campos, encabezados, nombres,
                               formato)
             for _, numero, p in orden[:limite]]
    cuentas = Cuentas(
        nuevas=sum(p.accion == "insertar" for p in planeadas), cambian=sum(p.accion == "actualizar" for p in planeadas),
        sin_cambio=sum(p.accion == "sin_cambio" for p in planeadas),
        con_errores=len(errores_por_fila) if revision.revisadas else 0,
        en_revision=sum(p.en_revision for p in planeadas),
    )
    columnas = ["Fila", "Qué pasa", "ID", encabezados["titulo"], "Cambios",
                *(["Qué corregir"] if errores_por_fila and revision.revisadas else []),
                *(encabezados[c] for c in campos if c != "titulo")]
    tabla = pd.DataFrame(filas, columns=columnas).fillna(SIN_DATO)
    return VistaPrevia(cuentas, tabla.astype(str), len(orden))


def _fila_planeada(p: FilaPlaneada, formato: Formato, campos: list[str], encabezados: dict[str, str],
                   nombres: Nombres) -> dict:
    tipo = formato.tipo
    cambiados = set(campos_cambiados(p.antes, p.limpios, formato.campos)) if p.accion == "actualizar" else set()
    fila = {"Fila": str(p.fila), "Qué pasa": QUE_PASA["en_revision" if p.en_revision else p.accion],
            "ID": SIN_DATO if p.id is None else str(p.id),
            "Cambios": _en_revision(p, nombres) if p.en_revision else "; ".join(
                f"{etiqueta_de(c, formato)}: {antes_y_despues(c, p.antes[c], p.limpios[c], nombres, tipo)}"
                for c in campos if c in cambiados) or SIN_DATO}
    for campo in campos:
        if campo in cambiados:
            valor = antes_y_despues(campo, p.antes[campo], p.limpios[campo], nombres, tipo)
        elif campo in p.limpios:
            valor = texto_de(campo, p.limpios[campo], nombres, tipo)
        else:  # a commitment's title: stored, not in the file
            valor = texto_de(campo, (p.antes or {}).get(campo), nombres, tipo)
        fila[encabezados[campo]] = valor
    return fila


def _en_revision(p: FilaPlaneada, nombres: Nombres) -> str:
    estado = texto_de("revision", p.antes["revision"], nombres)
    return (f"Igual a lo guardado, que está «{estado}»: si importa validando, se valida y se publica así "
            "(validada sin cambios); si no, queda igual.")


def _filas_crudas(revision: Revision, formato: Formato) -> dict[int, dict[str, object]]:
    """The file's cells of each row by field, as typed (for the rows with errors, which have no clean values)."""
    indices, _, _ = emparejar_encabezados(revision.hoja.encabezados, revision.hoja.fila_encabezados, formato)
    return {numero: {campo: celdas[i] if i < len(celdas) else None for campo, i in indices.items()}
            for numero, celdas in revision.hoja.filas}


def _como_se_escribio(valor) -> str:
    """A cell of the file as typed: a whole number without decimals, text without its surrounding spaces."""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor).strip()


def _fila_con_errores(numero: int, mensajes: list[str], celdas: dict, campos: list[str], encabezados: dict[str, str],
                      nombres: Nombres, formato: Formato) -> dict:
    fila = {"Fila": str(numero), "Qué pasa": QUE_PASA["error"],
            "ID": SIN_DATO if vacio(celdas.get("id")) else _como_se_escribio(celdas["id"]),
            "Cambios": SIN_DATO, "Qué corregir": "; ".join(mensajes)}
    for campo in campos:
        valor = celdas.get(campo)
        fila[encabezados[campo]] = (SIN_DATO if vacio(valor) else
                                    fecha(valor) if isinstance(valor, (date, datetime)) else
                                    _como_se_escribio(valor))
    return fila


_TIPOS_DE_CARGA = {"actividades": "Actividades", "capacitaciones": "Capacitaciones",
                   "compromisos": "Avance de compromisos"}


def _quedaron(lote: dict) -> str:
    if not lote["validadas"]:
        return "Enviadas a revisión"
    sin_cambios = int(lote.get("validadas_sin_cambios") or 0)
    return "Validadas" + (f" (y {estilo.cantidad(sin_cambios, 'validada', 'validadas')} sin cambios: estaba"
                          f"{'n' if sin_cambios != 1 else ''} en revisión)" if sin_cambios else "")


def tabla_de_lotes(lotes: pd.DataFrame) -> pd.DataFrame:
    """The import batches (pizarras.cargas.importar.importaciones) as the page lists them: text, '—' for nothing."""
    filas = []
    for lote in lotes.to_dict("records"):
        revertida = not estilo.vacio(lote["revertida_en"])
        filas.append({
            "Núm.": str(lote["id"]), "Fecha": estilo.fecha_hora(lote["en"]), "Usuario": lote["usuario"],
            "Qué se cargó": _TIPOS_DE_CARGA.get(lote["tipo"], lote["tipo"]), "Archivo": lote["archivo"],
            "Nuevas": estilo.entero(lote["insertadas"]), "Cambiadas": estilo.entero(lote["actualizadas"]),
            "Sin cambio": estilo.entero(lote["sin_cambio"]),
            "Quedaron": _quedaron(lote),
            "Estado": (f"Revertida el {estilo.fecha_hora(lote['revertida_en'])} por {lote['revertida_por']}"
                       if revertida else "Vigente"),
        })
    columnas = ["Núm.", "Fecha", "Usuario", "Qué se cargó", "Archivo", "Nuevas", "Cambiadas", "Sin cambio",
                "Quedaron", "Estado"]
    return pd.DataFrame(filas, columns=columnas).fillna(SIN_DATO)
