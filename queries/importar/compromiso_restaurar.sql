-- Put back a commitment as it was before an import; the version still moves forward. Parameters: the columns, $id.
update compromisos
set estatus = $estatus, avance = $avance, notas = $notas, revision = $revision, observacion = $observacion,
    version = version + 1
where id = $id
