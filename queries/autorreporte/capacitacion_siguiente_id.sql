-- The id a new training takes (read inside the inserting transaction). Grain: one row.
select coalesce(max(id), 0) + 1 as id from capacitaciones
