-- Programmes and commission work plans, for the programa filter.
-- Grain: one row per programa, in display order. No parameters.
select clave, sigla || ' ' || periodo as nombre, cast(null as varchar) as grupo, nombre as nombre_completo, tipo
from programas
order by orden
