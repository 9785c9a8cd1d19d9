"""The «Indicadores» board under AppTest: an empty catalogue says how to load it; the seed's demo set is marked as
demo; programa, eje and periodo narrow it and the other filters are said not to apply."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.apoyo.paginas import abrir


@pytest.fixture()
def base_seed(ruta_seed, monkeypatch):
    monkeypatch.setenv("PIZARRAS_DB", str(ruta_seed))


def graficas(at) -> list[str]:
    return [e.proto.spec for e in at.get("plotly_chart")]


def estados(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_an_empty_catalogue_says_how_to_load_the_indicators():
    at = abrir("indicadores")  # the fixture database holds no indicator
    assert not at.exception
    texto = " ".join(i.value for i in at.info)
    assert "Todavía no hay indicadores" in texto and "«Indicadores de los programas»" in texto
    assert not at.get("plotly_chart") and not at.dataframe


def test_the_demo_set_is_marked_as_demo_with_a_chart_and_a_state_per_indicator(base_seed):
    at = abrir("indicadores")
    assert not at.exception
    assert any("Datos de demostración: 16 indicadores" in i.value for i in at.info)
    assert len(graficas(at)) == 16
    tabla = at.dataframe[-1].value
    assert len(tabla) == 16 and set(tabla["Dato de demostración"]) == {"Sí"} and set(tabla["Ficha verificada"]) == {"No"}
    # One card per state, counted in the year judged (the latest with a validated value: 2025).
    cuenta = estados(at)
    assert list(cuenta) == ["✔ Cumple en 2025", "◐ Cerca en 2025", "✖ Rezagado en 2025", "○ Sin dato en 2025"]
    assert sum(int(v) for v in cuenta.values()) == 16
    assert any("«Cerca» si le falta a lo más el 10 % de la meta" in c.value for c in at.caption)
    assert any("Datos validados al" in c.value for c in at.caption)
    assert len(at.get("download_button")) == 2


def test_programa_eje_and_periodo_narrow_the_board(base_seed):
    at = abrir("indicadores", programa="PRONADATOS")
    assert not at.exception and len(graficas(at)) == 4
    at = abrir("indicadores", eje="PROTAI-T3", periodo="2023")
    assert not at.exception and len(graficas(at)) == 1
    assert set(at.dataframe[-1].value["Año"]) == {2023}
    assert "✔ Cumple en 2023" in estados(at)


def test_filters_that_do_not_narrow_indicators_are_named(base_seed):
    at = abrir("indicadores", region="norte")
    assert not at.exception and len(graficas(at)) == 16
    assert any("Región" in c.value and "indicadores" in c.value for c in at.caption)


@pytest.fixture()
def base_con_cuentas_e_indicadores(ruta_con_usuarios, tmp_path, monkeypatch):
    import duckdb

    from pizarras.base.demo import cargar_indicadores_demo
    from pizarras.config import CARPETA_SEED
    from tests.apoyo.cuentas_prueba import copia

    ruta = copia(ruta_con_usuarios, tmp_path / "indicadores.duckdb")
    con = duckdb.connect(str(ruta))
    con.execute("begin")
    cargar_indicadores_demo(con, CARPETA_SEED / "demo")
    con.execute("commit")
    con.close()
    monkeypatch.setenv("PIZARRAS_DB", str(ruta))


def test_the_internal_view_counts_values_under_review_and_says_which_they_are(base_con_cuentas_e_indicadores):
    # PROTAI-I03's 2025 value (44 %) is under review: the public judges 2025 without it (on the value computed from
    # the fixture's activities: none concluded in the eje in 2025, 0 %), an admin with it.
    publico = abrir("indicadores", eje="PROTAI-T3", periodo="2025")
    assert not publico.exception
    fila = publico.dataframe[-1].value.iloc[0]
    assert fila["Valor reportado"] is pd.NA and (fila["Valor calculado"], fila["Estado"]) == (0.0, "Rezagado")
    assert not [t for t in publico.dataframe if "Revisión" in t.value.columns]
    interno = abrir("indicadores", como="admin.snt", eje="PROTAI-T3", periodo="2025")
    assert not interno.exception
    fila = interno.dataframe[-1].value.iloc[0]
    assert (fila["Valor reportado"], fila["Estado"]) == (44.0, "Cerca")
    revision = [t.value for t in interno.dataframe if "Revisión" in t.value.columns]
    assert revision and "Enviada a revisión" in set(revision[0]["Revisión"])
