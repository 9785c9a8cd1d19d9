"""The board queries done the naive pandas way: tables loaded into DataFrames once, then merge, filter, groupby.

Each function takes the loaded tables and the same parameters as the SQL file and returns the same columns in the
same order (tests/test_bench.py checks the results agree on the fixture and on a synthetic database). A query with
no function here is still timed in SQL; the bench reports that its pandas comparison is missing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import duckdb
import pandas as pd

TABLAS = ["actividades", "actividad_ejes_transversales", "actividad_ods", "compromisos", "capacitaciones",
          "organismos", "entidades", "regiones", "programas", "ejes", "estatus"]


def cargar_tablas(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every table the board queries read, as DataFrames (dates as datetime64), and how long loading took."""
    inicio = time.perf_counter()
    tablas = {t: con.sql(f"from {t}").to_arrow_table().to_pandas(date_as_object=False) for t in TABLAS}
    return tablas, {"carga_s": time.perf_counter() - inicio, "filas": {t: len(v) for t, v in tablas.items()}}


def _en(serie: pd.Series, valores: list | None) -> pd.Series:
    return serie.isin(valores)


def actividades_filtradas(t: dict[str, pd.DataFrame], p: dict) -> pd.DataFrame:
    org = t["organismos"][["clave", "sigla", "entidad"]].rename(columns={"clave": "organismo", "sigla": "organismo_sigla"})
    ent = t["entidades"][["clave", "nombre_corto", "region"]].rename(
        columns={"clave": "entidad", "nombre_corto": "entidad_nombre"})
    a = t["actividades"].merge(org, on="organismo").merge(ent, on="entidad")
    filtro = pd.Series(True, index=a.index)
    for columna, parametro in (("region", "regiones"), ("entidad", "entidades"), ("organismo", "organismos"),
                               ("programa", "programas"), ("periodo", "periodos"), ("estatus", "estatus")):
        if p[parametro] is not None:
            filtro &= _en(a[columna], p[parametro])
    if p["ejes"] is not None:
        x = t["actividad_ejes_transversales"]
        filtro &= _en(a["eje"], p["ejes"]) | _en(a["id"], x.loc[_en(x["eje"], p["ejes"]), "actividad"])
    if p["ods"] is not None:
        o = t["actividad_ods"]
        filtro &= _en(a["id"], o.loc[_en(o["ods"], p["ods"]), "actividad"])
    return a[filtro]


def _avance(f: pd.DataFrame) -> float:
    return f.loc[f["estatus"] != "cancelada", "avance"].mean()


def _vencidas(f: pd.DataFrame, hoy: date) -> pd.Series:
    return (f["fecha_fin"] < pd.Timestamp(hoy)) & f["estatus"].isin(["programada", "en_proceso"])


def kpi_actividades(t, p):
    f = actividades_filtradas(t, p)
    return pd.DataFrame([{
        "actividades": len(f),
        "programadas": int((f["estatus"] == "programada").sum()),
        "en_proceso": int((f["estatus"] == "en_proceso").sum()),
        "concluidas": int((f["estatus"] == "concluida").sum()),
        "canceladas": int((f["estatus"] == "cancelada").sum()),
        "avance_promedio": _avance(f),
        "organismos_reportando": f["organismo"].nunique(),
        "vencidas": int(_vencidas(f, p["hoy"]).sum()),
        "demo": int(f["es_demo"].sum()),
        "ultimo_reporte": f["reportado_en"].max(),
    }])


def actividades_por_estatus(t, p):
    cuentas = actividades_filtradas(t, p).groupby("estatus").size().rename("actividades").reset_index()
    s = t["estatus"][["clave", "nombre", "orden"]].rename(columns={"clave": "estatus"})
    r = s.merge(cuentas, on="estatus", how="left").fillna({"actividades": 0})
    r["actividades"] = r["actividades"].astype("int64")
    return r.sort_values("orden").reset_index(drop=True)


