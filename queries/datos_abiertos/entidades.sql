-- Open data: the federal entities (INEGI codes; '00' is the federal level). Grain: one row per entidad.
-- No parameters.
select clave, nombre, nombre_corto, region
from entidades
order by clave
