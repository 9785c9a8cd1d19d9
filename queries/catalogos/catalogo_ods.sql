-- The 17 ODS with their official Spanish short name and colour, for the ODS filter and charts.
-- Grain: one row per ODS, by number. No parameters.
select numero as clave, numero || '. ' || nombre as nombre, cast(null as varchar) as grupo, nombre as nombre_ods, color
from ods
order by numero
