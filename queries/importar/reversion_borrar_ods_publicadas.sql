-- A rollback removes the published ODS an import wrote for the activities in relation `republicar`. No parameters.
delete from actividad_ods_publicadas
where actividad in (select cast(registro as integer) from republicar)
