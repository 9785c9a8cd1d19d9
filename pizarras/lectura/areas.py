"""Policy areas of the gobierno abierto commitments: a small catalog, and the free text of the sources mapped to it.

The sources name a commitment's area in their own words ("Género", "Género / desarrollo social", "Género /
justicia"), so counting the texts split one topic into many and a chart of the top twelve covered 49 of 140
commitments. The catalog follows the Open Government Partnership's policy areas, adapted to local plans; the first
topic a source names decides the area (they list the main one first). The source's text is kept beside it in every
table and export. Rejected: editing the source texts in the seed — they are quoted from published plans.
"""

from __future__ import annotations

import pandas as pd

from pizarras.texto import normalizar

SIN_AREA = "Sin área registrada"
OTRA = "Otras áreas"

# (area, words that place a source's first topic in it), checked in this order.
CATALOGO: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Anticorrupción y contraloría social", ("anticorrupcion", "contraloria", "contrataciones")),
    ("Transparencia, datos abiertos y archivos", ("transparencia", "datos abiertos", "archivos",
                                                  "apertura gubernamental", "gobierno abierto", "gestion publica")),
    ("Participación ciudadana y espacio cívico", ("participacion", "parlamento", "espacio civico")),
    ("Justicia, seguridad y derechos humanos", ("justicia", "seguridad", "derechos humanos")),
    ("Finanzas y gasto público", ("finanzas", "gasto", "hacienda", "presupuesto", "deuda")),
    ("Obra pública, vivienda y desarrollo urbano", ("obra publica", "infraestructura", "desarrollo urbano",
                                                    "planeacion urbana", "vivienda", "movilidad")),
    ("Servicios públicos y trámites", ("servicios publicos", "tramites", "proteccion civil")),
    ("Educación", ("educacion", "educativo")),
    ("Salud", ("salud",)),
    ("Medio ambiente y agua", ("medio ambiente", "agua", "residuos", "energia", "consumo responsable")),
    ("Igualdad de género", ("genero",)),
    ("Desarrollo social e inclusión", ("desarrollo social", "comunidades", "inclusion", "alimentacion", "pobreza",
                                       "patrimonio", "cultura")),
    ("Desarrollo económico y empleo", ("desarrollo economico", "empleo", "trabajo", "desarrollo rural", "pesca")),
)
AREAS = tuple(a for a, _ in CATALOGO) + (OTRA, SIN_AREA)


def area_de(texto: object) -> str:
    """The catalog area of a source's text ('Género / desarrollo social' → 'Igualdad de género')."""
    if not isinstance(texto, str) or not texto.strip() or texto.strip() == SIN_AREA:
        return SIN_AREA
    primero = normalizar(texto.split("/")[0])
    for area, palabras in CATALOGO:
        if any(p in primero for p in palabras):
            return area
    completo = normalizar(texto)  # the first topic names nothing known: try the rest
    for area, palabras in CATALOGO:
        if any(p in completo for p in palabras):
            return area
    return OTRA


def por_area_del_catalogo(por_area: pd.DataFrame) -> pd.DataFrame:
    """`compromisos_por_area` (one row per source text) regrouped by catalog area, most commitments first: the
    average weighs each text by its commitments with a percentage; `textos_fuente` lists the source's words."""
    if por_area.empty:
        return pd.DataFrame(columns=["area", "compromisos", "concluidos", "avance_promedio", "textos_fuente"])
    datos = por_area.assign(
        area_catalogo=[area_de(t) for t in por_area["area"]],
        _suma=por_area["avance_promedio"].fillna(0) * por_area["con_avance"],
    )
    grupos = datos.groupby("area_catalogo", sort=False)
    salida = pd.DataFrame(
        {
            "compromisos": grupos["compromisos"].sum(),
            "concluidos": grupos["concluidos"].sum(),
            "con_avance": grupos["con_avance"].sum(),
            "_suma": grupos["_suma"].sum(),
            "textos_fuente": grupos["area"].agg(lambda t: "; ".join(sorted(set(t)))),
        }
    )
    salida["avance_promedio"] = (salida["_suma"] / salida["con_avance"]).where(salida["con_avance"] > 0)
    salida = salida.rename_axis("area").reset_index()
    salida["_orden"] = salida["area"].map({a: i for i, a in enumerate(AREAS)})
    salida = salida.sort_values(["compromisos", "_orden"], ascending=[False, True])
    return salida[["area", "compromisos", "concluidos", "avance_promedio", "textos_fuente"]].reset_index(drop=True)
