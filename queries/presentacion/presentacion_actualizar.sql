-- A deck's title, description and interval, only if nobody changed it since it was read; returns the new version.
-- Parameters: $clave, $titulo, $descripcion, $intervalo, $en, $version (the version that was read).
update presentaciones
set titulo = $titulo, descripcion = $descripcion, intervalo = $intervalo, cambiada_en = $en, version = version + 1
where clave = $clave and version = $version
returning version
