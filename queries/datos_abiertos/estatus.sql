-- Open data: the status catalog of activities, commitments and trainings. Grain: one row per estatus.
-- No parameters.
select clave, nombre, orden, descripcion
from estatus
order by orden
