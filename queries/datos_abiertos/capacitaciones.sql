-- Open data: validated trainings; no notes, review comment or version. Grain: one row per validated training.
-- No parameters.
select id, titulo, tipo, organismo, organizador, entidad, modalidad, tema, eje, fecha_inicio, fecha_fin,
       participantes, mujeres, hombres, sujetos_obligados, publico, es_demo, fuente_url
from capacitaciones
where revision = 'validada'
order by id
