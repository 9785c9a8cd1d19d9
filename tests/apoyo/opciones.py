"""A small catalogue of filter options (two of each), for the filter tests."""

from __future__ import annotations

from pizarras.lectura.filtros import Opcion

OPCIONES = {
    "region": [Opcion("norte", "Región Norte"), Opcion("centro-occidente", "Región Centro-Occidente")],
    "entidad": [Opcion("10", "Durango", "norte"), Opcion("14", "Jalisco", "centro-occidente")],
    "organismo": [Opcion("IDAIP", "IDAIP — Durango", "10"), Opcion("ITEI", "ITEI — Jalisco", "14")],
    "programa": [Opcion("PROTAI", "PROTAI 2022-2026"), Opcion("PRONADATOS", "PRONADATOS 2022-2026")],
    "eje": [Opcion("PROTAI-T1", "PROTAI · T1", "PROTAI"), Opcion("PRONADATOS-T1", "PRONADATOS · T1", "PRONADATOS")],
    "ods": [Opcion(5, "5. Igualdad de género"), Opcion(16, "16. Paz, justicia e instituciones sólidas")],
    "periodo": [Opcion(2024, "2024"), Opcion(2025, "2025")],
    "estatus": [Opcion("en_proceso", "En proceso"), Opcion("concluida", "Concluida")],
}
