"""The package's layering (.importlinter): layers import only downwards, the read and write sides never import each
other, and nothing outside pizarras.ui imports Streamlit. Checked by import-linter on the code as it is on disk, so a
new module is covered the moment it exists. And the README's map of the code names every folder and module, so it
cannot drift from the tree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]


def test_the_import_contracts_hold():
    salida = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--config", str(RAIZ / ".importlinter"), "--no-cache"],
        cwd=RAIZ, capture_output=True, text=True,
    )
    assert salida.returncode == 0, salida.stdout + salida.stderr
    assert "0 broken" in salida.stdout and "3 kept" in salida.stdout


def _mapa_del_readme() -> str:
    texto = (RAIZ / "README.md").read_text(encoding="utf-8")
    return texto.split("## Dónde está cada cosa", 1)[1].split("\n## ", 1)[0]


def test_the_readme_map_names_every_package_folder_and_top_module():
    mapa = _mapa_del_readme()
    paquete = RAIZ / "pizarras"
    carpetas = sorted(p.parent for p in paquete.rglob("__init__.py") if p.parent != paquete)
    faltan = [str(c.relative_to(paquete)) for c in carpetas if f"{c.name}/" not in mapa]
    faltan += [p.name for p in paquete.glob("*.py") if p.name != "__init__.py" and p.name not in mapa]
    for carpeta in (RAIZ / "tests").iterdir():
        if (carpeta / "__init__.py").exists() and f"{carpeta.name}/" not in mapa:
            faltan.append(f"tests/{carpeta.name}")
    assert not faltan, f"«Dónde está cada cosa» (README.md) no nombra: {faltan}"


def test_every_module_of_a_layer_is_named_in_the_readme_map():
    mapa = _mapa_del_readme()
    faltan = [
        str(p.relative_to(RAIZ)) for p in (RAIZ / "pizarras").rglob("*.py")
        if p.parent != RAIZ / "pizarras" and p.name != "__init__.py" and p.stem not in mapa
    ]
    assert not faltan, f"«Dónde está cada cosa» (README.md) no nombra: {faltan}"
