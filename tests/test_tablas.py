"""Board tables: link columns that mix addresses and citations show each as what it is."""

import pandas as pd

from pizarras.ui.tablas import configuracion, separar_referencias


def test_citations_leave_the_link_columns_for_one_text_column():
    tabla = pd.DataFrame({
        "Capacitación": ["Taller", "Curso", "Diplomado", "Foro"],
        "Fuente": ["https://snt.org.mx/informe", "Informe de la Comisión, nov 2019 - nov 2020", None, " "],
        "Fuente 2": [None, "https://inai.org.mx/x", "Acta de la sesión 3", None],
        "Participantes": [10, 20, 30, 40],
    })

    separada = separar_referencias(tabla)

    assert list(separada.columns) == ["Capacitación", "Fuente", "Referencia", "Fuente 2", "Participantes"]
    assert separada["Fuente"].tolist()[0] == "https://snt.org.mx/informe" and separada["Fuente"].iloc[1:3].isna().all()
    assert separada["Fuente 2"].tolist()[1] == "https://inai.org.mx/x"
    assert separada["Fuente 2"].drop(index=1).isna().all()
    assert separada["Referencia"].fillna("—").tolist() == ["—", "Informe de la Comisión, nov 2019 - nov 2020",
                                                           "Acta de la sesión 3", "—"]
    assert tabla["Fuente"].iloc[1].startswith("Informe")  # the caller's table is untouched
    config = configuracion(separada)
    assert config["Fuente"]["type_config"]["type"] == "link" and config["Fuente 2"]["type_config"]["type"] == "link"
    assert "Referencia" not in config  # plain text


def test_tables_without_citations_in_their_link_columns_are_left_as_they_are():
    solo_direcciones = pd.DataFrame({"Fuente": ["https://a.mx", None, "http://b.mx/x"], "Otra": [1, 2, 3]})
    sin_enlaces = pd.DataFrame({"Actividad": ["Informe de la Comisión"]})

    assert separar_referencias(solo_direcciones) is solo_direcciones
    assert separar_referencias(sin_enlaces) is sin_enlaces
