-- Publish the working version of the activities in relation `a_publicar` (their ids): it becomes what the public
-- reads, updated when it was last reported, validated now by $usuario. Parameters: $ahora, $usuario.
insert into actividades_publicadas by name
select a.* replace ('validada' as revision, null as observacion), a.reportado_en as actualizada_en,
       $ahora as validada_en, $usuario as validada_por
from actividades a
where a.id in (select id from a_publicar)
