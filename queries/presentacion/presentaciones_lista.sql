-- Every deck with its number of slides, by title. Grain: one row per presentación. No parameters.
select p.clave, p.titulo, p.descripcion, p.intervalo, p.creada_por, p.version, count(d.posicion) as diapositivas
from presentaciones p
left join diapositivas d on d.presentacion = p.clave
group by all
order by p.titulo, p.clave
