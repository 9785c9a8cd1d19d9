-- Average progress and number of filtered activities per eje: temático (the activity's eje) and transversal.
-- Grain: one row per eje with activities. Parameters: the eight global filters (lists of keys, NULL = all).
with filtradas as (
    select id, eje, avance, estatus
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus)
),
por_eje as (
    select eje, id, avance, estatus from filtradas
    union all
    select t.eje, f.id, f.avance, f.estatus
    from filtradas f
    join actividad_ejes_transversales t on t.actividad = f.id
),
final as (
    select
        j.clave as eje,
        j.nombre,
        j.tipo,
        j.programa,
        p.sigla as programa_sigla,
        j.verificado,
        count(*) as actividades,
        count(*) filter (where e.estatus = 'concluida') as concluidas,
        cast(avg(e.avance) filter (where e.estatus <> 'cancelada') as double) as avance_promedio
    from por_eje e
    join ejes j on j.clave = e.eje
    join programas p on p.clave = j.programa
    group by all
)
select * from final
order by tipo, programa, eje
