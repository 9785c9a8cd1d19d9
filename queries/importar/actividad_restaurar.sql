-- Put back an activity as it was before an import (every column a person or the review writes); the version still
-- moves forward so any open editor is told. Parameters: the columns, $id.
update actividades
set programa = $programa, eje = $eje, titulo = $titulo, descripcion = $descripcion, tipo = $tipo,
    fecha_inicio = $fecha_inicio, fecha_fin = $fecha_fin, estatus = $estatus, avance = $avance,
    evidencia_url = $evidencia_url, periodo = $periodo, notas = $notas, reportado_por = $reportado_por,
    reportado_en = $reportado_en, revision = $revision, observacion = $observacion, version = version + 1
where id = $id
