-- Headline figures of the filtered activities: counts by status, average progress, organismos reporting, overdue.
-- Grain: one row. Parameters: the eight global filters (lists of keys, NULL = all) and $hoy DATE for "overdue".
select
    count(*)                                                    as actividades,
    count(*) filter (where estatus = 'programada')              as programadas,
    count(*) filter (where estatus = 'en_proceso')              as en_proceso,
    count(*) filter (where estatus = 'concluida')               as concluidas,
    count(*) filter (where estatus = 'cancelada')               as canceladas,
    cast(avg(avance) filter (where estatus <> 'cancelada') as double) as avance_promedio,
    count(distinct organismo)                                   as organismos_reportando,
    count(*) filter (where fecha_fin < $hoy and estatus in ('programada', 'en_proceso')) as vencidas,
    count(*) filter (where es_demo)                             as demo,
    max(reportado_en)                                           as ultimo_reporte
from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus)
