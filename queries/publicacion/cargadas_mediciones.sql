-- A build (or the demo set's load) publishes the yearly indicator values it loaded as validated (those not yet
-- published), as they are, validated then ($ahora), by 'base'. Parameters: $ahora.
insert into mediciones_publicadas by name
select *, cast(null as timestamp) as actualizada_en, $ahora as validada_en, 'base' as validada_por
from mediciones
where revision = 'validada' and id not in (select id from mediciones_publicadas)
