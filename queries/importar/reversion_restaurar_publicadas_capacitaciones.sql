-- A rollback writes back the published version each record in relation `republicar` had before the import
-- (publicada_antes, JSON, read with the table's own columns and types; none for a record that had none).
-- Parameters: $estructura (estructura_publicada of capacitaciones_publicadas).
insert into capacitaciones_publicadas by name
select unnest(from_json(cast(publicada_antes as varchar), $estructura))
from republicar
where publicada_antes is not null
