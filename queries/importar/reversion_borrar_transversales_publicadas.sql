-- A rollback removes the published transversal ejes an import wrote for the activities in relation `republicar`
-- (their ODS follow: reversion_borrar_ods_publicadas). No parameters.
delete from actividad_ejes_transversales_publicadas
where actividad in (select cast(registro as integer) from republicar)
