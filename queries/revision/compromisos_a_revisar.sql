-- The stored commitments a reviewer is about to validate, as the validation rules read them
-- (reglas.revisar_avance_compromiso). Grain: one row per commitment among $ids. Parameters: $ids (list of ids).
select c.*
from compromisos c
where c.id in (select unnest($ids))
order by c.id
