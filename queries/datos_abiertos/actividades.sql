-- Open data: each activity's published version (as last validated; an edit awaiting review does not change it),
-- with when it was last updated and when it was validated; no reporter account, notes, review comment or version.
-- Grain: one row per published activity. No parameters.
select id, organismo, programa, eje, titulo, descripcion, tipo, fecha_inicio, fecha_fin, estatus, avance,
       evidencia_url, periodo, reportado_en, es_demo, fuente, actualizada_en, validada_en
from actividades_publicadas
order by id
