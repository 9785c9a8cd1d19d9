-- Open data: members of the local open-government technical secretariats by sector and sex.
-- Grain: one row per (entidad, sector, sexo). No parameters.
select entidad, sector, sexo, personas, es_demo, fuente
from stl_integrantes
order by entidad, sector, sexo
