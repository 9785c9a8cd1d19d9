-- The published versions (as last validated) of the commitments among $ids: the «Antes» of what a validation
-- would change for the public (pizarras.escritura.revision.que_cambio).
-- Grain: one row per published commitment among $ids (none for one never validated). Parameters: $ids (list of ids).
select c.*
from compromisos_publicados c
where c.id in (select unnest($ids))
order by c.id
