-- The import batches, newest first, for the upload page; `validadas_sin_cambios`: the records a validated import
-- validated and published without changing them (it wrote them, they are neither new nor changed).
-- Grain: one row per batch. No parameters.
select i.id, i.en, i.usuario, i.tipo, i.archivo, i.insertadas, i.actualizadas, i.sin_cambio,
       coalesce(c.escritos, 0) - i.insertadas - i.actualizadas as validadas_sin_cambios, i.validadas,
       i.revertida_en, i.revertida_por
from importaciones i
left join (select importacion, count(*) as escritos from importacion_cambios group by importacion) c
    on c.importacion = i.id
order by i.id desc
