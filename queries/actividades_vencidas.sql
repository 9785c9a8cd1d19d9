-- Overdue filtered activities: planned end date before $hoy and still programada or en proceso.
-- Grain: one row per activity, longest overdue first. Parameters: the eight global filters (lists of keys,
-- NULL = all), $hoy DATE, the cut-off date, and $limite INTEGER (NULL = every row).
select
    f.id,
    f.organismo_sigla as organismo,
    p.sigla as programa,
    j.nombre as eje,
    f.titulo,
    s.nombre as estatus,
    f.avance,
    f.fecha_fin,
    date_diff('day', f.fecha_fin, $hoy) as dias_vencida,
    f.reportado_en,
    f.es_demo
from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus) f
join programas p on p.clave = f.programa
join ejes j on j.clave = f.eje
join estatus s on s.clave = f.estatus
where f.fecha_fin < $hoy
  and f.estatus in ('programada', 'en_proceso')
order by f.fecha_fin, f.id
limit $limite
