-- The period the open data cover: the earliest start and the latest end (or start, where there is no end) among the
-- published activities, commitments and trainings; the catalogue's «temporal» (NULLs when nothing has a date).
-- Grain: one row. No parameters.
select min(desde) as desde, max(hasta) as hasta
from (
    select min(fecha_inicio) as desde, max(coalesce(fecha_fin, fecha_inicio)) as hasta from actividades_publicadas
    union all
    select min(fecha_inicio), max(coalesce(fecha_fin, fecha_inicio)) from compromisos_publicados
    union all
    select min(fecha_inicio), max(coalesce(fecha_fin, fecha_inicio)) from capacitaciones_publicadas
)
