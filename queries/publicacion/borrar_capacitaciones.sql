-- Remove the published version of the capacitaciones in relation `a_publicar` (its ids), before it is written again.
-- No parameters.
delete from capacitaciones_publicadas
where id in (select id from a_publicar)
