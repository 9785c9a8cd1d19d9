-- What awaits review: activities, commitments and trainings sent for review, oldest first. Grain: one row per record.
-- Columns: tabla, id, quien (organismo sigla or entidad), titulo, estatus, avance (NULL for trainings),
-- reportado_por, reportado_en (NULL for commitments and trainings, which carry no report date), version.
select
    'actividades' as tabla, a.id, o.sigla as quien, a.titulo, s.nombre as estatus, a.avance, a.evidencia_url,
    a.reportado_por, a.reportado_en, a.version
from actividades a
join organismos o on o.clave = a.organismo
join estatus s on s.clave = a.estatus
where a.revision = 'enviada'
union all
select
    'compromisos', c.id, e.nombre_corto, c.titulo, s.nombre, c.avance, null, null, null, c.version
from compromisos c
join entidades e on e.clave = c.entidad
join estatus s on s.clave = c.estatus
where c.revision = 'enviada'
union all
select
    'capacitaciones', k.id, o.sigla, k.titulo, k.participantes || ' participantes', null, null, null, null, k.version
from capacitaciones k
join organismos o on o.clave = k.organismo
where k.revision = 'enviada'
order by reportado_en nulls last, tabla, id
