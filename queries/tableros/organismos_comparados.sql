-- Every organismo the place filters select (región, entidad, organismo), side by side, with its filtered activities:
-- average progress, activities, concluded, overdue and last report; zero activities when it reported none.
-- Grain: one row per organismo, best average progress first. Parameters: the eight global filters and $hoy DATE.
with filtradas as (
    select organismo, estatus, avance, fecha_fin, reportado_en
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
),
en_lugar as (
    select o.clave as organismo, o.sigla, e.nombre_corto as entidad, e.region
    from organismos o
    join entidades e on e.clave = o.entidad
    where ($regiones is null or list_contains($regiones, e.region))
      and ($entidades is null or list_contains($entidades, o.entidad))
      and ($organismos is null or list_contains($organismos, o.clave))
),
por_organismo as (
    select
        organismo,
        count(*) as actividades,
        count(*) filter (where estatus = 'concluida') as concluidas,
        count(*) filter (where es_vencida(estatus, fecha_fin, $hoy)) as vencidas,
        cast(avg(avance) filter (where cuenta_en_avance(estatus)) as double) as avance_promedio,
        max(reportado_en) as ultimo_reporte
    from filtradas
    group by organismo
),
final as (
    select
        l.organismo,
        l.sigla,
        l.entidad,
        l.region,
        p.avance_promedio,
        coalesce(p.actividades, 0) as actividades,
        coalesce(p.concluidas, 0) as concluidas,
        coalesce(p.vencidas, 0) as vencidas,
        p.ultimo_reporte
    from en_lugar l
    left join por_organismo p on p.organismo = l.organismo
)
select * from final
order by avance_promedio desc nulls last, sigla
