-- Filtered activities per eje (temático and transversal) split by status, with overdue and average progress.
-- Grain: one row per eje with activities. Parameters: the eight global filters (lists of keys, NULL = all) and
-- $hoy DATE, the cut-off for "overdue" (planned end passed, still programada or en proceso).
-- Speed (1M activities): rows are counted per eje × estatus × overdue first, so names and the split by
-- status are worked out on a few hundred rows, not on the ~1.8M activity-eje pairs. For the transversal ejes, each
-- activity's state is a narrow, materialized set (integer estatus order, no strings): the join with the 0.8M
-- transversal rows then builds its hash table on it (DuckDB otherwise built on the transversal rows, ~3x slower).
-- avance_promedio is sum / count: avg() itself (avance is NOT NULL).
with estado as materialized (
    select f.id, s.orden, f.avance, es_vencida(f.estatus, f.fecha_fin, $hoy) as vencida
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas) f
    join estatus s on s.clave = f.estatus
),
conteos as (
    select s.orden, x.eje, x.vencida, x.n, x.suma
    from (
        select eje, estatus, es_vencida(estatus, fecha_fin, $hoy) as vencida, count(*) as n, sum(avance) as suma
        from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
        group by all
    ) x
    join estatus s on s.clave = x.estatus
    union all
    select e.orden, t.eje, e.vencida, count(*), sum(e.avance)
    from transversales_leidas($solo_validadas) t
    join estado e on e.id = t.actividad
    group by all
),
final as (
    select
        j.clave as eje,
        j.nombre,
        j.tipo,
        p.sigla as programa_sigla,
        cast(sum(c.n) as bigint) as actividades,
        cast(coalesce(sum(c.n) filter (where s.clave = 'programada'), 0) as bigint) as programadas,
        cast(coalesce(sum(c.n) filter (where s.clave = 'en_proceso'), 0) as bigint) as en_proceso,
        cast(coalesce(sum(c.n) filter (where s.clave = 'concluida'), 0) as bigint) as concluidas,
        cast(coalesce(sum(c.n) filter (where s.clave = 'cancelada'), 0) as bigint) as canceladas,
        cast(coalesce(sum(c.n) filter (where c.vencida), 0) as bigint) as vencidas,
        sum(c.suma) filter (where cuenta_en_avance(s.clave)) / sum(c.n) filter (where cuenta_en_avance(s.clave))
            as avance_promedio,
        any_value(p.orden) as programa_orden,
        any_value(j.numero) as numero
    from conteos c
    join estatus s on s.orden = c.orden
    join ejes j on j.clave = c.eje
    join programas p on p.clave = j.programa
    group by j.clave, j.nombre, j.tipo, p.sigla
)
select * exclude (programa_orden, numero)
from final
order by tipo, programa_orden, numero
