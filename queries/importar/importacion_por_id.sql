-- One import batch. Grain: zero or one row. Parameters: $id.
select * from importaciones where id = $id
