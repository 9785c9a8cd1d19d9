-- The filtered commitments with every field and readable names, for the table, its detail view and downloads.
-- Grain: one row per commitment, by región, entidad, plan number and id.
-- Overdue: the plan ended (fecha_fin, else 31 Dec of anio_fin) before $hoy and the status is programada or en proceso.
-- Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists of keys, NULL = all), $hoy DATE,
-- $limite INTEGER (NULL = every row).
-- The $limite commitments are picked by key first; their other columns and names are read for those rows only.
with elegidas as (
    select f.id, f.entidad, f.plan_numero, e.nombre_corto as entidad_nombre, e.region, r.orden as region_orden
    from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas) f
    join entidades e on e.clave = f.entidad
    join regiones r on r.clave = e.region
    order by r.orden, f.entidad, f.plan_numero, f.id
    limit $limite
)
select
    f.id,
    x.entidad_nombre as entidad,
    r.nombre as region,
    f.plan_accion,
    f.plan_numero,
    f.plan_periodo,
    f.anio_inicio,
    f.anio_fin,
    f.titulo,
    f.problema_publico,
    f.area_politica,
    f.institucion_responsable,
    f.ods,
    o.nombre as ods_nombre,
    f.ods_es_demo,
    s.nombre as estatus,
    f.estatus_fuente,
    f.avance,
    f.fecha_inicio,
    f.fecha_fin,
    coalesce(es_vencida(f.estatus, coalesce(f.fecha_fin, make_date(f.anio_fin, 12, 31)), $hoy), false) as vencido,
    f.es_demo,
    f.fuente_url
from elegidas x
join compromisos_leidos($solo_validadas) f on f.id = x.id
join regiones r on r.clave = x.region
join estatus s on s.clave = f.estatus
left join ods o on o.numero = f.ods
order by x.region_orden, x.entidad, x.plan_numero, x.id
