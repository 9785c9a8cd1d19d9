-- Open data: the cross-cutting axes of each published activity (in its published version).
-- Grain: one row per (published activity, eje). No parameters.
select actividad, eje
from actividad_ejes_transversales_publicadas
order by actividad, eje
