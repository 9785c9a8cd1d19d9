-- A build from seed/ publishes the activities it loaded as validated (those not yet published), as they are:
-- updated and validated when they were reported (the seed's records were reviewed before they were compiled), by
-- 'base'. Runs after their links and reports. No parameters.
insert into actividades_publicadas by name
select *, reportado_en as actualizada_en, reportado_en as validada_en, 'base' as validada_por
from actividades
where revision = 'validada' and id not in (select id from actividades_publicadas)
