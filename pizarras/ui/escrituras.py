"""What every write screen shows after a write: one helper, so a refusal reads and is escaped the same everywhere.

The core's messages quote what people typed (titles, keys, values), so everything shown here goes through
`escapar_markdown`: text, never Markdown or HTML. A write that succeeds clears the read caches (every board shows
it) and reruns the page, which shows the confirmation with `aviso_pendiente`.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.escritura.permisos import NoAutorizado
from pizarras.escritura.reglas import DatosInvalidos
from pizarras.texto import escapar_markdown
from pizarras.ui import datos

_AVISO = "_aviso_escritura"
_VISIBLES_EN_CONFLICTO = ("titulo", "estatus", "avance", "evidencia_url", "notas", "revision", "version")


def escribir(accion: Callable[[], object], exito: str) -> bool:
    """Run a write; on success clear the caches and show `exito` after the rerun, else say what to fix."""
    try:
        accion()
    except DatosInvalidos as error:
        lineas = "\n".join(f"- {escapar_markdown(str(p))}" for p in error.problemas)
        st.error(f"No se guardó nada. Corrija lo siguiente:\n\n{lineas}", icon=":material/error:")
        return False
    except CambioConcurrente as error:
        st.error(escapar_markdown(str(error)), icon=":material/sync_problem:")
        vista = {k: error.actual[k] for k in _VISIBLES_EN_CONFLICTO if k in error.actual}
        if vista:
            st.caption("Valores guardados por la otra persona:")
            st.dataframe(pd.DataFrame([vista]), hide_index=True)
        return False
    except NoAutorizado as error:
        st.error(escapar_markdown(str(error)), icon=":material/block:")
        return False
    datos.invalidar_cache()
    st.session_state[_AVISO] = exito
    st.rerun()
    return True


def aviso_pendiente() -> None:
    """The confirmation of the write that reran the page, once."""
    aviso = st.session_state.pop(_AVISO, None)
    if aviso:
        st.success(escapar_markdown(aviso), icon=":material/check_circle:")
