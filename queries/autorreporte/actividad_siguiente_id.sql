-- The id a new activity takes (read inside the inserting transaction; a concurrent insert of the same id fails the
-- second transaction, which is reported, not overwritten). Grain: one row.
select coalesce(max(id), 0) + 1 as id from actividades
