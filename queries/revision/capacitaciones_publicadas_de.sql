-- The published versions (as last validated) of the trainings among $ids: the «Antes» of what a validation would
-- change for the public (pizarras.escritura.revision.que_cambio).
-- Grain: one row per published training among $ids (none for one never validated). Parameters: $ids (list of ids).
select k.*
from capacitaciones_publicadas k
where k.id in (select unnest($ids))
order by k.id
