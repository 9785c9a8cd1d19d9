-- Link an activity to its ODS. Parameters: $id, $ods (list of numbers).
insert into actividad_ods select $id, unnest($ods::integer[])
