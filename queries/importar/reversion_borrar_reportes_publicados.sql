-- A rollback removes the published progress reports an import wrote (dated at the import, $en) for the activities
-- in relation `republicar`. Parameters: $en.
delete from reportes_publicados
where actividad in (select cast(registro as integer) from republicar) and en = $en
