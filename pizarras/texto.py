"""Text helpers every layer shares: comparing what people type with catalog names, and showing their text as text."""

from __future__ import annotations

import unicodedata


def escapar_markdown(texto: str) -> str:
    """URL text shown in a Streamlit message: no link, emphasis or HTML can come from a shared link."""
    return "".join("\\" + c if c in "\\`*_{}[]()<>#+-.!|~$:" else c for c in texto)


def normalizar(texto: str) -> str:
    """Lower case, no accents, single spaces: how URL values are compared with names."""
    sin_acentos = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode("ascii")
    return " ".join(sin_acentos.lower().replace("_", " ").replace("-", " ").split())
