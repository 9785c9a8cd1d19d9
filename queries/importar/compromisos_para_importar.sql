-- The stored commitments of some entidades, as an import compares them: what a spreadsheet shows and may change,
-- the review fields a rollback restores, and the version. Grain: one row per commitment.
-- Parameters: $entidades (list of keys).
select c.id, c.entidad, e.nombre_corto as entidad_nombre, c.plan_accion, c.titulo, c.estatus, c.avance, c.notas,
       c.revision, c.observacion, c.version
from compromisos c
join entidades e on e.clave = c.entidad
where list_contains($entidades, c.entidad)
order by c.entidad, c.plan_numero, c.id
