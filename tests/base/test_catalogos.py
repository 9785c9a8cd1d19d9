"""Catalog changes reach an existing database without losing a record: `python -m pizarras catalogos`."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb

from pizarras.base.catalogos import actualizar_catalogos
from pizarras.config import CARPETA_SEED
from tests.apoyo.cli import correr
from tests.apoyo.comparar import instantanea_de


def semilla_cambiada(destino: Path) -> Path:
    """seed/ with ITEI renamed, a new eje, IDAIP (which has activities) and ICHITAIP (which has none) removed."""
    carpeta = shutil.copytree(CARPETA_SEED, destino)
    organismos = carpeta / "catalogos" / "organismos.csv"
    with organismos.open(encoding="utf-8") as entrada:
        filas = list(csv.DictReader(entrada))
    for fila in filas:
        if fila["clave"] == "ITEI":
            fila["nombre"] = "Instituto de Transparencia, Información Pública y Protección de Datos de Jalisco"
    filas = [f for f in filas if f["clave"] not in ("IDAIP", "ICHITAIP")]
    with organismos.open("w", encoding="utf-8", newline="") as salida:
        escritor = csv.DictWriter(salida, fieldnames=list(filas[0]))
        escritor.writeheader()
        escritor.writerows(filas)
    ejes = carpeta / "catalogos" / "ejes.csv"
    ejes.write_text(ejes.read_text(encoding="utf-8").rstrip("\n") + "\nPROTAI-T99,PROTAI,tematico,99,Eje nuevo,false\n",
                    encoding="utf-8")
    return carpeta


# What people and the seed wrote: a catalog update must carry every row across.
REGISTROS = ("actividades", "actividad_ods", "actividad_ejes_transversales", "compromisos",
                          "capacitaciones", "stl_integrantes", "usuarios", "auditoria", "reportes_avance")


def test_changes_apply_and_a_removed_key_in_use_is_kept_and_named(ruta_con_usuarios, tmp_path):
    db = shutil.copy(ruta_con_usuarios, tmp_path / "pizarras.duckdb")
    antes = instantanea_de(db, REGISTROS)
    carpeta = semilla_cambiada(tmp_path / "seed")

    prueba = actualizar_catalogos(db, carpeta, aplicar=False)
    assert prueba.hay_cambios and instantanea_de(db, REGISTROS) == antes and prueba.respaldo is None

    informe = actualizar_catalogos(db, carpeta)
    assert informe.nuevas == {"ejes": ["PROTAI-T99"]}
    assert informe.cambiadas == {"organismos": ["ITEI"]}
    assert informe.quitadas == {"organismos": ["ICHITAIP"]}
    # IDAIP has activities, a training and an enlace account: kept, and the report says why.
    assert set(informe.conservadas) == {"organismos"} and "IDAIP" in informe.conservadas["organismos"]
    assert any("IDAIP" in linea and "actividades" in linea for linea in informe.lineas())
    assert instantanea_de(db, REGISTROS) == antes  # every record, the accounts and the audit trail
    con = duckdb.connect(str(db), read_only=True)
    try:
        claves = {c for (c,) in con.execute("select clave from organismos").fetchall()}
        assert "IDAIP" in claves and "ICHITAIP" not in claves
        assert con.execute("select nombre from organismos where clave = 'ITEI'").fetchone()[0].endswith("de Jalisco")
        assert con.execute("select count(*) from ejes where clave = 'PROTAI-T99'").fetchone()[0] == 1
    finally:
        con.close()
    assert informe.respaldo.is_file()
    segunda = actualizar_catalogos(db, carpeta)  # nothing to do, but the key kept for its records is still named
    assert not segunda.hay_cambios and segunda.respaldo is None and "IDAIP" in segunda.conservadas["organismos"]


def test_the_command_reports_and_applies(ruta_pequena, tmp_path):
    db = shutil.copy(ruta_pequena, tmp_path / "pizarras.duckdb")
    sin_cambios = correr(db, "catalogs", "--comprobar")
    assert sin_cambios.returncode == 0 and "nada que cambiar" in sin_cambios.stdout
