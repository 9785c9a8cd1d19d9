-- A rollback removes the published version an import wrote for the records in relation `republicar` (registro,
-- publicada_antes); the one before, if any, is written back next. No parameters.
delete from compromisos_publicados
where id in (select cast(registro as integer) from republicar)
