-- Save an update of a commitment's status and progress if nobody changed it since it was read; back to draft.
-- Returns the new version, or no row. Parameters: $id, $version, $estatus, $avance, $notas.
update compromisos
set estatus = $estatus, avance = $avance, notas = $notas, revision = 'borrador', version = version + 1
where id = $id and version = $version
returning version