def _agregar_avance(g: pd.DataFrame, llave: str) -> pd.DataFrame:
    g = g.assign(_concluida=g["estatus"] == "concluida",
                 _avance=g["avance"].where(g["estatus"] != "cancelada"))
    return g.groupby(llave).agg(actividades=("estatus", "size"), concluidas=("_concluida", "sum"),
                                avance_promedio=("_avance", "mean")).reset_index()


def avance_por_eje(t, p):
    f = actividades_filtradas(t, p)
    x = f[["id", "avance", "estatus"]].merge(t["actividad_ejes_transversales"], left_on="id", right_on="actividad")
    por_eje = pd.concat([f[["eje", "id", "avance", "estatus"]], x[["eje", "id", "avance", "estatus"]]])
    g = _agregar_avance(por_eje, "eje")
    j = t["ejes"][["clave", "nombre", "tipo", "programa", "verificado"]].rename(columns={"clave": "eje"})
    pr = t["programas"][["clave", "sigla"]].rename(columns={"clave": "programa", "sigla": "programa_sigla"})
    r = g.merge(j, on="eje").merge(pr, on="programa")
    columnas = ["eje", "nombre", "tipo", "programa", "programa_sigla", "verificado", "actividades", "concluidas",
                "avance_promedio"]
    return r[columnas].sort_values(["tipo", "programa", "eje"]).reset_index(drop=True)


def avance_por_organismo(t, p):
    f = actividades_filtradas(t, p)
    f = f.assign(_concluida=f["estatus"] == "concluida", _vencida=_vencidas(f, p["hoy"]),
                 _avance=f["avance"].where(f["estatus"] != "cancelada"))
    r = f.groupby("organismo").agg(
        sigla=("organismo_sigla", "first"), entidad=("entidad_nombre", "first"), region=("region", "first"),
        actividades=("id", "size"), concluidas=("_concluida", "sum"), vencidas=("_vencida", "sum"),
        avance_promedio=("_avance", "mean"), ultimo_reporte=("reportado_en", "max"),
    ).reset_index()
    return r.sort_values(["avance_promedio", "sigla"], ascending=[False, True], na_position="last").reset_index(drop=True)


def avance_por_region(t, p):
    f = actividades_filtradas(t, p)
    g = _agregar_avance(f, "region").merge(
        f.groupby("region")["organismo"].nunique().rename("organismos").reset_index(), on="region")
    r = t["regiones"][["clave", "nombre", "orden"]].rename(columns={"clave": "region"}).merge(g, on="region")
    return r.sort_values("orden")[["region", "nombre", "actividades", "organismos", "concluidas",
                                  "avance_promedio"]].reset_index(drop=True)


def actividades_tabla(t, p):
    f = actividades_filtradas(t, p)
    ejes = t["ejes"]
    x = t["actividad_ejes_transversales"]
    x = x[x["actividad"].isin(f["id"])].merge(ejes[["clave", "nombre", "numero"]], left_on="eje", right_on="clave")
    transversales = (x.sort_values(["actividad", "numero"]).groupby("actividad")["nombre"]
                     .agg("; ".join).rename("ejes_transversales").reset_index())
    o = t["actividad_ods"]
    o = o[o["actividad"].isin(f["id"])].sort_values(["actividad", "ods"])
    ods = o.assign(ods=o["ods"].astype(str)).groupby("actividad")["ods"].agg(", ".join).reset_index()
    r = (f.merge(t["regiones"][["clave", "nombre"]].rename(columns={"clave": "region", "nombre": "region_nombre"}),
                 on="region")
          .merge(t["programas"][["clave", "sigla"]].rename(columns={"clave": "programa", "sigla": "programa_sigla"}),
                 on="programa")
          .merge(ejes[["clave", "nombre"]].rename(columns={"clave": "eje", "nombre": "eje_nombre"}), on="eje")
          .merge(t["estatus"][["clave", "nombre"]].rename(columns={"clave": "estatus", "nombre": "estatus_nombre"}),
                 on="estatus")
          .merge(transversales, left_on="id", right_on="actividad", how="left")
          .merge(ods, left_on="id", right_on="actividad", how="left"))
    r = r.sort_values(["reportado_en", "id"], ascending=[False, True])
    return pd.DataFrame({
        "id": r["id"], "organismo": r["organismo_sigla"], "entidad": r["entidad_nombre"], "region": r["region_nombre"],
        "programa": r["programa_sigla"], "eje": r["eje_nombre"], "ejes_transversales": r["ejes_transversales"],
        "ods": r["ods"], "titulo": r["titulo"], "tipo": r["tipo"], "estatus": r["estatus_nombre"],
        "avance": r["avance"], "fecha_inicio": r["fecha_inicio"], "fecha_fin": r["fecha_fin"],
        "periodo": r["periodo"], "evidencia_url": r["evidencia_url"], "reportado_por": r["reportado_por"],
        "reportado_en": r["reportado_en"], "revision": r["revision"], "es_demo": r["es_demo"],
    }).head(p["limite"] if p.get("limite") is not None else len(r)).reset_index(drop=True)


