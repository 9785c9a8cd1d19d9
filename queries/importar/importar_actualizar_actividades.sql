-- The changed activities of an import batch, from the registered relation `cambiadas`, each only if its version is
-- still the one the file was checked against. Returns the ids written (fewer than the rows: someone changed some).
-- Parameters: $usuario, $ahora, $revision.
update actividades a
set programa = c.programa, eje = c.eje, titulo = c.titulo, descripcion = c.descripcion, tipo = c.tipo,
    fecha_inicio = cast(c.fecha_inicio as date), fecha_fin = cast(c.fecha_fin as date), estatus = c.estatus,
    avance = cast(c.avance as integer), evidencia_url = c.evidencia_url, periodo = cast(c.periodo as integer),
    notas = c.notas, reportado_por = $usuario, reportado_en = $ahora, revision = $revision, observacion = null,
    version = a.version + 1
from cambiadas c
where a.id = cast(c.id as integer) and a.version = cast(c.version as integer)
returning a.id
