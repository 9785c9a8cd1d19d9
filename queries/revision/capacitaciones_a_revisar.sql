-- The stored trainings a reviewer is about to validate, as the validation rules read them
-- (reglas.revisar_capacitacion). Grain: one row per training among $ids. Parameters: $ids (list of ids).
select k.*
from capacitaciones k
where k.id in (select unnest($ids))
order by k.id
