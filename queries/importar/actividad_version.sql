-- An activity's current version, if it exists. Grain: zero or one row. Parameters: $id.
select version from actividades where id = $id
