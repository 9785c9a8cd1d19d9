-- Entidades federativas (and the federal level), for the entidad filter; grupo is the región.
-- Grain: one row per entidad, by INEGI code. No parameters.
select clave, nombre_corto as nombre, region as grupo
from entidades
order by clave
