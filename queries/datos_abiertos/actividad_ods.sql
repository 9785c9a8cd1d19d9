-- Open data: the SDGs validated activities are aligned with. Grain: one row per (validated activity, ODS).
-- No parameters.
select o.actividad, o.ods
from actividad_ods o
join actividades a on a.id = o.actividad
where a.revision = 'validada'
order by o.actividad, o.ods
