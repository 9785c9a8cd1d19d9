-- Remove the published version of the activities in relation `a_publicar` (their ids), before it is written
-- again. No parameters.
delete from actividades_publicadas
where id in (select id from a_publicar)
