-- Filtered activities per eje (temático and transversal) split by status, with overdue and average progress.
-- Grain: one row per eje with activities. Parameters: the eight global filters (lists of keys, NULL = all) and
-- $hoy DATE, the cut-off for "overdue" (planned end passed, still programada or en proceso).
with filtradas as (
    select id, eje, estatus, avance, fecha_fin
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus)
),
por_eje as (
    select eje, id, estatus, avance, fecha_fin from filtradas
    union all
    select t.eje, f.id, f.estatus, f.avance, f.fecha_fin
    from filtradas f
    join actividad_ejes_transversales t on t.actividad = f.id
),
final as (
    select
        j.clave as eje,
        j.nombre,
        j.tipo,
        p.sigla as programa_sigla,
        count(*) as actividades,
        count(*) filter (where e.estatus = 'programada') as programadas,
        count(*) filter (where e.estatus = 'en_proceso') as en_proceso,
        count(*) filter (where e.estatus = 'concluida') as concluidas,
        count(*) filter (where e.estatus = 'cancelada') as canceladas,
        count(*) filter (where e.fecha_fin < $hoy and e.estatus in ('programada', 'en_proceso')) as vencidas,
        cast(avg(e.avance) filter (where e.estatus <> 'cancelada') as double) as avance_promedio,
        any_value(p.orden) as programa_orden,
        any_value(j.numero) as numero
    from por_eje e
    join ejes j on j.clave = e.eje
    join programas p on p.clave = j.programa
    group by j.clave, j.nombre, j.tipo, p.sigla
)
select * exclude (programa_orden, numero)
from final
order by tipo, programa_orden, numero
