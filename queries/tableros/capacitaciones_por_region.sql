-- Filtered trainings and participants per región of the training's entidad ('00' belongs to Nacional/Federal).
-- Grain: one row per región with trainings, in región order.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
select
    r.clave as region,
    r.nombre,
    count(*) as capacitaciones,
    cast(coalesce(sum(f.participantes), 0) as bigint) as participantes
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas) f
join entidades e on e.clave = f.entidad
join regiones r on r.clave = e.region
group by all
order by any_value(r.orden)
