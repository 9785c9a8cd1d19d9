"""Command line: `python -m pizarras backup CARPETA` and `python -m pizarras restore CARPETA [--forzar]`.

The database is $PIZARRAS_DB (default data/pizarras.duckdb), or `--db RUTA`. Messages are in Spanish.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pizarras.config import ruta_db
from pizarras.respaldo import ErrorDeRespaldo, respaldar, restaurar

# argparse writes its own messages in English; these are the ones a user can trigger here.
_TRADUCCIONES = [
    (r"the following arguments are required: (.*)", r"faltan argumentos obligatorios: \1"),
    (r"unrecognized arguments: (.*)", r"argumentos no reconocidos: \1"),
    (
        r"argument (.*): invalid choice: (.*) \(choose from (.*)\)",
        r"argumento \1: opción no válida: \2 (elija entre \3)",
    ),
    (r"argument (.*): expected one argument", r"argumento \1: falta su valor"),
]


class _Formato(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class _Analizador(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, formatter_class=_Formato, add_help=False, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        self.add_argument("-h", "--help", action="help", help="muestra esta ayuda y termina")

    def error(self, message: str):
        for patron, reemplazo in _TRADUCCIONES:
            message = re.sub(patron, reemplazo, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _analizador() -> argparse.ArgumentParser:
    analizador = _Analizador(
        prog="python -m pizarras",
        description="Respaldo y restauración de la base de datos de Pizarras de Avance.",
        epilog="La base es $PIZARRAS_DB (predeterminada: data/pizarras.duckdb), o la que indique --db.",
    )
    ordenes = analizador.add_subparsers(dest="orden", metavar="ORDEN", title="órdenes", required=True)

    respaldo = ordenes.add_parser(
        "backup",
        aliases=["respaldar"],
        help="exporta toda la base a una carpeta nueva (Parquet + esquema + manifiesto)",
        description="Exporta todas las tablas y macros a CARPETA, que no debe existir o debe estar vacía. "
        "La aplicación debe estar detenida: DuckDB no deja abrir la base mientras otro proceso la usa.",
    )
    respaldo.add_argument("carpeta", type=Path, metavar="CARPETA", help="carpeta donde se escribe el respaldo")
    respaldo.add_argument("--db", type=Path, metavar="RUTA", help="base a respaldar (predeterminada: $PIZARRAS_DB)")

    restauracion = ordenes.add_parser(
        "restore",
        aliases=["restaurar"],
        help="reconstruye la base desde una carpeta de respaldo",
        description="Importa el respaldo en un archivo temporal, lo verifica contra su manifiesto y solo entonces "
        "lo pone en lugar de la base. Si el respaldo falta o está dañado, la base actual no se toca.",
    )
    restauracion.add_argument("carpeta", type=Path, metavar="CARPETA", help="carpeta creada por «backup»")
    restauracion.add_argument("--db", type=Path, metavar="RUTA", help="base a escribir (predeterminada: $PIZARRAS_DB)")
    restauracion.add_argument(
        "--forzar", action="store_true", help="reemplaza la base si ya existe (sin esta opción, se niega)"
    )
    return analizador


def main(argv: list[str] | None = None) -> int:
    args = _analizador().parse_args(argv)
    base = args.db or ruta_db()
    try:
        if args.orden in ("backup", "respaldar"):
            resumen = respaldar(base, args.carpeta)
            print(
                f"Respaldo creado en «{resumen.carpeta}»: {len(resumen.filas)} tablas, {resumen.total_filas} filas "
                f"(base «{resumen.base}»)."
            )
        else:
            resumen = restaurar(args.carpeta, base, forzar=args.forzar)
            print(
                f"Base restaurada en «{resumen.base}» desde «{resumen.carpeta}»: {len(resumen.filas)} tablas, "
                f"{resumen.total_filas} filas verificadas."
            )
    except ErrorDeRespaldo as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
