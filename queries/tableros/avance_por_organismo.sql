-- Average progress, activities, concluded and overdue per organismo, for the filtered activities.
-- Grain: one row per organismo with activities. Parameters: the eight global filters and $hoy DATE.
-- Aggregated per organismo key first; names are joined on the ~36 result rows.
with por_organismo as (
    select
        organismo,
        count(*) as actividades,
        count(*) filter (where estatus = 'concluida') as concluidas,
        count(*) filter (where es_vencida(estatus, fecha_fin, $hoy)) as vencidas,
        cast(avg(avance) filter (where cuenta_en_avance(estatus)) as double) as avance_promedio,
        max(reportado_en) as ultimo_reporte
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
    group by organismo
)
select
    p.organismo,
    o.sigla,
    e.nombre_corto as entidad,
    e.region,
    p.actividades,
    p.concluidas,
    p.vencidas,
    p.avance_promedio,
    p.ultimo_reporte
from por_organismo p
join organismos o on o.clave = p.organismo
join entidades e on e.clave = o.entidad
order by p.avance_promedio desc nulls last, o.sigla
