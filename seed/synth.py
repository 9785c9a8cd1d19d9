"""Scaled demo database for benchmarks: N activities over the real catalogs, built in DuckDB SQL.

Every synthetic row copies a row of the seed (seed/datos/) chosen by a hash of its id and the seed value, so the
seed's proportions hold at any size: programas, ejes, estatus, periodos and organismos, transversal ejes and ODS
per activity, and commitments and trainings per activity. Copies keep every rule of the schema (eje of the
activity's programa, transversal ejes of the same programa, avance coherent with estatus); the avance of an activity
in progress or cancelled is drawn again within the seed's ranges. Everything is `es_demo = true`; copies of
sourced records lose their source (they are not that record). Deterministic for a given `--semilla`.

Run: `python -m seed.synth --actividades 1000000 [--db PATH] [--semilla 2026]` (writes atomically, like
`seed.build`). Default path: data/sintetica-<N>.duckdb.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import duckdb

from pizarras.config import CARPETA_SEED, RAIZ
from pizarras.publicacion.presentaciones import cargar_predeterminadas
from seed.build import (
    ORDEN_FISICO,
    TABLAS_DATOS,
    _cargar_csv,
    construir,
    crear_esquema_y_catalogos,
)

SEMILLA = 2026
FUENTE = "Datos de demostración (sintéticos, seed.synth)"
TABLAS_PLANTILLA = TABLAS_DATOS  # the seed's fact tables are the templates the synthetic rows copy


def _cargar_plantillas(con: duckdb.DuckDBPyConnection, carpeta: Path) -> None:
    """The seed's fact rows, as temporary tables plantilla_<tabla> numbered 1..n (column t)."""
    for tabla in TABLAS_PLANTILLA:
        con.execute(f"create temp table plantilla_{tabla} as from {tabla} limit 0")
        _cargar_csv(con, f"plantilla_{tabla}", carpeta / "datos" / f"{tabla}.csv")
    for tabla, clave in (("actividades", "id"), ("compromisos", "id"), ("capacitaciones", "id")):
        con.execute(
            f"create temp table numeradas_{tabla} as "
            f"select row_number() over (order by {clave}) as t, * from plantilla_{tabla}"
        )


def _cuenta(con: duckdb.DuckDBPyConnection, tabla: str) -> int:
    return con.execute(f"select count(*) from {tabla}").fetchone()[0]


def _proporcional(con: duckdb.DuckDBPyConnection, tabla: str, actividades: int) -> int:
    """Rows of `tabla` for `actividades` activities, at the seed's ratio."""
    n, base = con.execute(
        f"select (select count(*) from plantilla_{tabla}), (select count(*) from plantilla_actividades)"
    ).fetchone()
    return round(actividades * n / base)


