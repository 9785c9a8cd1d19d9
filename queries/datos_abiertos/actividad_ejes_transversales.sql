-- Open data: the cross-cutting axes of validated activities. Grain: one row per (validated activity, eje).
-- No parameters.
select t.actividad, t.eje
from actividad_ejes_transversales t
join actividades a on a.id = t.actividad
where a.revision = 'validada'
order by t.actividad, t.eje
