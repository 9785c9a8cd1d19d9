"""Catalog updates without data loss: bring seed/catalogos/ changes (a renamed organismo, a new eje, a verified
name) into an existing database and say what changed.

DuckDB refuses to update or delete a row that another table references, even in columns no key uses, so the
catalogs cannot be changed in place. The update writes a new database file instead: the current schema, the new
catalogs, and every other row copied from the old file; it replaces the old file only when every table's row count
matches, after a copy of it is kept beside it. A key the new catalog drops but some record still points to is kept
and named in the report, never dropped with its records.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from pizarras.base.esquema import aplicar_pasos, instalar_macros
from pizarras.config import CARPETA_SEED

# Catalog → its key column, in the order their own references allow loading them.
CATALOGOS = {"regiones": "clave", "entidades": "clave", "organismos": "clave", "programas": "clave",
             "ejes": "clave", "ods": "numero", "estatus": "clave"}
_HIJOS_PRIMERO = ["estatus", "ods", "ejes", "organismos", "programas", "entidades", "regiones"]
_NO_SE_COPIAN = {"esquema", "macros_instaladas"}  # rewritten by the new file's own schema steps
_PRIMERAS = ["actividades", "actividad_ejes_transversales", "actividad_ods", "compromisos", "capacitaciones"]


@dataclass
class InformeCatalogos:
    nuevas: dict[str, list] = field(default_factory=dict)
    cambiadas: dict[str, list] = field(default_factory=dict)
    quitadas: dict[str, list] = field(default_factory=dict)
    conservadas: dict[str, dict] = field(default_factory=dict)  # catalog → {key: ["12 filas de actividades", …]}
    respaldo: Path | None = None

    @property
    def hay_cambios(self) -> bool:
        """Something to write; keys kept for their records are reported on every run but change nothing."""
        return any((self.nuevas, self.cambiadas, self.quitadas))

    def lineas(self) -> list[str]:
        lineas = [] if self.hay_cambios else ["Los catálogos de la base ya coinciden con seed/catalogos/: nada que "
                                              "cambiar."]
        for titulo, grupo in (("Nuevas", self.nuevas), ("Cambiadas", self.cambiadas), ("Quitadas", self.quitadas)):
            for tabla, claves in grupo.items():
                lineas.append(f"{titulo} en {tabla}: {', '.join(map(str, claves))}")
        for tabla, claves in self.conservadas.items():
            for clave, usos in claves.items():
                lineas.append(
                    f"Se conserva {tabla} «{clave}», que ya no está en el catálogo, porque la usan {', '.join(usos)}: "
                    "reasigne esos registros antes de quitarla."
                )
        if self.respaldo:
            lineas.append(f"Copia de la base anterior en «{self.respaldo}».")
        return lineas


def _tipos(con: duckdb.DuckDBPyConnection, tabla: str) -> dict[str, str]:
    return {fila[0]: fila[1] for fila in con.execute(f"describe {tabla}").fetchall()}


def _leer_nuevos(con: duckdb.DuckDBPyConnection, carpeta: Path) -> None:
    """The seed's catalogs as temp tables nuevo_<catalog>, typed like the database's own."""
    for tabla in CATALOGOS:
        con.execute(
            f"create or replace temp table nuevo_{tabla} as "
            "select * from read_csv($ruta, header = true, columns = $tipos, nullstr = '')",
            {"ruta": str(carpeta / "catalogos" / f"{tabla}.csv"), "tipos": _tipos(con, f"viejo.{tabla}")},
        )


def _referencias(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(table, column, referenced catalog) of every foreign key into a catalog."""
    filas = con.execute(
        "select table_name, constraint_column_names[1], referenced_table from duckdb_constraints() "
        "where constraint_type = 'FOREIGN KEY' and database_name = 'viejo'"
    ).fetchall()
    return [(t, c, r) for t, c, r in filas if r in CATALOGOS]


