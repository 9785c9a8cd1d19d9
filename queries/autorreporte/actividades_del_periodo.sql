-- An organismo's activities of one periodo (id and title), to ask before creating one whose title is already there.
-- Grain: one row per activity. Parameters: $organismo, $periodo.
select id, titulo from actividades where organismo = $organismo and periodo = $periodo order by id
