"""`python -m pizarras usuarios|users …` and `migrar|migrate` as a person runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.apoyo.base_v1 import construir_v1
from tests.apoyo.cli import correr

RAIZ = Path(__file__).resolve().parents[2]


def test_users_list_works_on_a_freshly_built_database(ruta_seed, tmp_path):
    db = shutil.copy(ruta_seed, tmp_path / "nueva.duckdb")
    resultado = correr(db, "users", "list")
    assert resultado.returncode == 0, resultado.stderr
    assert "No hay cuentas" in resultado.stdout


def test_add_list_disable_and_reset_with_the_password_on_standard_input(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    alta = correr(db, "usuarios", "agregar", "enlace.itei", "--rol", "enlace", "--organismo", "itei",
                  "--nombre", "Enlace ITEI", "--correo", "enlace@itei.org.mx", entrada="una-clave-segura-1\n")
    assert alta.returncode == 0, alta.stderr
    assert correr(db, "users", "add", "admin", "--rol", "admin", "--nombre", "Admin", "--correo", "a@snt.mx",
                  entrada="otra-clave-segura-2\n").returncode == 0
    lista = correr(db, "users", "list")
    assert lista.returncode == 0 and "enlace.itei\tenlace\tITEI\tactiva" in lista.stdout
    con = duckdb.connect(str(db), read_only=True)
    hashes = [h for (h,) in con.execute("select clave_hash from usuarios").fetchall()]
    con.close()
    assert all(h.startswith("$2") and h not in lista.stdout + lista.stderr for h in hashes)
    assert "$2" not in lista.stdout

    assert correr(db, "users", "disable", "enlace.itei").returncode == 0
    assert "desactivada" in correr(db, "usuarios", "listar").stdout
    assert correr(db, "users", "reset-password", "admin", entrada="clave-nueva-2026\n").returncode == 0


def test_refusals_say_what_to_fix(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "cli.duckdb")
    debil = correr(db, "users", "add", "nuevo", "--rol", "evaluador", "--nombre", "N", "--correo", "n@snt.mx",
                   entrada="corta1\n")
    assert debil.returncode == 1 and "al menos 12 caracteres" in debil.stderr
    sin_organismo = correr(db, "users", "add", "nuevo", "--rol", "enlace", "--nombre", "N", "--correo", "n@snt.mx",
                           entrada="una-clave-segura-1\n")
    assert sin_organismo.returncode == 1 and "--organismo" in sin_organismo.stderr
    rol = correr(db, "users", "add", "nuevo", "--rol", "jefe", "--nombre", "N", "--correo", "n@snt.mx")
    assert rol.returncode == 2 and "opción no válida" in rol.stderr
    falta = correr(tmp_path / "no-existe.duckdb", "users", "list")
    assert falta.returncode == 1 and "make data" in falta.stderr


def test_migrate_checks_then_migrates_an_old_database(tmp_path):
    db = construir_v1(tmp_path / "vieja.duckdb")
    comprobacion = correr(db, "migrate", "--comprobar")
    assert comprobacion.returncode == 0 and "se migraría de la versión 1" in comprobacion.stdout
    migracion = correr(db, "migrar")
    assert migracion.returncode == 0 and "Base migrada de la versión 1" in migracion.stderr
    assert "al día" in correr(db, "migrar", "--comprobar").stdout
    assert any(".v1-a-v" in p.name for p in tmp_path.iterdir())
