"""The upload preview as data: new and changed rows first, each change «antes → después», values by their names,
dates dd/mm/aaaa and "—" for nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from pizarras.cargas.formatos import COLUMNAS_COMPROMISOS
from pizarras.cargas.plantillas import plantilla
from pizarras.cargas.revision import revisar
from pizarras.cargas.vista_previa import vista_previa
from pizarras.escritura.legible import nombres_de_catalogos
from tests.apoyo.cuentas_prueba import como
from tests.apoyo.hojas_prueba import ENCABEZADOS, NUEVA

MALA = [*NUEVA[:6], "Otra jornada", *NUEVA[7:12], "Terminada", 150, "", ""]


@pytest.fixture()
def con(con_escritura):
    return con_escritura


def plantilla_editada(con, cambios: dict[tuple[int, str], object], nuevas: list[list] = (), tipo="actividades",
                      encabezados=ENCABEZADOS) -> bytes:
    """ITEI's template (row 2: activity 1, row 3: activity 2) with some cells changed and rows added."""
    libro = load_workbook(io.BytesIO(plantilla(con, tipo, "ITEI")))
    hoja = libro["Datos"]
    for (fila, encabezado), valor in cambios.items():
        hoja.cell(row=fila, column=encabezados.index(encabezado) + 1, value=valor)
    for numero, fila in enumerate(nuevas, start=4):
        for columna, valor in enumerate(fila, start=1):
            hoja.cell(row=numero, column=columna, value=valor)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def previa(con, contenido: bytes, tipo="actividades", **opciones):
    revision = revisar(con, como("enlace.itei"), "itei.xlsx", contenido, tipo)
    return vista_previa(revision, nombres_de_catalogos(con), **opciones)


def test_new_rows_lead_then_changed_then_unchanged_with_the_counts(con):
    # File order: activity 1 unchanged (row 2), activity 2 changed (row 3), a new one (row 4).
    vista = previa(con, plantilla_editada(con, {(3, "Avance (%)"): 80}, [NUEVA]))
    assert list(zip(vista.tabla["Fila"], vista.tabla["Qué pasa"], vista.tabla["ID"], strict=True)) == [
        ("4", "Nueva", "—"), ("3", "Cambia", "2"), ("2", "Sin cambio", "1")]
    assert vista.cuentas.texto() == "1 nueva · 1 cambia · 1 sin cambio · 0 con errores"
    assert "Qué corregir" not in vista.tabla.columns  # no row has errors


def test_a_changed_row_shows_each_changed_field_before_and_after_in_labels_and_dates(con):
    vista = previa(con, plantilla_editada(con, {(3, "Avance (%)"): 80, (3, "Fecha de término"): "31/01/2025",
                                                (3, "Eje temático"): "PRONADATOS-T2"}))
    cambia = vista.tabla[vista.tabla["Qué pasa"] == "Cambia"].iloc[0]
    assert cambia["Avance (%)"] == "50 → 80"
    assert cambia["Fecha de término"] == "31/12/2024 → 31/01/2025"
    assert cambia["Eje temático"].startswith("Educación y cultura de protección de datos → ")
    assert "PRONADATOS-T2" not in cambia["Eje temático"]
    assert cambia["Estatus"] == "En proceso"  # unchanged: its value, no arrow
    assert cambia["Cambios"] == ("Eje temático: " + cambia["Eje temático"] + "; Fecha de término: 31/12/2024 → "
                                 "31/01/2025; Avance (%): 50 → 80")


def test_values_are_names_dates_are_dd_mm_yyyy_and_nothing_is_none(con):
    vista = previa(con, plantilla_editada(con, {}, [NUEVA]))
    nueva = vista.tabla.iloc[0]
    assert nueva["Qué pasa"] == "Nueva"
    assert nueva["Programa"] == "Programa Nacional de Transparencia y Acceso a la Información 2022-2026"
    assert nueva["Eje temático"] == "Gobierno abierto"
    assert nueva["Ejes transversales"] == "Derechos humanos, igualdad de género e inclusión"
    assert nueva["ODS"] == "16 Paz, justicia e instituciones sólidas"
    assert nueva["Estatus"] == "En proceso"
    assert (nueva["Fecha de inicio"], nueva["Fecha de término"]) == ("10/03/2025", "31/03/2025")
    assert (nueva["Periodo"], nueva["Avance (%)"]) == ("2025", "45")
    assert (nueva["Descripción"], nueva["Evidencia (URL)"], nueva["Notas"], nueva["Cambios"]) == ("—",) * 4
    celdas = {str(v) for v in vista.tabla.to_numpy().ravel()}
    assert not celdas & {"None", "nan", "NaN", "NaT", "<NA>", "", "[]"}
    assert all(isinstance(v, str) for v in vista.tabla.to_numpy().ravel())


def test_rows_with_errors_come_after_the_changes_with_what_to_fix(con):
    vista = previa(con, plantilla_editada(con, {(3, "Avance (%)"): 80}, [NUEVA, MALA]))
    assert list(vista.tabla["Qué pasa"]) == ["Nueva", "Cambia", "Con errores", "Sin cambio"]
    mala = vista.tabla.iloc[2]
    assert (mala["Fila"], mala["Título"], mala["Estatus"], mala["Avance (%)"]) == ("5", "Otra jornada", "Terminada",
                                                                                  "150")
    assert "«Terminada» no está en el catálogo" in mala["Qué corregir"] and "Avance (%)" in mala["Qué corregir"]
    assert vista.cuentas.texto() == "1 nueva · 1 cambia · 1 sin cambio · 1 con errores"


def test_commitments_show_their_stored_title_and_status_in_the_masculine(con):
    encabezados = [c.encabezado for c in COLUMNAS_COMPROMISOS]
    archivo = plantilla_editada(con, {(3, "Avance (%)"): 75}, tipo="compromisos", encabezados=encabezados)
    vista = previa(con, archivo, "compromisos")
    cambia = vista.tabla.iloc[0]
    assert (cambia["Qué pasa"], cambia["Compromiso"], cambia["Avance (%)"]) == ("Cambia", "Compromiso 2", "40 → 75")
    assert vista.tabla.iloc[1]["Estatus"] == "Concluido"


def test_a_long_file_lists_the_new_and_changed_rows_first_and_says_it_was_cut(con):
    vista = previa(con, plantilla_editada(con, {(3, "Avance (%)"): 80}, [NUEVA]), limite=2)
    assert list(vista.tabla["Qué pasa"]) == ["Nueva", "Cambia"]
    assert vista.recortada and vista.total == 3


def test_a_file_with_wrong_columns_has_no_rows_to_preview(con):
    from tests.apoyo.hojas_prueba import xlsx

    vista = previa(con, xlsx([NUEVA[:5]], ENCABEZADOS[:5]))
    assert vista.tabla.empty and vista.cuentas.texto() == "0 nuevas · 0 cambian · 0 sin cambio · 0 con errores"
