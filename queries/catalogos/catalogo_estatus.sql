-- The fixed status vocabulary, for the estatus filter and chart order.
-- Grain: one row per estatus, in display order. No parameters.
select clave, nombre, cast(null as varchar) as grupo, orden
from estatus
order by orden
