-- Link an activity to its transversal ejes. Parameters: $id, $ejes (list of keys).
insert into actividad_ejes_transversales select $id, unnest($ejes::varchar[])
