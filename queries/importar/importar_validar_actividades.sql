-- The activities an admin's validated import publishes as they are (the file's row equals the working version,
-- whose edit awaited review), from the registered relation `validadas` (id, version), each only if its version is
-- still the one the file was checked against. Returns the ids written (fewer: someone changed some). No parameters.
update actividades a
set revision = 'validada', observacion = null, version = a.version + 1
from validadas v
where a.id = cast(v.id as integer) and a.version = cast(v.version as integer)
returning a.id
