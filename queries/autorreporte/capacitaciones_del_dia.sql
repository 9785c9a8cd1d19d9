-- The trainings an organismo organised that start on one day (id and title), to ask before creating one whose
-- title is already there. Grain: one row per training. Parameters: $organismo, $fecha_inicio.
select id, titulo from capacitaciones where organismo = $organismo and fecha_inicio = $fecha_inicio order by id
