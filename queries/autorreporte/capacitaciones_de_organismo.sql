-- The trainings one organismo organised, in every review state, for its self-report page. Newest first.
-- Grain: one row per training. Parameters: $organismo.
select id, titulo, tipo, modalidad, tema, eje, fecha_inicio, fecha_fin, participantes, mujeres, hombres,
       sujetos_obligados, publico, notas, revision, observacion, version, es_demo
from capacitaciones
where organismo = $organismo
order by fecha_inicio desc nulls last, id desc
