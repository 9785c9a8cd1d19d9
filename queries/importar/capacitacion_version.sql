-- A training's current version, if it exists. Grain: zero or one row. Parameters: $id.
select version from capacitaciones where id = $id
