-- Open data: each validated activity's progress reports over time, without who reported them.
-- Grain: one row per report of a validated activity. No parameters.
select r.actividad, r.en, r.avance, r.estatus
from reportes_avance r
join actividades a on a.id = r.actividad
where a.revision = 'validada'
order by r.actividad, r.en
