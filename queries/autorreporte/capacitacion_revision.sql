-- Move a training's review state if nobody changed it since it was read. Returns the new version, or no row.
-- Parameters: $id, $version, $revision, $observacion.
update capacitaciones set revision = $revision, observacion = $observacion, version = version + 1
where id = $id and version = $version
returning version
