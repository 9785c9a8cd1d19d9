"""Progress over time, from each activity's reports: an organismo's series and the nation's change since a date."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pizarras.lectura.filtros import Filtros
from pizarras.lectura.tableros import Consultar, consulta_filtrada, primera_fila


def avance_en_el_tiempo(consultar: Consultar, filtros: Filtros, organismo: str) -> pd.DataFrame:
    """Month by month, the average of the organismo's latest reported progress (one row per month with a report)."""
    return consulta_filtrada(consultar, "tableros/avance_en_el_tiempo", filtros, organismo=organismo)


def cambio_desde(consultar: Consultar, filtros: Filtros, fecha: date) -> dict:
    """Average progress as reported up to `fecha` and today, with the number of activities behind each."""
    return primera_fila(consulta_filtrada(consultar, "tableros/avance_a_fecha", filtros, fecha=fecha))
