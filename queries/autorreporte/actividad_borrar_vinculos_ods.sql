-- Remove an activity's ODS before writing its new list. Parameters: $id.
delete from actividad_ods where actividad = $id
