-- The new trainings of an import batch, from the registered relation `nuevas`; the organiser's name and entidad
-- come from the organismo. Parameters: $revision.
insert into capacitaciones (id, titulo, tipo, organismo, organizador, entidad, modalidad, tema, eje, fecha_inicio,
                            fecha_fin, participantes, mujeres, hombres, sujetos_obligados, publico, es_demo,
                            fuente_url, revision, notas, version)
select cast(n.id as integer), n.titulo, n.tipo, n.organismo, o.sigla, o.entidad, n.modalidad, n.tema, n.eje,
       cast(n.fecha_inicio as date), cast(n.fecha_fin as date), cast(n.participantes as integer),
       cast(n.mujeres as integer), cast(n.hombres as integer), cast(n.sujetos_obligados as integer), n.publico,
       false, null, $revision, n.notas, 1
from nuevas n
join organismos o on o.clave = n.organismo
order by n.id
