-- The columns of a published table and their types, as the structure from_json reads a published row back with
-- (a rollback restores the versions a batch replaced). Grain: one row. Parameters: $tabla (actividades_publicadas,
-- compromisos_publicados or capacitaciones_publicadas).
select cast(json_group_object(column_name, data_type) as varchar) as estructura
from information_schema.columns
where table_schema = 'main' and table_name = $tabla
