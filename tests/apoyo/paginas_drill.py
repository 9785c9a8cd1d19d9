"""Helpers for drill-down page tests: click a plotly point as the browser would, and see where it leads.

AppTest has no accessor for plotly charts, let alone for clicking them. A click in the browser sends the chart's
widget state, a JSON selection whose points carry the figure's customdata; `clic_en_grafica` sends that same state
through AppTest's run (a private entry point), so the page's own code reads it from
`st.plotly_chart(on_select="rerun")`, maps it and calls `st.switch_page`. With every page registered by absolute path
(`arnes_completo.py`), AppTest then runs the entry script with the target page, as the real server does: the test
sees the target board, its sidebar and its URL.
"""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ARNES_COMPLETO = str(Path(__file__).resolve().parents[1] / "paginas" / "arnes_completo.py")
PENDIENTES = "_filtros_pendientes"


def abrir_con_todas(pagina: str, **parametros_url) -> AppTest:
    """Run `pages/<pagina>.py` in the real frame with every page registered (drill-down targets included)."""
    at = AppTest.from_file(ARNES_COMPLETO, default_timeout=30)
    at.session_state["pagina_bajo_prueba"] = f"pages/{pagina}.py"
    for clave, valor in parametros_url.items():
        at.query_params[clave] = valor
    return at.run()


def grafica(at: AppTest, key: str):
    return next(g for g in at.get("plotly_chart") if g.proto.id.endswith(f"-{key}"))


def clic_en_grafica(at: AppTest, key: str, *customdata) -> AppTest:
    """Rerun as if the user clicked the point of chart `key` whose customdata is `customdata`."""
    estados = at._tree.get_widget_states()
    estado = estados.widgets.add()
    estado.id = grafica(at, key).proto.id
    punto = {"curve_number": 0, "point_number": 0, "point_index": 0, "customdata": list(customdata)}
    estado.string_value = json.dumps(
        {"selection": {"points": [punto], "point_indices": [0], "box": [], "lasso": []}}
    )
    return at._run(estados)


def pendientes(at: AppTest) -> dict:
    return dict(at.session_state[PENDIENTES]) if PENDIENTES in at.session_state else {}
