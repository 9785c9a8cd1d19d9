-- An activity's progress reports (when a rollback removes the activity an import inserted). Parameters: $id.
delete from reportes_avance where actividad = $id
