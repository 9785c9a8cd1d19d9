-- One activity with its transversal ejes and ODS, as the write functions read it before a change.
-- Grain: zero or one row. Parameters: $id.
select
    a.*,
    coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales t where t.actividad = a.id), [])
        as transversales,
    coalesce((select list(o.ods order by o.ods) from actividad_ods o where o.actividad = a.id), []) as ods
from actividades a
where a.id = $id