def llenar_sintetica(con: duckdb.DuckDBPyConnection, actividades: int, semilla: int = SEMILLA,
                     carpeta: Path = CARPETA_SEED) -> dict[str, int]:
    """Schema, catalogs and `actividades` synthetic activities (plus related rows) in an open, empty database."""
    if actividades < 1:
        raise ValueError("El número de actividades debe ser al menos 1.")
    crear_esquema_y_catalogos(con, carpeta)
    _cargar_plantillas(con, carpeta)
    compromisos = _proporcional(con, "compromisos", actividades)
    capacitaciones = _proporcional(con, "capacitaciones", actividades)

    # Activity i copies template 1 + hash(i, seed) mod n; in-progress and cancelled ones get a fresh avance.
    con.execute(
        """
        create temp table mapa as
        select i as id,
               1 + hash(i, $s, 'plantilla') % $plantillas as t,
               hash(i, $s, 'avance') as h
        from range(1, $n + 1) r(i)
        """,
        {"n": actividades, "s": semilla, "plantillas": _cuenta(con, "numeradas_actividades")},
    )
    con.execute(
        """
        insert into actividades (id, organismo, programa, eje, titulo, descripcion, tipo, fecha_inicio, fecha_fin,
                                 estatus, avance, evidencia_url, periodo, reportado_por, reportado_en, revision,
                                 es_demo, fuente)
        select * from (
        select m.id, a.organismo, a.programa, a.eje, a.titulo, a.descripcion, a.tipo, a.fecha_inicio, a.fecha_fin,
               a.estatus,
               case a.estatus when 'en_proceso' then 5 + (m.h % 91)::integer
                              when 'cancelada' then (m.h % 61)::integer
                              else a.avance end,
               a.evidencia_url, a.periodo, a.reportado_por, a.reportado_en, a.revision, true, $fuente
        from mapa m join numeradas_actividades a using (t)
        ) order by {orden}
        """.format(orden=ORDEN_FISICO["actividades"]),
        {"fuente": FUENTE},
    )
    con.execute(
        """
        insert into actividad_ejes_transversales
        select m.id as actividad, x.eje
        from mapa m join numeradas_actividades a using (t)
        join plantilla_actividad_ejes_transversales x on x.actividad = a.id
        order by {orden}
        """.format(orden=ORDEN_FISICO["actividad_ejes_transversales"])
    )
    con.execute(
        """
        insert into actividad_ods
        select m.id as actividad, x.ods
        from mapa m join numeradas_actividades a using (t)
        join plantilla_actividad_ods x on x.actividad = a.id
        order by {orden}
        """.format(orden=ORDEN_FISICO["actividad_ods"])
    )
    con.execute(
        """
        insert into compromisos (id, entidad, plan_accion, plan_numero, plan_periodo, anio_inicio, anio_fin, titulo,
                                 problema_publico, area_politica, institucion_responsable, ods, ods_es_demo,
                                 estatus, estatus_fuente, avance, fecha_inicio, fecha_fin, es_demo, fuente_url,
                                 revision)
        select j, c.entidad, c.plan_accion, c.plan_numero, c.plan_periodo, c.anio_inicio, c.anio_fin, c.titulo,
               c.problema_publico, c.area_politica, c.institucion_responsable, c.ods, c.ods is not null, c.estatus,
               null, c.avance, c.fecha_inicio, c.fecha_fin, true, null, m.revision
        from (select j, 1 + hash(j, $s, 'compromiso') % $plantillas as t,
                     -- one in ten awaits review, as self-reported rows would
                     case when hash(j, $s, 'revision') % 10 = 0 then 'enviada' else 'validada' end as revision
              from range(1, $m + 1) r(j)) m
        join numeradas_compromisos c using (t)
        order by j
        """,
        {"m": compromisos, "s": semilla, "plantillas": _cuenta(con, "numeradas_compromisos")},
    )
    con.execute(
        """
        insert into capacitaciones (id, titulo, tipo, organismo, organizador, entidad, modalidad, tema, eje,
                                    fecha_inicio, fecha_fin, participantes, mujeres, hombres, sujetos_obligados,
                                    publico, es_demo, fuente_url, revision)
        select k, c.titulo, c.tipo, c.organismo, c.organizador, c.entidad, c.modalidad, c.tema, c.eje,
               c.fecha_inicio, c.fecha_fin, c.participantes, c.mujeres, c.hombres, c.sujetos_obligados, c.publico,
               true, null, m.revision
        from (select k, 1 + hash(k, $s, 'capacitacion') % $plantillas as t,
                     case when hash(k, $s, 'revision') % 10 = 0 then 'enviada' else 'validada' end as revision
              from range(1, $k + 1) r(k)) m
        join numeradas_capacitaciones c using (t)
        order by k
        """,
        {"k": capacitaciones, "s": semilla, "plantillas": _cuenta(con, "numeradas_capacitaciones")},
    )
    # Commission membership has one row per entidad, sector and sexo: it does not grow with the activities.
    con.execute(
        "insert into stl_integrantes select entidad, sector, sexo, personas, true, fuente from plantilla_stl_integrantes"
    )
    cargar_predeterminadas(con, carpeta / "presentaciones.json")  # the presentation bench shows a default deck
    for temporal in ["mapa"] + [f"numeradas_{t}" for t in ("actividades", "compromisos", "capacitaciones")] + [
        f"plantilla_{t}" for t in TABLAS_PLANTILLA
    ]:
        con.execute(f"drop table {temporal}")
    return {
        tabla: con.execute(f"select count(*) from {tabla}").fetchone()[0]
        for tabla in ["actividades", "actividad_ejes_transversales", "actividad_ods", "compromisos",
                      "capacitaciones", "stl_integrantes"]
    }


def ruta_predeterminada(actividades: int) -> Path:
    return RAIZ / "data" / f"sintetica-{actividades}.duckdb"


def construir_sintetica(destino: Path, actividades: int, semilla: int = SEMILLA) -> dict[str, int]:
    """Build the synthetic database at `destino`, atomically; return the row count of every fact table."""
    cuentas: dict[str, int] = {}

    def llenar(con: duckdb.DuckDBPyConnection) -> None:
        cuentas.update(llenar_sintetica(con, actividades, semilla))

    construir(destino, llenar=llenar)
    return cuentas


def _entero_positivo(texto: str) -> int:
    try:
        valor = int(texto.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{texto}» no es un número entero") from None
    if valor < 1:
        raise argparse.ArgumentTypeError("debe ser al menos 1")
    return valor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construye una base sintética de N actividades para medir rendimiento.")
    parser.add_argument("--actividades", type=_entero_positivo, required=True, help="número de actividades")
    parser.add_argument("--db", type=Path, default=None, help="ruta del archivo (predeterminada: data/sintetica-N.duckdb)")
    parser.add_argument("--semilla", type=int, default=SEMILLA, help=f"valor de la semilla (predeterminado: {SEMILLA})")
    args = parser.parse_args(argv)
    destino = args.db or ruta_predeterminada(args.actividades)
    inicio = time.perf_counter()
    cuentas = construir_sintetica(destino, args.actividades, args.semilla)
    resumen = ", ".join(f"{t} {n:,}" for t, n in cuentas.items())
    print(f"Base sintética construida en {time.perf_counter() - inicio:.1f} s: {destino} ({resumen})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
