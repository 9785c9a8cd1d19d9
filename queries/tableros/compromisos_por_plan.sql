-- Filtered commitments per local action plan, with the plan's entidad, number and period.
-- Grain: one row per entidad × plan de acción, by region order, entidad and plan number.
-- Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists of keys, NULL = all).
select
    f.entidad,
    any_value(e.nombre_corto) as entidad_nombre,
    any_value(r.nombre) as region,
    f.plan_accion,
    any_value(f.plan_numero) as plan_numero,
    any_value(f.plan_periodo) as plan_periodo,
    count(*) as compromisos,
    count(*) filter (where f.estatus = 'concluida') as concluidos,
    count(f.avance) as con_avance,
    cast(avg(f.avance) as double) as avance_promedio,
    count(*) filter (where f.ods is not null) as alineados_ods
from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas) f
join entidades e on e.clave = f.entidad
join regiones r on r.clave = e.region
group by f.entidad, f.plan_accion
order by any_value(r.orden), f.entidad, plan_numero, f.plan_accion
