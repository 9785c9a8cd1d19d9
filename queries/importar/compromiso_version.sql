-- A commitment's current version, if it exists. Grain: zero or one row. Parameters: $id.
select version from compromisos where id = $id
