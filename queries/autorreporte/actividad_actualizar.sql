-- Save a person's change of an activity only if nobody changed it since it was read ($version); it goes back to
-- draft. Returns the new version, or no row when the version is stale.
update actividades
set programa = $programa, eje = $eje, titulo = $titulo, descripcion = $descripcion, tipo = $tipo,
    fecha_inicio = $fecha_inicio, fecha_fin = $fecha_fin, estatus = $estatus, avance = $avance,
    evidencia_url = $evidencia_url, periodo = $periodo, notas = $notas, reportado_por = $usuario,
    reportado_en = $ahora, revision = 'borrador', version = version + 1
where id = $id and version = $version
returning version
