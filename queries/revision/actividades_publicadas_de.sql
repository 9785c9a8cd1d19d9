-- The published versions (as last validated) of the activities among $ids, with their transversal ejes and ODS:
-- the «Antes» of what a validation would change for the public (pizarras.escritura.revision.que_cambio).
-- Grain: one row per published activity among $ids (none for one never validated). Parameters: $ids (list of ids).
select
    a.*,
    coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales_publicadas t
              where t.actividad = a.id), []) as transversales,
    coalesce((select list(o.ods order by o.ods) from actividad_ods_publicadas o where o.actividad = a.id), []) as ods
from actividades_publicadas a
where a.id in (select unnest($ids))
order by a.id
