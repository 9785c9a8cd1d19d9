-- Open data: the members of the SNT (the national institute, the local guarantors, the federal members).
-- Grain: one row per organismo. No parameters.
select clave, sigla, nombre, entidad, tipo, nombres_anteriores, sitio, verificado
from organismos
order by clave
