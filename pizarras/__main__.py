"""Command line: backup and restore, accounts (`usuarios`), schema migration (`migrar`), catalog updates,
spreadsheet uploads (`plantilla`, `importar`) and the static publication (`publicar`).

Spanish verbs with English aliases. The database is $PIZARRAS_DB (default data/pizarras.duckdb), or `--db RUTA`.
Every order except backup/restore first brings an older database to the code's schema. Messages are in Spanish.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import re
import sys
import time
from pathlib import Path

import duckdb

from pizarras import estilo
from pizarras.arranque import abrir_al_dia
from pizarras.base.catalogos import actualizar_catalogos
from pizarras.base.conexion import BaseNoAbre, Motivo
from pizarras.base.esquema import EsquemaIncompatible, comprobar
from pizarras.base.respaldo import ErrorDeRespaldo, respaldar, restaurar
from pizarras.cargas.formatos import FORMATOS
from pizarras.cargas.hojas import ArchivoInvalido
from pizarras.cargas.importar import importar
from pizarras.cargas.plantillas import plantilla
from pizarras.cargas.revision import revisar
from pizarras.config import ruta_db
from pizarras.escritura import cuentas
from pizarras.escritura.auditoria import CambioConcurrente
from pizarras.publicacion.sitio import ErrorDePublicacion, publicar

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
        description="Respaldo, cuentas de usuario, migración y publicación estática de Pizarras de Avance.",
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
    _ordenes_de_usuarios(ordenes)

    migracion = ordenes.add_parser(
        "migrar",
        aliases=["migrate"],
        help="lleva la base a la versión del esquema de este código (con copia previa)",
        description="Aplica los pasos de migración que falten, sobre una copia que solo reemplaza a la base si todos "
        "salen bien; deja junto a la base una copia del archivo original. La aplicación debe estar detenida.",
    )
    migracion.add_argument("--db", type=Path, metavar="RUTA", help="base a migrar (predeterminada: $PIZARRAS_DB)")
    migracion.add_argument("--comprobar", action="store_true", help="solo informa la versión; no cambia nada")

    catalogos = ordenes.add_parser(
        "catalogos",
        aliases=["catalogs"],
        help="aplica a la base los cambios de seed/catalogos/ sin perder registros",
        description="Compara los catálogos de la base con seed/catalogos/ y aplica lo nuevo y lo cambiado. Una clave "
        "que el catálogo quita pero que algún registro usa se conserva y se nombra. Escribe un archivo nuevo y solo "
        "entonces reemplaza la base, con una copia de la anterior al lado. La aplicación debe estar detenida.",
    )
    catalogos.add_argument("--db", type=Path, metavar="RUTA", help="base a actualizar (predeterminada: $PIZARRAS_DB)")
    catalogos.add_argument("--comprobar", action="store_true", help="solo informa qué cambiaría")

    plantilla = ordenes.add_parser(
        "plantilla", aliases=["template"], help="escribe la plantilla XLSX de una carga",
        description="Escribe la plantilla de carga (hoja de datos, instrucciones y listas de catálogo). Con "
        "--organismo, llena la hoja con los registros actuales de ese organismo para editarlas y subirlas.",
    )
    plantilla.add_argument("salida", type=Path, metavar="SALIDA.xlsx")
    plantilla.add_argument("--tipo", required=True, choices=list(FORMATOS), help="qué se carga")
    plantilla.add_argument("--organismo", metavar="CLAVE", help="llenarla con los registros de este organismo")
    plantilla.add_argument("--db", type=Path, metavar="RUTA", help="base (predeterminada: $PIZARRAS_DB)")

    carga = ordenes.add_parser(
        "importar", aliases=["import"], help="valida e importa un archivo XLSX o CSV (como administración)",
        description="Revisa todo el archivo con las mismas reglas que la página «Cargar» y, si no tiene errores, lo "
        "importa en una sola transacción. Sale con 0 solo si el archivo es válido.",
    )
    carga.add_argument("archivo", type=Path, metavar="ARCHIVO")
    carga.add_argument("--tipo", required=True, choices=list(FORMATOS), help="qué contiene")
    carga.add_argument("--simular", "--dry-run", action="store_true", help="solo revisa; no escribe nada")
    carga.add_argument("--validar", action="store_true", help=(
        "las filas quedan validadas y se publican, también las iguales a lo guardado que tenían cambios en "
        "revisión (validadas sin cambios); sin esta opción quedan enviadas a revisión y el público sigue viendo "
        "la versión publicada"))
    carga.add_argument("--json", action="store_true", help="el informe como un objeto JSON")
    carga.add_argument("--db", type=Path, metavar="RUTA", help="base (predeterminada: $PIZARRAS_DB)")

    publicacion = ordenes.add_parser(
        "publicar",
        aliases=["publish"],
        help="escribe un sitio estático con las pizarras y los datos abiertos (solo registros validados)",
        description="Escribe en CARPETA un sitio autocontenido: índice, una página por pizarra principal con gráficas "
        "interactivas (plotly.js copiado del paquete instalado, sin CDN), los datos abiertos y su diccionario. "
        "Cualquier servidor web o CDN puede servirlo sin Streamlit. Reemplaza solo una publicación anterior. Dice "
        "cada paso en la salida de errores y al terminar resume páginas, archivos, tamaño y tiempo.",
    )
    publicacion.add_argument("carpeta", type=Path, metavar="CARPETA", help="carpeta del sitio (nueva, vacía o de una "
                             "publicación anterior)")
    publicacion.add_argument("--db", type=Path, metavar="RUTA", help="base a publicar (predeterminada: $PIZARRAS_DB)")
    return analizador


def _ordenes_de_usuarios(ordenes) -> None:
    usuarios = ordenes.add_parser(
        "usuarios", aliases=["users"], help="cuentas de usuario: agregar, listar, desactivar, restablecer",
        description="Cuentas de usuario, guardadas en la base (nunca en un archivo del repositorio).",
    )
    sub = usuarios.add_subparsers(dest="accion", metavar="ACCIÓN", title="acciones", required=True)
    agregar = sub.add_parser(
        "agregar", aliases=["add"], help="crea una cuenta",
        description="Crea una cuenta. La contraseña se lee de la entrada estándar si no es una terminal; si lo es, "
        f"se pide dos veces sin mostrarla. {cuentas.REGLA_CLAVE}",
    )
    agregar.add_argument("usuario", metavar="USUARIO", help="nombre de usuario (minúsculas, números, . _ -)")
    agregar.add_argument("--rol", required=True, choices=list(cuentas.ROLES), help="admin, enlace o evaluador")
    agregar.add_argument("--organismo", metavar="CLAVE", help="clave del organismo (solo enlaces), p. ej. ITEI")
    agregar.add_argument("--nombre", required=True, help="nombre para mostrar")
    agregar.add_argument("--correo", required=True, help="correo electrónico")
    sub.add_parser("listar", aliases=["list"], help="lista las cuentas (sin contraseñas)")
    desactivar = sub.add_parser("desactivar", aliases=["disable"], help="desactiva una cuenta y cierra sus sesiones")
    desactivar.add_argument("usuario", metavar="USUARIO")
    restablecer = sub.add_parser(
        "restablecer", aliases=["reset-password"], help="pone una contraseña nueva y cierra las sesiones abiertas",
    )
    restablecer.add_argument("usuario", metavar="USUARIO")
    for analizador in (agregar, desactivar, restablecer, sub.choices["listar"]):
        analizador.add_argument("--db", type=Path, metavar="RUTA", help="base (predeterminada: $PIZARRAS_DB)")


def _leer_clave(entrada=None) -> str:
    """The password from standard input when it is not a terminal (scripts, tests), else asked twice, hidden."""
    entrada = entrada or sys.stdin
    if not entrada.isatty():
        return entrada.readline().rstrip("\r\n")
    clave = getpass.getpass("Contraseña: ")
    if getpass.getpass("Repita la contraseña: ") != clave:
        raise cuentas.ErrorDeCuenta("Las dos contraseñas no coinciden.")
    return clave


def _usuarios(args, con: duckdb.DuckDBPyConnection) -> None:
    accion = {"add": "agregar", "list": "listar", "disable": "desactivar", "reset-password": "restablecer"}.get(
        args.accion, args.accion
    )
    quien = f"cli:{getpass.getuser()}"
    if accion == "agregar":
        nuevo = cuentas.agregar(con, args.usuario, _leer_clave(), args.rol, args.nombre, args.correo,
                                args.organismo, quien=quien)
        print(f"Cuenta creada: {nuevo.usuario} ({nuevo.rol_nombre}{', ' + nuevo.organismo if nuevo.organismo else ''}).")
    elif accion == "listar":
        lista = cuentas.listar(con)
        if not lista:
            print("No hay cuentas. Cree la primera con: python -m pizarras usuarios agregar USUARIO --rol admin "
                  "--nombre … --correo …")
        for u in lista:
            estado = "activa" if u.activo else "desactivada"
            print(f"{u.usuario}\t{u.rol}\t{u.organismo or '-'}\t{estado}\t{u.nombre}\t{u.correo}")
    elif accion == "desactivar":
        cuentas.desactivar(con, args.usuario, quien=quien)
        print(f"Cuenta desactivada: {cuentas.normalizar_usuario(args.usuario)}; sus sesiones quedaron cerradas.")
    else:
        cuentas.restablecer_clave(con, args.usuario, _leer_clave(), quien=quien)
        print(f"Contraseña restablecida para {cuentas.normalizar_usuario(args.usuario)}; sus sesiones quedaron "
              "cerradas.")


def _abrir(base: Path) -> duckdb.DuckDBPyConnection:
    # A migration, if any, is reported by the log (on standard error).
    return abrir_al_dia(base)[0]


def _migrar(args, base: Path) -> None:
    if args.comprobar:
        if not base.is_file():
            raise BaseNoAbre(base, Motivo.FALTA)
        con = duckdb.connect(str(base), read_only=True)
        try:
            tiene, espera = comprobar(con)
        finally:
            con.close()
        estado = "al día" if tiene == espera else f"se migraría de la versión {tiene} a la {espera}"
        print(f"Base «{base}»: versión {tiene} del esquema; el código espera la {espera}: {estado}.")
        return
    _abrir(base).close()


def _importar(args, base: Path) -> int:
    """Check a file as an admin and import it unless simulating; the report per row, or as one JSON object. With
    --json every outcome is JSON, a file or database that cannot be read included (same exit codes)."""
    try:
        return _revisar_e_importar(args, base)
    except (ArchivoInvalido, EsquemaIncompatible, CambioConcurrente, BaseNoAbre) as error:
        if not args.json:
            raise
        mensaje = f"{error}{_CONSEJOS.get(error.motivo, '')}" if isinstance(error, BaseNoAbre) else str(error)
    print(json.dumps({"valido": False, "insertadas": 0, "actualizadas": 0, "validadas_sin_cambios": 0,
                      "sin_cambio": 0, "errores": [{"fila": None, "columna": None, "mensaje": mensaje}]},
                     ensure_ascii=False))
    return 1


def _revisar_e_importar(args, base: Path) -> int:
    if not args.archivo.is_file():
        raise ArchivoInvalido(f"No existe el archivo «{args.archivo}».")
    operador = cuentas.Usuario(f"cli:{getpass.getuser()}", "Línea de órdenes", "", "admin", None)
    con = _abrir(base)
    try:
        revision = revisar(con, operador, args.archivo.name, args.archivo.read_bytes(), args.tipo)
        if revision.valida and not args.simular:
            importar(con, operador, revision, validar=args.validar)
    finally:
        con.close()
    resumen = revision.resumen(validar=args.validar)
    if args.json:
        print(json.dumps(resumen, ensure_ascii=False))
    else:
        for aviso in revision.avisos:
            print(f"Aviso: {aviso}")
        for error in revision.errores:
            print(f"Fila {error.fila}, {error.columna}: {error.mensaje}")
        hecho = revision.valida and not args.simular
        validadas = (f"{resumen['validadas_sin_cambios']:,} "
                     f"{'validadas sin cambios (estaban en revisión), ' if hecho else 'se validarían sin cambios, '}"
                     if resumen["validadas_sin_cambios"] else "")
        print(f"{'Archivo válido' if revision.valida else 'Archivo con errores; no se importó nada'}: "
              f"{resumen['insertadas']:,} {'insertadas' if hecho else 'se insertarían'}, "
              f"{resumen['actualizadas']:,} actualizadas, {validadas}{resumen['sin_cambio']:,} sin cambio.")
        if revision.valida and not args.validar and revision.cuenta_en_revision():
            print(f"Aviso: {revision.cuenta_en_revision():,} de las filas sin cambio tienen cambios en revisión; "
                  "con --validar se validan y se publican tal como están.")
    return 0 if revision.valida else 1


# Why a folder cannot be written, in the user's words (the system's own text is English).
_NO_SE_ESCRIBE = {
    errno.EACCES: "no hay permiso para escribir ahí",
    errno.EPERM: "no hay permiso para escribir ahí",
    errno.ENOSPC: "el disco está lleno",
    errno.EDQUOT: "se agotó la cuota de disco",
    errno.EROFS: "el sistema de archivos es de solo lectura",
    errno.ENOTDIR: "una parte de la ruta es un archivo, no una carpeta",
}


def _publicar(args, base: Path) -> int:
    """Publish as a job: one line per step on standard error (with the seconds since the start), the summary on
    standard output."""
    con = _abrir(base)
    print(f"Publicando «{base}» en «{args.carpeta}»…", file=sys.stderr, flush=True)
    inicio = time.perf_counter()

    def avisar(paso: str) -> None:
        print(f"{time.perf_counter() - inicio:6.1f} s  {paso}", file=sys.stderr, flush=True)

    try:
        resultado = publicar(con, args.carpeta, avisar=avisar)
    except KeyboardInterrupt:
        print("Publicación interrumpida: el sitio a medio escribir se descartó.", file=sys.stderr)
        return 130
    except OSError as error:
        motivo = _NO_SE_ESCRIBE.get(error.errno, error.strerror or str(error))
        raise ErrorDePublicacion(
            f"No se pudo escribir el sitio en «{args.carpeta}»: {motivo}. "
            "Elija una carpeta que se pueda escribir, con espacio libre, y vuelva a intentarlo.") from error
    finally:
        con.close()
    print(
        f"Sitio publicado en «{resultado.carpeta}» en {resultado.segundos:.1f} s: "
        f"{estilo.cantidad(len(resultado.paginas), 'página', 'páginas')}, "
        f"{estilo.cantidad(resultado.archivos_datos, 'archivo', 'archivos')} de datos abiertos; "
        f"{estilo.cantidad(resultado.archivos, 'archivo', 'archivos')} en total, {estilo.tamano(resultado.bytes)}.\n"
        f"Ábralo con cualquier servidor web, p. ej.: python -m http.server --directory {resultado.carpeta}"
    )
    return 0


# What to do when the database does not open, by why (the app words it differently).
_CONSEJOS = {
    Motivo.FALTA: " Constrúyala con «make data».",
    Motivo.TOMADA: " Detenga la aplicación (o el otro proceso) y vuelva a intentarlo.",
}


def main(argv: list[str] | None = None) -> int:
    args = _analizador().parse_args(argv)
    base = args.db or ruta_db()
    try:
        if args.orden in ("usuarios", "users"):
            con = _abrir(base)
            try:
                _usuarios(args, con)
            finally:
                con.close()
        elif args.orden in ("migrar", "migrate"):
            _migrar(args, base)
        elif args.orden in ("plantilla", "template"):
            con = _abrir(base)
            try:
                if args.organismo and not cuentas.organismo_existe(con, args.organismo.upper()):
                    raise cuentas.ErrorDeCuenta(f"No existe el organismo «{args.organismo}».")
                args.salida.write_bytes(plantilla(con, args.tipo, args.organismo.upper() if args.organismo else None))
            finally:
                con.close()
            print(f"Plantilla escrita en «{args.salida}».")
        elif args.orden in ("importar", "import"):
            return _importar(args, base)
        elif args.orden in ("catalogos", "catalogs"):
            _abrir(base).close()  # at the code's schema first
            print("\n".join(actualizar_catalogos(base, aplicar=not args.comprobar).lineas()))
        elif args.orden in ("publicar", "publish"):
            return _publicar(args, base)
        elif args.orden in ("backup", "respaldar"):
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
    except (ErrorDeRespaldo, cuentas.ErrorDeCuenta, EsquemaIncompatible, ArchivoInvalido,
            ErrorDePublicacion, CambioConcurrente) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    except BaseNoAbre as error:
        print(f"Error: {error}{_CONSEJOS.get(error.motivo, '')}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
