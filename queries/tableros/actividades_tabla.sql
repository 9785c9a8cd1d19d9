-- The filtered activities with readable names, for the table and its CSV download.
-- Grain: one row per activity, newest report first. Parameters: the eight global filters (lists of keys, NULL = all)
-- and $limite INTEGER (NULL = every row).
-- The newest $limite activities are picked first, so names and lists are built only for the rows returned; they
-- are picked by key alone and their other columns read afterwards (carrying every column through the filters cost
-- ~40 ms at 1M activities).
with elegidas as (
    select id
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
    order by reportado_en desc, id
    limit $limite
),
filtradas as (
    select a.*
    from actividades_leidas($solo_validadas) a
    where a.id in (select id from elegidas)
),
transversales as (
    select t.actividad, string_agg(j.nombre, '; ' order by j.numero) as ejes_transversales
    from transversales_leidas($solo_validadas) t
    join ejes j on j.clave = t.eje
    where t.actividad in (select id from filtradas)
    group by t.actividad
),
ods_por_actividad as (
    select actividad, string_agg(cast(ods as varchar), ', ' order by ods) as ods
    from ods_leidas($solo_validadas)
    where actividad in (select id from filtradas)
    group by actividad
)
select
    f.id,
    g.sigla as organismo,
    e.nombre_corto as entidad,
    r.nombre as region,
    p.sigla as programa,
    j.nombre as eje,
    t.ejes_transversales,
    o.ods,
    f.titulo,
    f.tipo,
    s.nombre as estatus,
    f.avance,
    f.fecha_inicio,
    f.fecha_fin,
    f.periodo,
    f.evidencia_url,
    f.reportado_por,
    f.reportado_en,
    f.revision,
    f.es_demo
from filtradas f
join organismos g on g.clave = f.organismo
join entidades e on e.clave = g.entidad
join regiones r on r.clave = e.region
join programas p on p.clave = f.programa
join ejes j on j.clave = f.eje
join estatus s on s.clave = f.estatus
left join transversales t on t.actividad = f.id
left join ods_por_actividad o on o.actividad = f.id
order by f.reportado_en desc, f.id
