-- Years that hold any activity report, commitment year or training, for the periodo filter.
-- Grain: one row per year, most recent first. No parameters.
with anios as (
    select periodo as anio from actividades
    union
    select unnest(range(anio_inicio, coalesce(anio_fin, anio_inicio) + 1)) from compromisos where anio_inicio is not null
    union
    select year(fecha_inicio) from capacitaciones where fecha_inicio is not null
)
select anio as clave, cast(anio as varchar) as nombre, cast(null as varchar) as grupo
from anios
order by anio desc
