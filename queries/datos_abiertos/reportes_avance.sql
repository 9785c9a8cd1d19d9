-- Open data: each published activity's progress as it was published over time (`en`: when it was validated, or
-- for what was published before versions, when it was reported), without who reported it.
-- Grain: one row per published report. No parameters.
select actividad, en, avance, estatus
from reportes_publicados
order by actividad, en
