-- The filtered trainings with every field and readable names, for the table, its detail view and downloads.
-- Grain: one row per training, newest start date first (undated last), then id.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all),
-- $limite INTEGER (NULL = every row).
-- The $limite trainings are picked by key first; their other columns and names are read for those rows only
-- (joining names and carrying every column for all 275k trainings at 1M activities cost ~40 ms).
with elegidas as (
    select id, fecha_inicio
    from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
    order by fecha_inicio desc nulls last, id
    limit $limite
)
select
    f.id,
    f.titulo,
    f.tipo,
    f.organizador,
    o.sigla as organismo,
    e.nombre_corto as entidad,
    r.nombre as region,
    f.modalidad,
    f.tema,
    p.sigla || ' · ' || j.nombre as eje,
    f.fecha_inicio,
    f.fecha_fin,
    f.participantes,
    f.mujeres,
    f.hombres,
    f.sujetos_obligados,
    f.publico,
    f.es_demo,
    f.fuente_url
from elegidas x
join capacitaciones_leidas($solo_validadas) f on f.id = x.id
join entidades e on e.clave = f.entidad
join regiones r on r.clave = e.region
left join organismos o on o.clave = f.organismo
left join ejes j on j.clave = f.eje
left join programas p on p.clave = j.programa
order by x.fecha_inicio desc nulls last, x.id
