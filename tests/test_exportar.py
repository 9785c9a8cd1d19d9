from __future__ import annotations

import pandas as pd

from pizarras.exportar import a_csv, tabla_segura


def test_text_that_a_spreadsheet_would_run_is_prefixed_and_numbers_stay_numbers():
    tabla = pd.DataFrame({"titulo": ["=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "-x", "normal"], "avance": [-5, 1, 2, 3, 4]})
    segura = tabla_segura(tabla)
    assert list(segura["titulo"]) == ["'=HYPERLINK(\"x\")", "'+1", "'@SUM(A1)", "'-x", "normal"]
    assert list(segura["avance"]) == [-5, 1, 2, 3, 4]


def test_csv_has_a_bom_and_keeps_accents():
    datos = a_csv(pd.DataFrame({"Región": ["Centro-Occidente"]}))
    assert datos.startswith(b"\xef\xbb\xbf")
    assert "Región" in datos.decode("utf-8-sig")
