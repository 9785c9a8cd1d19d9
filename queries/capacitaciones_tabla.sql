-- The filtered trainings with every field and readable names, for the table, its detail view and downloads.
-- Grain: one row per training, newest start date first (undated last), then id.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all),
-- $limite INTEGER (NULL = every row).
select
    f.id,
    f.titulo,
    f.tipo,
    f.organizador,
    o.sigla as organismo,
    f.entidad_nombre as entidad,
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
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos) f
join regiones r on r.clave = f.region
left join organismos o on o.clave = f.organismo
left join ejes j on j.clave = f.eje
left join programas p on p.clave = j.programa
order by f.fecha_inicio desc nulls last, f.id
limit $limite
