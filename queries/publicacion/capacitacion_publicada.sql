-- The published version of one training (as last validated). Grain: zero or one row. Parameters: $id.
select * from capacitaciones_publicadas where id = $id
