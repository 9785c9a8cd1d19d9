-- Each published activity's filter keys, to join with its table row (tableros/actividades_tabla) in the site's
-- row files: the browser filters the rows by key, and shows the names the app shows.
-- Grain: one row per activity. Parameters: the eight global filters (the site passes NULL), $solo_validadas.
with ods as (
    select actividad, list(distinct ods order by ods) as ods_claves
    from ods_leidas($solo_validadas)
    group by actividad
),
transversales as (
    select actividad, list(eje order by eje) as transversales_claves
    from transversales_leidas($solo_validadas)
    group by actividad
)
select
    f.id,
    f.organismo as organismo_clave,
    f.programa as programa_clave,
    f.eje as eje_clave,
    f.estatus as estatus_clave,
    coalesce(o.ods_claves, []) as ods_claves,
    coalesce(t.transversales_claves, []) as transversales_claves
from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas) f
left join ods o on o.actividad = f.id
left join transversales t on t.actividad = f.id
