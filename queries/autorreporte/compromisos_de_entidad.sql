-- The open-government commitments of one entidad in every review state, for the self-report page.
-- Grain: one row per commitment. Parameters: $entidad.
select
    c.id, c.plan_accion, c.titulo, c.estatus, s.nombre as estatus_nombre, c.avance, c.revision, c.observacion,
    c.notas, c.version, c.es_demo
from compromisos c
join estatus s on s.clave = c.estatus
where c.entidad = $entidad
order by c.plan_numero, c.id
