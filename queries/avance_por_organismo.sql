-- Average progress, activities, concluded and overdue per organismo, for the filtered activities.
-- Grain: one row per organismo with activities. Parameters: the eight global filters and $hoy DATE.
select
    f.organismo,
    any_value(f.organismo_sigla) as sigla,
    any_value(f.entidad_nombre) as entidad,
    any_value(f.region) as region,
    count(*) as actividades,
    count(*) filter (where f.estatus = 'concluida') as concluidas,
    count(*) filter (where f.fecha_fin < $hoy and f.estatus in ('programada', 'en_proceso')) as vencidas,
    cast(avg(f.avance) filter (where f.estatus <> 'cancelada') as double) as avance_promedio,
    max(f.reportado_en) as ultimo_reporte
from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus) f
group by f.organismo
order by avance_promedio desc nulls last, sigla
