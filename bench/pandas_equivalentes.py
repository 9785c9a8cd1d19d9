"""The board queries done the naive pandas way: tables loaded into DataFrames once, then merge, filter, groupby.

Each function takes the loaded tables and the same parameters as the SQL file and returns the same columns in the
same order (tests/rendimiento/test_bench.py checks the results agree on the fixture and on a synthetic database). Every board
query has one: the same test fails when a query in queries/tableros/ has none.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import duckdb
import pandas as pd

# Each working table and its published twin: with `solo_validadas` a query reads the published versions (what the
# public sees, as last validated), otherwise the working ones, as the macros of pizarras/base/vistas.sql do.
PUBLICADAS = {"actividades": "actividades_publicadas",
              "actividad_ejes_transversales": "actividad_ejes_transversales_publicadas",
              "actividad_ods": "actividad_ods_publicadas", "reportes_avance": "reportes_publicados",
              "compromisos": "compromisos_publicados", "capacitaciones": "capacitaciones_publicadas"}
TABLAS = [*PUBLICADAS, *PUBLICADAS.values(), "stl_integrantes", "organismos", "entidades", "regiones", "programas",
          "ejes", "estatus", "ods"]

# The status a per-status count counts, by the count's column name.
CUENTAS_ESTATUS = {"programadas": "programada", "en_proceso": "en_proceso", "concluidas": "concluida",
                   "canceladas": "cancelada"}
ABIERTOS = ["programada", "en_proceso"]  # the statuses that can be overdue
# What DuckDB's trim() strips: the Unicode space separators (Zs), not tabs or line breaks.
ESPACIOS = " \u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))


def cargar_tablas(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every table the board queries read, as DataFrames (dates as datetime64), and how long loading took."""
    inicio = time.perf_counter()
    tablas = {t: con.sql(f"from {t}").to_arrow_table().to_pandas(date_as_object=False) for t in TABLAS}
    return tablas, {"carga_s": time.perf_counter() - inicio, "filas": {t: len(v) for t, v in tablas.items()}}


# ------------------------------------------------------------------------------------------------ shared pieces


def _cat(t: dict[str, pd.DataFrame], tabla: str, **columnas: str) -> pd.DataFrame:
    """Some columns of a catalog, renamed for a join: _cat(t, "programas", clave="programa", sigla="programa_sigla")."""
    return t[tabla][list(columnas)].rename(columns=columnas)


