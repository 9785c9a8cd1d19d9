-- The progress reports an import wrote for an activity (at the import's moment). Parameters: $id, $en.
delete from reportes_avance where actividad = $id and en = $en
