-- Withdraw an activity's pending edit: its working version becomes its published one again (every column a person
-- or the review writes), if nobody changed it since it was read. Returns the new version, or no row.
-- Parameters: $id, $version.
update actividades a
set programa = p.programa, eje = p.eje, titulo = p.titulo, descripcion = p.descripcion, tipo = p.tipo,
    fecha_inicio = p.fecha_inicio, fecha_fin = p.fecha_fin, estatus = p.estatus, avance = p.avance,
    evidencia_url = p.evidencia_url, periodo = p.periodo, notas = p.notas, reportado_por = p.reportado_por,
    reportado_en = p.reportado_en, revision = 'validada', observacion = null, version = a.version + 1
from actividades_publicadas p
where p.id = a.id and a.id = $id and a.version = $version
returning a.version
