-- One organismo's identity for the header of its board: acronym, name, kind, entidad and región.
-- Grain: one row, none when the key is unknown. Parameters: $organismo VARCHAR (an organismo key).
select
    o.clave as organismo,
    o.sigla,
    o.nombre,
    o.tipo,
    o.nombres_anteriores,
    o.sitio,
    o.entidad,
    e.nombre_corto as entidad_nombre,
    e.region,
    r.nombre as region_nombre
from organismos o
join entidades e on e.clave = o.entidad
join regiones r on r.clave = e.region
where o.clave = $organismo
