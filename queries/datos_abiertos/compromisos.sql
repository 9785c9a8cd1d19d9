-- Open data: validated open-government commitments of the local action plans; no notes, review comment or
-- version. Grain: one row per validated commitment. No parameters.
select id, entidad, plan_accion, plan_numero, plan_periodo, anio_inicio, anio_fin, titulo, problema_publico,
       area_politica, institucion_responsable, ods, ods_es_demo, estatus, estatus_fuente, avance, fecha_inicio,
       fecha_fin, es_demo, fuente_url
from compromisos
where revision = 'validada'
order by id
