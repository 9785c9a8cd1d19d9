-- The trainings an admin's validated import publishes as they are (the file's row equals the working version, whose
-- edit awaited review), from the registered relation `validadas` (id, version), each only if its version is still
-- the one the file was checked against. Returns the ids written. No parameters.
update capacitaciones k
set revision = 'validada', observacion = null, version = k.version + 1
from validadas v
where k.id = cast(v.id as integer) and k.version = cast(v.version as integer)
returning k.id
