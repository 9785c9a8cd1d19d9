"""Whether a browser is a phone, from its User-Agent header.

MDN's advice for the one case where the device matters: "Mobi" anywhere in the User-Agent. Phones say it (Android's
"Mobile Safari", iOS's "Mobile/15E148"); tablets and desktops do not, and they get the full boards.
"""

from __future__ import annotations


def es_telefono(user_agent: str | None) -> bool:
    return "Mobi" in (user_agent or "")
