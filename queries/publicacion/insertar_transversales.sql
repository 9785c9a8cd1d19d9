-- Publish the transversal ejes of the activities in relation `a_publicar` as their working version has them.
-- No parameters.
insert into actividad_ejes_transversales_publicadas
select actividad, eje from actividad_ejes_transversales
where actividad in (select id from a_publicar)
