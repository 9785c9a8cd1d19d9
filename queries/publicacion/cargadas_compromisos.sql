-- A build from seed/ publishes the commitments it loaded as validated (those not yet published), as
-- they are, validated at the build ($ahora: their sources carry no review date), by 'base'. Parameters: $ahora.
insert into compromisos_publicados by name
select *, cast(null as timestamp) as actualizada_en, $ahora as validada_en, 'base' as validada_por
from compromisos
where revision = 'validada' and id not in (select id from compromisos_publicados)
