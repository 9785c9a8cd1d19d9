-- Headline figures of the filtered activities: counts by status, average progress, organismos reporting, overdue.
-- Grain: one row. Parameters: the eight global filters (lists of keys, NULL = all) and $hoy DATE for "overdue".
-- The activities are first counted per estatus × organismo (a few hundred rows), so the split by status and the
-- distinct organismos are worked out there, not on every activity.
-- avance_promedio is sum / count: avg() itself (avance is NOT NULL). ultima_validacion is the newest validation
-- among them ("Datos validados al …"): NULL in the internal view, whose working versions carry no validation date.
with por_estatus as (
    select
        estatus,
        organismo,
        count(*) as n,
        count(*) filter (where es_vencida(estatus, fecha_fin, $hoy)) as vencidas,
        sum(avance) as suma,
        count(*) filter (where es_demo) as demo,
        max(reportado_en) as ultimo_reporte,
        max(validada_en) as ultima_validacion
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
    group by estatus, organismo
)
select
    cast(coalesce(sum(n), 0) as bigint)                                                   as actividades,
    cast(coalesce(sum(n) filter (where estatus = 'programada'), 0) as bigint)             as programadas,
    cast(coalesce(sum(n) filter (where estatus = 'en_proceso'), 0) as bigint)             as en_proceso,
    cast(coalesce(sum(n) filter (where estatus = 'concluida'), 0) as bigint)              as concluidas,
    cast(coalesce(sum(n) filter (where estatus = 'cancelada'), 0) as bigint)              as canceladas,
    sum(suma) filter (where cuenta_en_avance(estatus)) / sum(n) filter (where cuenta_en_avance(estatus)) as avance_promedio,
    count(distinct organismo)                                                             as organismos_reportando,
    cast(coalesce(sum(vencidas), 0) as bigint)                                            as vencidas,
    cast(coalesce(sum(demo), 0) as bigint)                                                as demo,
    max(ultimo_reporte)                                                                   as ultimo_reporte,
    max(ultima_validacion)                                                                as ultima_validacion
from por_estatus
