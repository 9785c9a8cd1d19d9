-- The stored trainings some organismos organised, as an import compares them: every field a spreadsheet carries,
-- the review fields a rollback restores, and the version. Grain: one row per training.
-- Parameters: $organismos (list of keys).
select id, organismo, titulo, tipo, modalidad, tema, eje, fecha_inicio, fecha_fin, participantes, mujeres, hombres,
       sujetos_obligados, publico, notas, revision, observacion, version
from capacitaciones
where list_contains($organismos, organismo)
order by id
