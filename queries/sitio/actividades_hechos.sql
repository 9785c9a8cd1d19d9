-- The published activities grouped at the grain of the static site's filters and charts: what the site's browser
-- code filters and sums to give every board's figures for any combination of filters.
-- Grain: one row per organismo × programa × eje × periodo × estatus × set of ODS × set of transversal ejes.
-- Parameters: the eight global filters (the site passes NULL: all), $solo_validadas (true: the public's records) and
-- $hoy DATE for "overdue". Read through actividades_filtradas like every board, so the site counts what the app counts.
-- n, suma (of avance) and vencidas add up across groups; ultimo_reporte and ultima_validacion are maxima.
with filtradas as (
    select id, organismo, programa, eje, periodo, estatus, avance, fecha_fin, es_demo, reportado_en, validada_en
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
),
ods as (
    select actividad, list(distinct ods order by ods) as ods
    from ods_leidas($solo_validadas)
    group by actividad
),
transversales as (
    select actividad, list(eje order by eje) as transversales
    from transversales_leidas($solo_validadas)
    group by actividad
)
select
    f.organismo,
    f.programa,
    f.eje,
    f.periodo,
    f.estatus,
    coalesce(o.ods, []) as ods,
    coalesce(t.transversales, []) as transversales,
    count(*) as n,
    cast(sum(f.avance) as bigint) as suma,
    count(*) filter (where es_vencida(f.estatus, f.fecha_fin, $hoy)) as vencidas,
    count(*) filter (where f.es_demo) as demo,
    max(f.reportado_en) as ultimo_reporte,
    max(f.validada_en) as ultima_validacion
from filtradas f
left join ods o on o.actividad = f.id
left join transversales t on t.actividad = f.id
group by all
order by all
