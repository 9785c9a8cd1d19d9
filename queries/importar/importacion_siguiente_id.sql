-- The id the next import batch takes (read inside its transaction). Grain: one row.
select coalesce(max(id), 0) + 1 as id from importaciones