def _entidades(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The entidad columns the filter macros add to a row: key, short name and región."""
    return _cat(t, "entidades", clave="entidad", nombre_corto="entidad_nombre", region="region")


def _filtro(df: pd.DataFrame, p: dict, pares: tuple[tuple[str, str], ...]) -> pd.Series:
    """Rows whose `columna` is in the list of each (columna, parametro) pair; a None parameter keeps every row."""
    filtro = pd.Series(True, index=df.index)
    for columna, parametro in pares:
        if p[parametro] is not None:
            filtro &= df[columna].isin(p[parametro])
    return filtro


def _leidas(t: dict[str, pd.DataFrame], tabla: str, p: dict) -> pd.DataFrame:
    """The published versions of `tabla` when `solo_validadas` (the macros' last argument), else the working ones."""
    return t[PUBLICADAS[tabla]] if p["solo_validadas"] else t[tabla]


def _ultima_validacion(f: pd.DataFrame):
    """max(validada_en): the working versions have no such column (the macros' UNION BY NAME gives them NULL)."""
    return f["validada_en"].max() if "validada_en" in f.columns else None


def _entidades_en_lugar(t: dict[str, pd.DataFrame], p: dict) -> pd.Series:
    """Entidad keys the place filters select; an organismo selects its entidad (commitments, STL, the map)."""
    e = t["entidades"]
    filtro = _filtro(e, p, (("region", "regiones"), ("clave", "entidades")))
    if p["organismos"] is not None:
        o = t["organismos"]
        filtro &= e["clave"].isin(o.loc[o["clave"].isin(p["organismos"]), "entidad"])
    return e.loc[filtro, "clave"]


def _texto_o(serie: pd.Series, vacio: str) -> pd.Series:
    """coalesce(nullif(trim(x), ''), vacio)"""
    limpio = serie.str.strip(ESPACIOS)
    return limpio.mask(limpio == "", vacio).fillna(vacio)


def _ceros(r: pd.DataFrame, cuentas: list[str]) -> pd.DataFrame:
    """Counts of an outer join as integers, zero where nothing joined (the SQL's coalesce(x, 0))."""
    return r.fillna({c: 0 for c in cuentas}).astype({c: "int64" for c in cuentas})


def _todos_los_estatus(t: dict[str, pd.DataFrame], g: pd.DataFrame, cuentas: list[str]) -> pd.DataFrame:
    """Per-status aggregates on the whole status catalog, in display order; zero for a status with no rows."""
    r = _cat(t, "estatus", clave="estatus", nombre="nombre", orden="orden").merge(g, on="estatus", how="left")
    return _ordenar(_ceros(r, cuentas), ["orden"])


def _limitar(df: pd.DataFrame, p: dict) -> pd.DataFrame:
    return (df if p["limite"] is None else df.head(p["limite"])).reset_index(drop=True)


def _como(r: pd.DataFrame, columnas: list[str], **origen: str) -> pd.DataFrame:
    """The SQL's select list: `columnas` in order, each from the column `origen` names for it (`x as y`) or its own."""
    return pd.DataFrame({c: r[origen.get(c, c)] for c in columnas}).reset_index(drop=True)


def _ordenar(df: pd.DataFrame, columnas: list[str], ascendente: bool | list[bool] = True) -> pd.DataFrame:
    # Nulls last, as DuckDB sorts them by default.
    return df.sort_values(columnas, ascending=ascendente, na_position="last", kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------------------------------------ activities


def _organismos_con_lugar(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each organismo with its sigla, entidad and región."""
    return (_cat(t, "organismos", clave="organismo", sigla="organismo_sigla", entidad="entidad")
            .merge(_entidades(t), on="entidad"))


def actividades_filtradas(t: dict[str, pd.DataFrame], p: dict) -> pd.DataFrame:
    a = _leidas(t, "actividades", p).merge(_organismos_con_lugar(t), on="organismo")
    filtro = _filtro(a, p, (("region", "regiones"), ("entidad", "entidades"), ("organismo", "organismos"),
                            ("programa", "programas"), ("periodo", "periodos"), ("estatus", "estatus")))
    if p["ejes"] is not None:
        x = _leidas(t, "actividad_ejes_transversales", p)
        filtro &= a["eje"].isin(p["ejes"]) | a["id"].isin(x.loc[x["eje"].isin(p["ejes"]), "actividad"])
    if p["ods"] is not None:
        o = _leidas(t, "actividad_ods", p)
        filtro &= a["id"].isin(o.loc[o["ods"].isin(p["ods"]), "actividad"])
    return a[filtro]


def _vencidas(f: pd.DataFrame, hoy: date) -> pd.Series:
    return (f["fecha_fin"] < pd.Timestamp(hoy)) & f["estatus"].isin(ABIERTOS)


def _agregar_avance(g: pd.DataFrame, llave: str | list[str], cuentas: tuple[str, ...] = ("concluidas",),
                    hoy: date | None = None, **otras) -> pd.DataFrame:
    """Per `llave`: activities, the named counts (per status, or "vencidas" by `hoy`), average progress without the
    cancelled ones, and any other named aggregation (pandas `agg` syntax), in that column order."""
    banderas = {c: (_vencidas(g, hoy) if c == "vencidas" else g["estatus"] == CUENTAS_ESTATUS[c]) for c in cuentas}
    g = g.assign(_avance=g["avance"].where(g["estatus"] != "cancelada"), **banderas)
    return g.groupby(llave).agg(actividades=("estatus", "size"), **{c: (c, "sum") for c in cuentas},
                                avance_promedio=("_avance", "mean"), **otras).reset_index()


def kpi_actividades(t, p):
    f = actividades_filtradas(t, p)
    return pd.DataFrame([{
        "actividades": len(f),
        **{c: int((f["estatus"] == e).sum()) for c, e in CUENTAS_ESTATUS.items()},
        "avance_promedio": f.loc[f["estatus"] != "cancelada", "avance"].mean(),
        "organismos_reportando": f["organismo"].nunique(),
        "vencidas": int(_vencidas(f, p["hoy"]).sum()),
        "demo": int(f["es_demo"].sum()),
        "ultimo_reporte": f["reportado_en"].max(),
        "ultima_validacion": _ultima_validacion(f),
    }])


def actividades_por_estatus(t, p):
    cuentas = actividades_filtradas(t, p).groupby("estatus").size().rename("actividades").reset_index()
    return _todos_los_estatus(t, cuentas, ["actividades"])


def _por_eje(t: dict[str, pd.DataFrame], p: dict, f: pd.DataFrame, columnas: list[str]) -> pd.DataFrame:
    """Each activity once under its eje temático and once under each of its ejes transversales."""
    x = f[["id", *columnas]].merge(_leidas(t, "actividad_ejes_transversales", p), left_on="id", right_on="actividad")
    return pd.concat([f[["eje", "id", *columnas]], x[["eje", "id", *columnas]]])


def _con_eje(t: dict[str, pd.DataFrame], g: pd.DataFrame, como: str = "inner") -> pd.DataFrame:
    """Rows keyed by eje with the eje's name, tipo, número and programa (key, sigla and display order)."""
    return (g.merge(_cat(t, "ejes", clave="eje", nombre="nombre", tipo="tipo", numero="numero", programa="programa",
                         verificado="verificado"), on="eje", how=como)
            .merge(_cat(t, "programas", clave="programa", sigla="programa_sigla", orden="programa_orden"),
                   on="programa", how=como))


def avance_por_eje(t, p):
    g = _agregar_avance(_por_eje(t, p, actividades_filtradas(t, p), ["avance", "estatus"]), "eje")
    columnas = ["eje", "nombre", "tipo", "programa", "programa_sigla", "verificado", "actividades", "concluidas",
                "avance_promedio"]
    return _ordenar(_con_eje(t, g)[columnas], ["tipo", "programa", "eje"])


def actividades_por_eje_estatus(t, p):
    e = _por_eje(t, p, actividades_filtradas(t, p), ["avance", "estatus", "fecha_fin"])
    g = _con_eje(t, _agregar_avance(e, "eje", (*CUENTAS_ESTATUS, "vencidas"), p["hoy"]))
    columnas = ["eje", "nombre", "tipo", "programa_sigla", "actividades", *CUENTAS_ESTATUS, "vencidas",
                "avance_promedio"]
    return _ordenar(g, ["tipo", "programa_orden", "numero"])[columnas]


def _por_organismo(f: pd.DataFrame, hoy: date, **otras) -> pd.DataFrame:
    return _agregar_avance(f, "organismo", ("concluidas", "vencidas"), hoy, ultimo_reporte=("reportado_en", "max"),
                           **otras)


def avance_por_organismo(t, p):
    r = _por_organismo(actividades_filtradas(t, p), p["hoy"], sigla=("organismo_sigla", "first"),
                       entidad=("entidad_nombre", "first"), region=("region", "first"))
    columnas = ["organismo", "sigla", "entidad", "region", "actividades", "concluidas", "vencidas", "avance_promedio",
                "ultimo_reporte"]
    return _ordenar(r[columnas], ["avance_promedio", "sigla"], [False, True])


def organismos_comparados(t, p):
    # Every organismo the place filters select, with zero activities when none passed the other filters.
    lugar = _organismos_con_lugar(t)
    lugar = lugar[_filtro(lugar, p, (("region", "regiones"), ("entidad", "entidades"), ("organismo", "organismos")))]
    r = lugar.merge(_por_organismo(actividades_filtradas(t, p), p["hoy"]), on="organismo", how="left")
    r = _ceros(r, ["actividades", "concluidas", "vencidas"])
    r = _como(r, ["organismo", "sigla", "entidad", "region", "avance_promedio", "actividades", "concluidas", "vencidas",
                  "ultimo_reporte"], sigla="organismo_sigla", entidad="entidad_nombre")
    return _ordenar(r, ["avance_promedio", "sigla"], [False, True])


def avance_por_region(t, p):
    f = actividades_filtradas(t, p)
    g = _agregar_avance(f, "region", organismos=("organismo", "nunique"))
    r = _cat(t, "regiones", clave="region", nombre="nombre", orden="orden").merge(g, on="region")
    return _ordenar(r, ["orden"])[["region", "nombre", "actividades", "organismos", "concluidas", "avance_promedio"]]


def _nombres_actividad(t: dict[str, pd.DataFrame], f: pd.DataFrame) -> pd.DataFrame:
    return (f.merge(_cat(t, "programas", clave="programa", sigla="programa_sigla"), on="programa")
             .merge(_cat(t, "ejes", clave="eje", nombre="eje_nombre"), on="eje")
             .merge(_cat(t, "estatus", clave="estatus", nombre="estatus_nombre"), on="estatus"))


def actividades_vencidas(t, p):
    f = actividades_filtradas(t, p)
    r = _limitar(_ordenar(_nombres_actividad(t, f[_vencidas(f, p["hoy"])]), ["fecha_fin", "id"]), p)
    r["dias_vencida"] = (pd.Timestamp(p["hoy"]) - r["fecha_fin"]).dt.days
    return _como(r, ["id", "organismo", "programa", "eje", "titulo", "estatus", "avance", "fecha_fin", "dias_vencida",
                     "reportado_en", "es_demo"],
                 organismo="organismo_sigla", programa="programa_sigla", eje="eje_nombre", estatus="estatus_nombre")


def actividades_tabla(t, p):
    f = _ordenar(actividades_filtradas(t, p), ["reportado_en", "id"], [False, True])
    f = _limitar(f, p)  # the newest rows first, as the SQL: names and lists only for the rows returned
    x = _leidas(t, "actividad_ejes_transversales", p)
    x = x[x["actividad"].isin(f["id"])].merge(_cat(t, "ejes", clave="eje", nombre="nombre", numero="numero"), on="eje")
    transversales = (_ordenar(x, ["actividad", "numero"]).groupby("actividad")["nombre"]
                     .agg("; ".join).rename("ejes_transversales"))
    o = _leidas(t, "actividad_ods", p)
    o = _ordenar(o[o["actividad"].isin(f["id"])], ["actividad", "ods"])
    ods = o["ods"].astype(str).groupby(o["actividad"]).agg(", ".join).rename("ods")
    r = (_nombres_actividad(t, f)
         .merge(_cat(t, "regiones", clave="region", nombre="region_nombre"), on="region")
         .merge(transversales, left_on="id", right_index=True, how="left")
         .merge(ods, left_on="id", right_index=True, how="left"))
    r = _ordenar(r, ["reportado_en", "id"], [False, True])
    return _como(r, ["id", "organismo", "entidad", "region", "programa", "eje", "ejes_transversales", "ods", "titulo",
                     "tipo", "estatus", "avance", "fecha_inicio", "fecha_fin", "periodo", "evidencia_url",
                     "reportado_por", "reportado_en", "revision", "es_demo"],
                 organismo="organismo_sigla", entidad="entidad_nombre", region="region_nombre",
                 programa="programa_sigla", eje="eje_nombre", estatus="estatus_nombre")


# ------------------------------------------------------------------------------------------------ commitments


def compromisos_filtrados(t: dict[str, pd.DataFrame], p: dict) -> pd.DataFrame:
    c = _leidas(t, "compromisos", p).merge(_entidades(t), on="entidad")
    filtro = c["entidad"].isin(_entidades_en_lugar(t, p)) & _filtro(c, p, (("ods", "ods"), ("estatus", "estatus")))
    if p["periodos"] is not None:
        # A year matches when it falls inside the plan's years (anio_fin missing: the start year only).
        fin = c["anio_fin"].fillna(c["anio_inicio"])
        filtro &= pd.concat([(c["anio_inicio"] <= anio) & (fin >= anio) for anio in p["periodos"]], axis=1).any(axis=1)
    return c[filtro]


def kpi_compromisos(t, p):
    c = compromisos_filtrados(t, p)
    return pd.DataFrame([{
        "compromisos": len(c),
        "demo_registros": int(c["es_demo"].sum()),
        "alineados_ods": int(c["ods"].notna().sum()),
        "concluidos": int((c["estatus"] == "concluida").sum()),
        "avance_promedio": c["avance"].mean(),
        "entidades": c["entidad"].nunique(),
        "planes": (c["entidad"] + c["plan_accion"]).nunique(),
        "demo": int((c["es_demo"] | c["ods_es_demo"]).sum()),
        "ultima_validacion": _ultima_validacion(c),
    }])


def _agregar_compromisos(c: pd.DataFrame, llave: str | list[str], **otras) -> pd.DataFrame:
    """Per `llave` (NULL a group of its own): commitments, concluded, with a percentage, their average progress."""
    c = c.assign(_concluido=c["estatus"] == "concluida")
    return c.groupby(llave, dropna=False).agg(
        compromisos=("id", "size"), concluidos=("_concluido", "sum"), con_avance=("avance", "count"),
        avance_promedio=("avance", "mean"), **otras).reset_index()


def _compromisos_vencidos(c: pd.DataFrame, hoy: date) -> pd.Series:
    """The plan ended (fecha_fin, else 31 Dec of anio_fin) before `hoy` and the status is still open. 31 Dec of
    anio_fin is before `hoy` exactly when anio_fin is an earlier year; no end at all is not overdue."""
    hoy = pd.Timestamp(hoy)
    termino = (c["fecha_fin"] < hoy).where(c["fecha_fin"].notna(), c["anio_fin"] < hoy.year)
    return termino & c["estatus"].isin(ABIERTOS)


def compromisos_vencidos(t, p):
    return pd.DataFrame([{"vencidos": int(_compromisos_vencidos(compromisos_filtrados(t, p), p["hoy"]).sum())}])


def compromisos_por_area(t, p):
    c = compromisos_filtrados(t, p)
    c = c.assign(area=_texto_o(c["area_politica"], "Sin área registrada"))
    r = _agregar_compromisos(c, "area")[["area", "compromisos", "con_avance", "concluidos", "avance_promedio"]]
    return _ordenar(r, ["compromisos", "area"], [False, True])


def compromisos_por_estatus(t, p):
    g = _agregar_compromisos(compromisos_filtrados(t, p), "estatus")
    r = _todos_los_estatus(t, g, ["compromisos", "con_avance"])
    return r[["estatus", "nombre", "orden", "compromisos", "con_avance", "avance_promedio"]]


def compromisos_por_ods(t, p):
    g = compromisos_filtrados(t, p).groupby("ods", dropna=False).agg(
        compromisos=("id", "size"), alineacion_demo=("ods_es_demo", "sum")).reset_index()
    r = g.merge(_cat(t, "ods", numero="ods", nombre="nombre", color="color"), on="ods", how="left")
    return _ordenar(r, ["ods"])[["ods", "nombre", "color", "compromisos", "alineacion_demo"]]


def compromisos_por_plan(t, p):
    g = _agregar_compromisos(
        compromisos_filtrados(t, p), ["entidad", "plan_accion"], entidad_nombre=("entidad_nombre", "first"),
        region=("region", "first"), plan_numero=("plan_numero", "first"), plan_periodo=("plan_periodo", "first"),
        alineados_ods=("ods", "count"))
    r = g.merge(_cat(t, "regiones", clave="region", nombre="region_nombre", orden="region_orden"), on="region")
    r = _ordenar(r, ["region_orden", "entidad", "plan_numero", "plan_accion"])
    return _como(r, ["entidad", "entidad_nombre", "region", "plan_accion", "plan_numero", "plan_periodo",
                     "compromisos", "concluidos", "con_avance", "avance_promedio", "alineados_ods"],
                 region="region_nombre")


def compromisos_tabla(t, p):
    c = compromisos_filtrados(t, p)
    r = (c.assign(vencido=_compromisos_vencidos(c, p["hoy"]))
          .merge(_cat(t, "regiones", clave="region", nombre="region_nombre", orden="region_orden"), on="region")
          .merge(_cat(t, "estatus", clave="estatus", nombre="estatus_nombre"), on="estatus")
          .merge(_cat(t, "ods", numero="ods", nombre="ods_nombre"), on="ods", how="left"))
    r = _limitar(_ordenar(r, ["region_orden", "entidad", "plan_numero", "id"]), p)
    return _como(r, ["id", "entidad", "region", "plan_accion", "plan_numero", "plan_periodo", "anio_inicio",
                     "anio_fin", "titulo", "problema_publico", "area_politica", "institucion_responsable", "ods",
                     "ods_nombre", "ods_es_demo", "estatus", "estatus_fuente", "avance", "fecha_inicio", "fecha_fin",
                     "vencido", "es_demo", "fuente_url"],
                 entidad="entidad_nombre", region="region_nombre", estatus="estatus_nombre")


# ------------------------------------------------------------------------------------------------ trainings


def capacitaciones_filtradas(t: dict[str, pd.DataFrame], p: dict) -> pd.DataFrame:
    # programa comes from the training's eje (a training with no eje has none and fails a programa filter).
    c = (_leidas(t, "capacitaciones", p).merge(_entidades(t), on="entidad")
         .merge(_cat(t, "ejes", clave="eje", programa="programa"), on="eje", how="left"))
    c["periodo"] = c["fecha_inicio"].dt.year
    return c[_filtro(c, p, (("region", "regiones"), ("entidad", "entidades"), ("organismo", "organismos"),
                            ("programa", "programas"), ("eje", "ejes"), ("periodo", "periodos")))]


def kpi_capacitaciones(t, p):
    c = capacitaciones_filtradas(t, p)
    return pd.DataFrame([{
        "capacitaciones": len(c),
        "participantes": int(c["participantes"].sum()),
        "mujeres": int(c["mujeres"].sum()),
        "hombres": int(c["hombres"].sum()),
        "demo": int(c["es_demo"].sum()),
        "ultima_validacion": _ultima_validacion(c),
    }])


def _agregar_capacitaciones(c: pd.DataFrame, llave: str | list[str], **otras) -> pd.DataFrame:
    """Per `llave` (NULL a group of its own): trainings and participants (missing counts add nothing)."""
    g = c.groupby(llave, dropna=False).agg(capacitaciones=("id", "size"), participantes=("participantes", "sum"),
                                           **otras).reset_index()
    return g.astype({"participantes": "int64"})


def _con_organizador(t: dict[str, pd.DataFrame], c: pd.DataFrame) -> pd.DataFrame:
    """The organiser's sigla when the organiser is an SNT member (NULL otherwise)."""
    return c.merge(_cat(t, "organismos", clave="organismo", sigla="organismo_sigla"), on="organismo", how="left")


def capacitaciones_faltantes(t, p):
    c = capacitaciones_filtradas(t, p)
    participantes, mujeres, hombres = c["participantes"], c["mujeres"], c["hombres"]
    sin_sexo = (participantes.fillna(0) - mujeres.fillna(0) - hombres.fillna(0)).clip(lower=0)
    return pd.DataFrame([{
        "capacitaciones": len(c),
        "sin_fecha": int(c["fecha_inicio"].isna().sum()),
        "sin_participantes": int(participantes.isna().sum()),
        "sin_desglose_sexo": int(((participantes > 0) & (mujeres.isna() | hombres.isna())).sum()),
        "participantes_sin_sexo": int(sin_sexo.sum()),
        "sujetos_obligados": int(c["sujetos_obligados"].sum()),
        "organizadores": c["organismo"].fillna(c["organizador"]).nunique(),
    }])


def capacitaciones_por_eje(t, p):
    g = _con_eje(t, _agregar_capacitaciones(capacitaciones_filtradas(t, p), "eje"), como="left")
    # The trainings with no eje have no programa either: nulls last puts their row last, as `eje is null` does.
    g = _ordenar(g, ["programa_orden", "tipo", "numero"])
    return g[["eje", "programa_sigla", "nombre", "capacitaciones", "participantes"]]


def capacitaciones_por_mes(t, p):
    c = capacitaciones_filtradas(t, p)
    c = c[c["fecha_inicio"].notna()]
    g = _agregar_capacitaciones(c.assign(mes=c["fecha_inicio"].dt.to_period("M").dt.start_time), "mes")
    return _ordenar(g, ["mes"])


def capacitaciones_por_modalidad(t, p):
    g = _agregar_capacitaciones(capacitaciones_filtradas(t, p), "modalidad")
    g = g.assign(_sin_modalidad=g["modalidad"].isna())
    return _ordenar(g, ["_sin_modalidad", "capacitaciones", "modalidad"], [True, False, True]).drop(
        columns="_sin_modalidad")


def capacitaciones_por_organizador(t, p):
    c = _con_organizador(t, capacitaciones_filtradas(t, p))
    c = c.assign(organizador=c["organismo_sigla"].fillna(c["organizador"]), es_integrante=c["organismo"].notna())
    g = _agregar_capacitaciones(c, ["organizador", "organismo", "es_integrante"])
    return _ordenar(g, ["capacitaciones", "participantes", "organizador", "organismo"], [False, False, True, True])


def capacitaciones_por_region(t, p):
    g = _agregar_capacitaciones(capacitaciones_filtradas(t, p), "region")
    r = _cat(t, "regiones", clave="region", nombre="nombre", orden="orden").merge(g, on="region")
    return _ordenar(r, ["orden"])[["region", "nombre", "capacitaciones", "participantes"]]


def capacitaciones_por_tema(t, p):
    c = capacitaciones_filtradas(t, p)
    g = _agregar_capacitaciones(c.assign(tema=_texto_o(c["tema"], "Sin tema registrado")), "tema")
    return _ordenar(g, ["capacitaciones", "tema"], [False, True])


def capacitaciones_por_tipo(t, p):
    g = _agregar_capacitaciones(capacitaciones_filtradas(t, p), "tipo")
    return _ordenar(g, ["capacitaciones", "tipo"], [False, True])


def capacitaciones_tabla(t, p):
    r = (_con_organizador(t, capacitaciones_filtradas(t, p))
         .merge(_cat(t, "regiones", clave="region", nombre="region_nombre"), on="region")
         .merge(_cat(t, "ejes", clave="eje", nombre="eje_nombre"), on="eje", how="left")
         .merge(_cat(t, "programas", clave="programa", sigla="programa_sigla"), on="programa", how="left"))
    r["eje_completo"] = r["programa_sigla"] + " · " + r["eje_nombre"]  # NULL when the training has no eje
    r = _limitar(_ordenar(r, ["fecha_inicio", "id"], [False, True]), p)
    return _como(r, ["id", "titulo", "tipo", "organizador", "organismo", "entidad", "region", "modalidad", "tema",
                     "eje", "fecha_inicio", "fecha_fin", "participantes", "mujeres", "hombres", "sujetos_obligados",
                     "publico", "es_demo", "fuente_url"],
                 organismo="organismo_sigla", entidad="entidad_nombre", region="region_nombre", eje="eje_completo")


# ------------------------------------------------------------------------------------------------ places


def ficha_organismo(t, p):
    o = t["organismos"]
    r = (o[o["clave"] == p["organismo"]].merge(_entidades(t), on="entidad")
         .merge(_cat(t, "regiones", clave="region", nombre="region_nombre"), on="region"))
    return _como(r, ["organismo", "sigla", "nombre", "tipo", "nombres_anteriores", "sitio", "entidad",
                     "entidad_nombre", "region", "region_nombre"], organismo="clave")


def stl_integrantes_por_sector(t, p):
    s = t["stl_integrantes"]
    s = s[s["entidad"].isin(_entidades_en_lugar(t, p))]
    return s.groupby(["sector", "sexo"]).agg(personas=("personas", "sum"), entidades=("entidad", "nunique"),
                                             es_demo=("es_demo", "any")).reset_index()


def _validacion(f: pd.DataFrame, columna: str) -> dict:
    """The named aggregation of the newest validation, where the rows have one (the published versions)."""
    return {columna: ("validada_en", "max")} if "validada_en" in f.columns else {}


def mapa_entidades(t, p):
    a = actividades_filtradas(t, p)
    a = _agregar_avance(a, "entidad", cuentas=(), demo_actividades=("es_demo", "sum"),
                        **_validacion(a, "validacion_actividades"))
    c = compromisos_filtrados(t, p)
    c = c.assign(_demo=c["es_demo"] | c["ods_es_demo"]).groupby("entidad").agg(
        compromisos=("id", "size"), demo_compromisos=("_demo", "sum"),
        **_validacion(c, "validacion_compromisos")).reset_index()
    k = capacitaciones_filtradas(t, p)
    k = _agregar_capacitaciones(k, "entidad", demo_capacitaciones=("es_demo", "sum"),
                                **_validacion(k, "validacion_capacitaciones"))
    e = _cat(t, "entidades", clave="entidad", nombre="nombre", nombre_corto="nombre_corto", region="region")
    e = e[e["entidad"] != "00"]  # the federal level is not on the map
    r = (e.assign(en_filtro=e["entidad"].isin(_entidades_en_lugar(t, p)))
          .merge(_cat(t, "regiones", clave="region", nombre="region_nombre"), on="region")
          .merge(a, on="entidad", how="left").merge(c, on="entidad", how="left").merge(k, on="entidad", how="left"))
    cuentas = ["actividades", "compromisos", "capacitaciones", "participantes", "demo_actividades",
               "demo_compromisos", "demo_capacitaciones"]
    fechas = ["validacion_actividades", "validacion_compromisos", "validacion_capacitaciones"]
    r = r.assign(**{f: None for f in fechas if f not in r.columns})
    columnas = ["entidad", "nombre", "nombre_corto", "region", "region_nombre", "en_filtro", "avance_promedio",
                *cuentas, *fechas]
    return _ordenar(_ceros(r, cuentas), ["entidad"])[columnas]


def _reportes_de(t: dict[str, pd.DataFrame], p: dict, ids: pd.Series) -> pd.DataFrame:
    r = _leidas(t, "reportes_avance", p)
    return r[r["actividad"].isin(ids)]


def avance_en_el_tiempo(t, p):
    f = actividades_filtradas(t, p)
    reportes = _reportes_de(t, p, f.loc[f["organismo"] == p["organismo"], "id"]).sort_values("en")
    cortes = (reportes["en"].dt.to_period("M").dt.to_timestamp("M").dt.normalize().drop_duplicates().sort_values())
    filas = []
    for corte in cortes:
        # Each activity's latest report before the day after the month's end.
        hasta = reportes[reportes["en"] < corte + pd.Timedelta(days=1)]
        ultimos = hasta.groupby("actividad").tail(1)
        vigentes = ultimos[ultimos["estatus"] != "cancelada"]
        filas.append({"corte": corte.date(), "avance_promedio": vigentes["avance"].mean() if len(vigentes) else None,
                      "actividades": len(vigentes)})
    return pd.DataFrame(filas, columns=["corte", "avance_promedio", "actividades"])


def avance_a_fecha(t, p):
    f = actividades_filtradas(t, p)
    reportes = _reportes_de(t, p, f["id"]).sort_values("en")
    entonces = reportes[reportes["en"] < pd.Timestamp(p["fecha"]) + pd.Timedelta(days=1)].groupby("actividad").tail(1)
    entonces = entonces[entonces["estatus"] != "cancelada"]
    hoy = f[f["estatus"] != "cancelada"]
    return pd.DataFrame([{
        "avance_entonces": entonces["avance"].mean() if len(entonces) else None,
        "actividades_entonces": len(entonces),
        "avance_hoy": hoy["avance"].mean() if len(hoy) else None,
        "actividades_hoy": len(hoy),
    }])


def sin_validar(t, p):
    """Records of each kind under the filters, every review state counted, that are not validated: never published,
    and apart those with a published version (an edit under review)."""
    todos = {**p, "solo_validadas": False}
    filtradas = {"actividades": (actividades_filtradas, "actividades_publicadas"),
                 "compromisos": (compromisos_filtrados, "compromisos_publicados"),
                 "capacitaciones": (capacitaciones_filtradas, "capacitaciones_publicadas")}
    fila = {}
    for tipo, (filtrar, publicada) in filtradas.items():
        sin = filtrar(t, todos)
        sin = sin[sin["revision"] != "validada"]
        publicada = sin["id"].isin(t[publicada]["id"])
        fila[tipo], fila[f"{tipo}_en_revision"] = int((~publicada).sum()), int(publicada.sum())
    columnas = ["actividades", "compromisos", "capacitaciones", "actividades_en_revision", "compromisos_en_revision",
                "capacitaciones_en_revision"]
    return pd.DataFrame([fila])[columnas]


EQUIVALENTES: dict[str, Callable[[dict, dict], pd.DataFrame]] = {
    "avance_en_el_tiempo": avance_en_el_tiempo,
    "avance_a_fecha": avance_a_fecha,
    "actividades_por_eje_estatus": actividades_por_eje_estatus,
    "actividades_por_estatus": actividades_por_estatus,
    "actividades_tabla": actividades_tabla,
    "actividades_vencidas": actividades_vencidas,
    "avance_por_eje": avance_por_eje,
    "avance_por_organismo": avance_por_organismo,
    "avance_por_region": avance_por_region,
    "capacitaciones_faltantes": capacitaciones_faltantes,
    "capacitaciones_por_eje": capacitaciones_por_eje,
    "capacitaciones_por_mes": capacitaciones_por_mes,
    "capacitaciones_por_modalidad": capacitaciones_por_modalidad,
    "capacitaciones_por_organizador": capacitaciones_por_organizador,
    "capacitaciones_por_region": capacitaciones_por_region,
    "capacitaciones_por_tema": capacitaciones_por_tema,
    "capacitaciones_por_tipo": capacitaciones_por_tipo,
    "capacitaciones_tabla": capacitaciones_tabla,
    "compromisos_por_area": compromisos_por_area,
    "compromisos_por_estatus": compromisos_por_estatus,
    "compromisos_por_ods": compromisos_por_ods,
    "compromisos_por_plan": compromisos_por_plan,
    "compromisos_tabla": compromisos_tabla,
    "compromisos_vencidos": compromisos_vencidos,
    "ficha_organismo": ficha_organismo,
    "kpi_actividades": kpi_actividades,
    "kpi_capacitaciones": kpi_capacitaciones,
    "kpi_compromisos": kpi_compromisos,
    "mapa_entidades": mapa_entidades,
    "organismos_comparados": organismos_comparados,
    "sin_validar": sin_validar,
    "stl_integrantes_por_sector": stl_integrantes_por_sector,
}
