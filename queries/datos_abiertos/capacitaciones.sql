-- Open data: each training's published version (as last validated), with when it was last updated and when it was
-- validated; no notes, review comment or version. Grain: one row per published training. No parameters.
select id, titulo, tipo, organismo, organizador, entidad, modalidad, tema, eje, fecha_inicio, fecha_fin,
       participantes, mujeres, hombres, sujetos_obligados, publico, es_demo, fuente_url, actualizada_en, validada_en
from capacitaciones_publicadas
order by id
