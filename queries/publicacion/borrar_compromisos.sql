-- Remove the published version of the compromisos in relation `a_publicar` (its ids), before it is written again.
-- No parameters.
delete from compromisos_publicados
where id in (select id from a_publicar)
