-- The published version of one activity (as last validated), with its transversal ejes and ODS.
-- Grain: zero or one row (none: never validated). Parameters: $id.
select
    a.*,
    coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales_publicadas t
              where t.actividad = a.id), []) as transversales,
    coalesce((select list(o.ods order by o.ods) from actividad_ods_publicadas o where o.actividad = a.id), []) as ods
from actividades_publicadas a
where a.id = $id
