-- Open data: the SDGs each published activity is aligned with (in its published version).
-- Grain: one row per (published activity, ODS). No parameters.
select actividad, ods
from actividad_ods_publicadas
order by actividad, ods
