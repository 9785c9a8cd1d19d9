-- Open data: each open-government commitment's published version (as last validated), with when it was last
-- updated and when it was validated; no notes, review comment or version. Grain: one row per published commitment.
-- No parameters.
select id, entidad, plan_accion, plan_numero, plan_periodo, anio_inicio, anio_fin, titulo, problema_publico,
       area_politica, institucion_responsable, ods, ods_es_demo, estatus, estatus_fuente, avance, fecha_inicio,
       fecha_fin, es_demo, fuente_url, actualizada_en, validada_en
from compromisos_publicados
order by id
