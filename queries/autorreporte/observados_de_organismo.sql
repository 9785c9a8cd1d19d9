-- What the secretariat sent back to an organismo (its activities and trainings, its entidad's commitments), with
-- the reviewer's comment, for the greeting of its enlace. Grain: one row per observed record. Parameters: $organismo.
select 'actividades' as tabla, a.id, a.titulo, a.observacion
from actividades a
where a.organismo = $organismo and a.revision = 'observada'
union all
select 'capacitaciones', c.id, c.titulo, c.observacion
from capacitaciones c
where c.organismo = $organismo and c.revision = 'observada'
union all
select 'compromisos', m.id, m.titulo, m.observacion
from compromisos m
join organismos o on o.entidad = m.entidad
where o.clave = $organismo and m.revision = 'observada'
order by tabla, id
