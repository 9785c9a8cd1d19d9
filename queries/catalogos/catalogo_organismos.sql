-- Organismos (INAI, the 32 local garantes, ASF, AGN, INEGI), for the organismo filter; grupo is the entidad.
-- Grain: one row per organismo: federal members first, then by entidad. No parameters.
select o.clave, o.sigla || ' — ' || e.nombre_corto as nombre, o.entidad as grupo, o.sigla, o.nombre as nombre_completo
from organismos o
join entidades e on e.clave = o.entidad
order by o.entidad, o.sigla
