-- One report of an activity's progress, for its history over time. Parameters: $id, $ahora, $avance, $estatus, $usuario.
insert into reportes_avance values ($id, $ahora, $avance, $estatus, $usuario)
