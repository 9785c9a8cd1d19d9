-- The new activities of an import batch, from the registered relation `nuevas` (one row each, ids assigned).
-- Parameters: $usuario, $ahora, $revision (enviada, or validada when an admin asked).
insert into actividades (id, organismo, programa, eje, titulo, descripcion, tipo, fecha_inicio, fecha_fin, estatus,
                         avance, evidencia_url, periodo, reportado_por, reportado_en, revision, es_demo, fuente, notas,
                         observacion, version)
select cast(id as integer), organismo, programa, eje, titulo, descripcion, tipo, cast(fecha_inicio as date),
       cast(fecha_fin as date), estatus, cast(avance as integer), evidencia_url, cast(periodo as integer), $usuario,
       $ahora, $revision, false, 'Carga de archivo', notas, null, 1
from nuevas
order by id
