-- Publish the ODS of the activities in relation `a_publicar` as their working version has them. No parameters.
insert into actividad_ods_publicadas
select actividad, ods from actividad_ods
where actividad in (select id from a_publicar)
