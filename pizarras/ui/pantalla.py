"""What this session's screen is, as far as the server can tell."""

from __future__ import annotations

import streamlit as st

from pizarras.web.dispositivo import es_telefono


def en_telefono() -> bool:
    """Whether this session's browser is a phone (`st.context.headers`: the request that opened the session)."""
    return es_telefono(st.context.headers.get("User-Agent"))