def compromisos_filtrados(t, p):
    c = t["compromisos"].merge(
        t["entidades"][["clave", "nombre_corto", "region"]].rename(columns={"clave": "entidad",
                                                                          "nombre_corto": "entidad_nombre"}),
        on="entidad")
    filtro = pd.Series(True, index=c.index)
    if p["regiones"] is not None:
        filtro &= _en(c["region"], p["regiones"])
    if p["entidades"] is not None:
        filtro &= _en(c["entidad"], p["entidades"])
    if p["organismos"] is not None:
        o = t["organismos"]
        filtro &= _en(c["entidad"], o.loc[_en(o["clave"], p["organismos"]), "entidad"])
    if p["ods"] is not None:
        filtro &= _en(c["ods"], p["ods"])
    if p["periodos"] is not None:
        fin = c["anio_fin"].fillna(c["anio_inicio"])
        en_algun = pd.Series(False, index=c.index)
        for anio in p["periodos"]:
            en_algun |= (c["anio_inicio"] <= anio) & (fin >= anio)
        filtro &= en_algun
    if p["estatus"] is not None:
        filtro &= _en(c["estatus"], p["estatus"])
    return c[filtro]


def kpi_compromisos(t, p):
    c = compromisos_filtrados(t, p)
    return pd.DataFrame([{
        "compromisos": len(c),
        "alineados_ods": int(c["ods"].notna().sum()),
        "concluidos": int((c["estatus"] == "concluida").sum()),
        "avance_promedio": c["avance"].mean(),
        "entidades": c["entidad"].nunique(),
        "planes": (c["entidad"] + c["plan_accion"]).nunique(),
        "demo": int((c["es_demo"] | c["ods_es_demo"]).sum()),
    }])


def kpi_capacitaciones(t, p):
    c = (t["capacitaciones"]
         .merge(t["entidades"][["clave", "region"]].rename(columns={"clave": "entidad"}), on="entidad")
         .merge(t["ejes"][["clave", "programa"]].rename(columns={"clave": "eje"}), on="eje", how="left"))
    filtro = pd.Series(True, index=c.index)
    for columna, parametro in (("region", "regiones"), ("entidad", "entidades"), ("organismo", "organismos"),
                               ("programa", "programas"), ("eje", "ejes")):
        if p[parametro] is not None:
            filtro &= _en(c[columna], p[parametro])
    if p["periodos"] is not None:
        filtro &= _en(c["fecha_inicio"].dt.year, p["periodos"])
    c = c[filtro]
    return pd.DataFrame([{
        "capacitaciones": len(c),
        "participantes": int(c["participantes"].sum()),
        "mujeres": int(c["mujeres"].sum()),
        "hombres": int(c["hombres"].sum()),
        "demo": int(c["es_demo"].sum()),
    }])


EQUIVALENTES: dict[str, Callable[[dict, dict], pd.DataFrame]] = {
    "kpi_actividades": kpi_actividades,
    "actividades_por_estatus": actividades_por_estatus,
    "avance_por_eje": avance_por_eje,
    "avance_por_organismo": avance_por_organismo,
    "avance_por_region": avance_por_region,
    "actividades_tabla": actividades_tabla,
    "kpi_compromisos": kpi_compromisos,
    "kpi_capacitaciones": kpi_capacitaciones,
}
