-- The stored activities a reviewer is about to validate, with their transversal ejes and ODS, as the validation
-- rules read them (pizarras.escritura.revision checks each with reglas.revisar_actividad).
-- Grain: one row per activity among $ids. Parameters: $ids (list of activity ids).
select
    a.*,
    coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales t where t.actividad = a.id), [])
        as transversales,
    coalesce((select list(o.ods order by o.ods) from actividad_ods o where o.actividad = a.id), []) as ods
from actividades a
where a.id in (select unnest($ids))
order by a.id
