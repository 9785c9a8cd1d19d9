-- Regions of the SNT, for the región filter.
-- Grain: one row per región, in display order. No parameters.
select clave, nombre, cast(null as varchar) as grupo
from regiones
order by orden
