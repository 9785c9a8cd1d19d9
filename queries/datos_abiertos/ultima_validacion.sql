-- The newest validation among the published activities, commitments and trainings: the open data's «Datos validados
-- al …» (NULL when nothing is published). Grain: one row. No parameters.
select max(validada_en) as ultima_validacion
from (
    select max(validada_en) as validada_en from actividades_publicadas
    union all
    select max(validada_en) from compromisos_publicados
    union all
    select max(validada_en) from capacitaciones_publicadas
)
