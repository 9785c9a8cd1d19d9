-- Average progress, activities and organismos reporting per región, for the filtered activities.
-- Grain: one row per región with activities. Parameters: the eight global filters (lists of keys, NULL = all).
select
    r.clave as region,
    r.nombre,
    count(*) as actividades,
    count(distinct f.organismo) as organismos,
    count(*) filter (where f.estatus = 'concluida') as concluidas,
    cast(avg(f.avance) filter (where f.estatus <> 'cancelada') as double) as avance_promedio
from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus) f
join regiones r on r.clave = f.region
group by all
order by any_value(r.orden)
