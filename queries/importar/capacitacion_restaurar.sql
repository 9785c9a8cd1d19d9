-- Put back a training as it was before an import; the version still moves forward. Parameters: the columns, $id.
update capacitaciones
set titulo = $titulo, tipo = $tipo, modalidad = $modalidad, tema = $tema, eje = $eje, fecha_inicio = $fecha_inicio,
    fecha_fin = $fecha_fin, participantes = $participantes, mujeres = $mujeres, hombres = $hombres,
    sujetos_obligados = $sujetos_obligados, publico = $publico, notas = $notas, revision = $revision,
    observacion = $observacion, version = version + 1
where id = $id
