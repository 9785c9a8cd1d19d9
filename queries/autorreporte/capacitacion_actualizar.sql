-- Save a change of a training if nobody changed it since it was read ($version); back to draft.
-- Returns the new version, or no row when the version is stale.
update capacitaciones
set titulo = $titulo, tipo = $tipo, modalidad = $modalidad, tema = $tema, eje = $eje, fecha_inicio = $fecha_inicio,
    fecha_fin = $fecha_fin, participantes = $participantes, mujeres = $mujeres, hombres = $hombres,
    sujetos_obligados = $sujetos_obligados, publico = $publico, notas = $notas, revision = 'borrador',
    version = version + 1
where id = $id and version = $version
returning version
