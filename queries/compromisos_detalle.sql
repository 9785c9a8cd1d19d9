-- The filtered gobierno abierto commitments with readable names and an overdue flag, for tables and downloads.
-- Overdue: the plan ended (fecha_fin, else 31 Dec of anio_fin) before $hoy and the status is programada or en proceso.
-- Grain: one row per commitment, by entidad, plan and id. Parameters: $regiones, $entidades, $organismos, $ods,
-- $periodos, $estatus (lists, NULL = all) and $hoy DATE.
select
    c.id,
    c.entidad_nombre as entidad,
    c.plan_accion,
    c.plan_periodo,
    c.titulo,
    c.area_politica,
    case when c.ods is null then null else c.ods || '. ' || o.nombre end as ods,
    s.nombre as estatus,
    c.avance,
    c.anio_inicio,
    c.anio_fin,
    coalesce(c.fecha_fin < $hoy, make_date(c.anio_fin, 12, 31) < $hoy, false)
        and c.estatus in ('programada', 'en_proceso') as vencido,
    c.es_demo,
    c.ods_es_demo,
    c.fuente_url
from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus) c
join estatus s on s.clave = c.estatus
left join ods o on o.numero = c.ods
order by c.entidad, c.plan_numero, c.id