def comparar(con: duckdb.DuckDBPyConnection) -> InformeCatalogos:
    """What the new catalogs (nuevo_*) change against the old database (attached as viejo)."""
    informe = InformeCatalogos()
    referencias = _referencias(con)
    for tabla in _HIJOS_PRIMERO:
        clave = CATALOGOS[tabla]
        nuevas = [f[0] for f in con.execute(
            f"select {clave} from nuevo_{tabla} where {clave} not in (select {clave} from viejo.{tabla}) order by 1"
        ).fetchall()]
        cambiadas = [f[0] for f in con.execute(
            f"select {clave} from (select * from nuevo_{tabla} except select * from viejo.{tabla}) "
            f"where {clave} in (select {clave} from viejo.{tabla}) order by 1"
        ).fetchall()]
        quitadas = [f[0] for f in con.execute(
            f"select {clave} from viejo.{tabla} where {clave} not in (select {clave} from nuevo_{tabla}) order by 1"
        ).fetchall()]
        conservadas: dict = {}
        for valor in quitadas:
            usos = []
            for hijo, columna, catalogo in referencias:
                if catalogo != tabla:
                    continue
                # A catalog row pointing here counts only if it stays (new catalog, or kept itself).
                origen = f"nuevo_{hijo}" if hijo in CATALOGOS else f"viejo.{hijo}"
                n = con.execute(f"select count(*) from {origen} where {columna} = $v", {"v": valor}).fetchone()[0]
                if hijo in CATALOGOS:
                    n += len([k for k in informe.conservadas.get(hijo, {}) if _apunta(con, hijo, k, columna, valor)])
                if n:
                    usos.append(f"{n:,} filas de {hijo}")
            if usos:
                conservadas[valor] = usos
        for grupo, valores in (("nuevas", nuevas), ("cambiadas", cambiadas),
                               ("quitadas", [v for v in quitadas if v not in conservadas])):
            if valores:
                getattr(informe, grupo)[tabla] = valores
        if conservadas:
            informe.conservadas[tabla] = conservadas
    return informe


def _apunta(con, tabla: str, clave, columna: str, valor) -> bool:
    fila = con.execute(f"select {columna} from viejo.{tabla} where {CATALOGOS[tabla]} = $k", {"k": clave}).fetchone()
    return bool(fila) and fila[0] == valor


def _en_nuevo_archivo(ruta: Path, temporal: Path, carpeta: Path, informe: InformeCatalogos) -> None:
    con = duckdb.connect(str(temporal))
    try:
        con.execute("attach $ruta as viejo (read_only)", {"ruta": str(ruta)})
        con.execute("begin")
        aplicar_pasos(con, desde=0)
        instalar_macros(con)
        con.execute("delete from esquema")
        con.execute("insert into esquema select * from viejo.esquema")
        _leer_nuevos(con, carpeta)
        for tabla, clave in CATALOGOS.items():
            con.execute(f"insert into {tabla} select * from nuevo_{tabla}")
            conservadas = list(informe.conservadas.get(tabla, {}))
            if conservadas:
                con.execute(f"insert into {tabla} select * from viejo.{tabla} where list_contains($k, {clave})",
                            {"k": conservadas})
        viejas = [f[0] for f in con.execute(
            "select table_name from duckdb_tables() where database_name = 'viejo' order by 1").fetchall()]
        resto = [t for t in viejas if t not in CATALOGOS and t not in _NO_SE_COPIAN]
        for tabla in sorted(resto, key=lambda t: (_PRIMERAS.index(t) if t in _PRIMERAS else len(_PRIMERAS), t)):
            con.execute(f"insert into {tabla} by name select * from viejo.{tabla}")
            nuevas, antes = (con.execute(f"select count(*) from {esquema}.{tabla}").fetchone()[0]
                             for esquema in ("main", "viejo"))
            if nuevas != antes:
                raise RuntimeError(f"{tabla}: {nuevas} filas copiadas de {antes}")
        # The audit ids continue where the old file left them (a new file's sequence starts at 1).
        con.execute("select max(nextval('auditoria_id')) from range((select coalesce(max(id), 0) from auditoria))")
        con.execute("commit")
        con.execute("detach viejo")
        con.execute("checkpoint")
    finally:
        con.close()


def actualizar_catalogos(ruta: Path, carpeta: Path = CARPETA_SEED, aplicar: bool = True) -> InformeCatalogos:
    """Compare the database's catalogs with `carpeta`/catalogos and, if `aplicar`, bring the changes in.

    The database must be at the code's schema version (run the migration first) and no other process may hold it.
    """
    con = duckdb.connect()
    try:
        con.execute("attach $ruta as viejo (read_only)", {"ruta": str(ruta)})
        _leer_nuevos(con, carpeta)
        informe = comparar(con)
    finally:
        con.close()
    if not aplicar or not informe.hay_cambios:
        return informe
    temporal = ruta.with_name(f".{ruta.name}.catalogos-{os.getpid()}")
    try:
        _en_nuevo_archivo(ruta, temporal, carpeta, informe)
        informe.respaldo = ruta.with_name(f"{ruta.stem}.antes-de-catalogos.{datetime.now():%Y%m%d-%H%M%S}{ruta.suffix}")
        shutil.copy2(ruta, informe.respaldo)
        os.replace(temporal, ruta)
    finally:
        for resto in (temporal, temporal.with_name(temporal.name + ".wal")):
            resto.unlink(missing_ok=True)
    return informe
