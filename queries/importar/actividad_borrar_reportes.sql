-- An activity's progress reports (when a rollback or a deleted draft removes the activity). Parameters: $id.
delete from reportes_avance where actividad = $id
