-- Remove the published ODS of the activities in relation `a_publicar`. No parameters.
delete from actividad_ods_publicadas
where actividad in (select id from a_publicar)
