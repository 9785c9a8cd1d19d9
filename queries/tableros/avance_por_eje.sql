-- Average progress and number of filtered activities per eje: temático (the activity's eje) and transversal.
-- Grain: one row per eje with activities. Parameters: the eight global filters (lists of keys, NULL = all).
-- Speed (1M activities): rows are counted per eje × estatus first, so names and the split by status are worked
-- out on a few hundred rows, not on the ~1.8M activity-eje pairs. For the transversal ejes, each activity's state
-- is a narrow, materialized set (integer estatus order, no strings): the join with the 0.8M transversal rows then
-- builds its hash table on it (DuckDB otherwise built on the transversal rows, ~3x slower).
-- avance_promedio is sum / count: avg() itself (avance is NOT NULL).
with estado as materialized (
    select f.id, s.orden, f.avance
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas) f
    join estatus s on s.clave = f.estatus
),
conteos as (
    select s.orden, x.eje, x.n, x.suma
    from (
        select eje, estatus, count(*) as n, sum(avance) as suma
        from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
        group by all
    ) x
    join estatus s on s.clave = x.estatus
    union all
    select e.orden, t.eje, count(*), sum(e.avance)
    from transversales_leidas($solo_validadas) t
    join estado e on e.id = t.actividad
    group by all
),
final as (
    select
        j.clave as eje,
        j.nombre,
        j.tipo,
        j.programa,
        p.sigla as programa_sigla,
        j.verificado,
        cast(sum(c.n) as bigint) as actividades,
        cast(coalesce(sum(c.n) filter (where s.clave = 'concluida'), 0) as bigint) as concluidas,
        sum(c.suma) filter (where cuenta_en_avance(s.clave)) / sum(c.n) filter (where cuenta_en_avance(s.clave))
            as avance_promedio
    from conteos c
    join estatus s on s.orden = c.orden
    join ejes j on j.clave = c.eje
    join programas p on p.clave = j.programa
    group by j.clave, j.nombre, j.tipo, j.programa, p.sigla, j.verificado
)
select * from final
order by tipo, programa, eje
