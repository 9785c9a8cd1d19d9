-- Every organismo with its entidad and región, and every entidad: how the site's browser code places a record.
-- Grain: one row per organismo (entidades without an organismo have none; the commitments use entidades.sql).
-- No parameters.
select o.clave as organismo, o.sigla, o.nombre, o.tipo, o.entidad, e.nombre_corto as entidad_nombre, e.region, r.nombre as region_nombre
from organismos o
join entidades e on e.clave = o.entidad
join regiones r on r.clave = e.region
order by o.entidad, o.sigla
