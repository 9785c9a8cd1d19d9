-- The updated commitments of an import batch (status, progress, notes), from the registered relation `cambiadas`,
-- each only if its version is still the one the file was checked against. Returns the ids written.
-- Parameters: $revision.
update compromisos k
set estatus = c.estatus, avance = cast(c.avance as integer), notas = c.notas, revision = $revision,
    observacion = null, version = k.version + 1
from cambiadas c
where k.id = cast(c.id as integer) and k.version = cast(c.version as integer)
returning k.id
