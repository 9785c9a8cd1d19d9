-- Open data: validated activities only (the public rule); no reporter account, notes, review comment or version.
-- Grain: one row per validated activity. No parameters.
select id, organismo, programa, eje, titulo, descripcion, tipo, fecha_inicio, fecha_fin, estatus, avance,
       evidencia_url, periodo, reportado_en, es_demo, fuente
from actividades
where revision = 'validada'
order by id
