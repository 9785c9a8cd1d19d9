-- Remove an activity's transversal ejes before writing its new list. Parameters: $id.
delete from actividad_ejes_transversales where actividad = $id
