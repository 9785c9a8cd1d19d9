-- The filtered trainings with readable names, for tables and downloads (trainings carry no ODS or estatus).
-- Grain: one row per training, most recent first. Parameters: $regiones, $entidades, $organismos, $programas, $ejes,
-- $periodos (lists, NULL = all).
select
    c.id,
    c.titulo,
    c.tipo,
    c.organizador,
    c.entidad_nombre as entidad,
    c.modalidad,
    c.tema,
    j.nombre as eje,
    c.fecha_inicio,
    c.fecha_fin,
    c.participantes,
    c.mujeres,
    c.hombres,
    c.sujetos_obligados,
    c.publico,
    c.es_demo,
    c.fuente_url
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos) c
left join ejes j on j.clave = c.eje
order by c.fecha_inicio desc nulls last, c.id
