-- Overdue filtered activities: planned end date before $hoy and still programada or en proceso.
-- Grain: one row per activity, longest overdue first. Parameters: the eight global filters (lists of keys,
-- NULL = all), $hoy DATE, the cut-off date, and $limite INTEGER (NULL = every row).
-- The $limite rows are picked first, so names are joined only for the rows returned.
with vencidas as (
    select id, organismo, programa, eje, titulo, estatus, avance, fecha_fin, reportado_en, es_demo
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
    where es_vencida(estatus, fecha_fin, $hoy)
    order by fecha_fin, id
    limit $limite
)
select
    f.id,
    o.sigla as organismo,
    p.sigla as programa,
    j.nombre as eje,
    f.titulo,
    s.nombre as estatus,
    f.avance,
    f.fecha_fin,
    date_diff('day', f.fecha_fin, $hoy) as dias_vencida,
    f.reportado_en,
    f.es_demo
from vencidas f
join organismos o on o.clave = f.organismo
join programas p on p.clave = f.programa
join ejes j on j.clave = f.eje
join estatus s on s.clave = f.estatus
order by f.fecha_fin, f.id
