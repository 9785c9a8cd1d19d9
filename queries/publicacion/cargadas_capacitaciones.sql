-- A build from seed/ publishes the trainings it loaded as validated (those not yet published), as
-- they are, validated at the build ($ahora: their sources carry no review date), by 'base'. Parameters: $ahora.
insert into capacitaciones_publicadas by name
select *, cast(null as timestamp) as actualizada_en, $ahora as validada_en, 'base' as validada_por
from capacitaciones
where revision = 'validada' and id not in (select id from capacitaciones_publicadas)
