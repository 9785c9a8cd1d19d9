-- Before an import publishes its activities: keep in the batch's record of changes the published version each had
-- (whole, with its transversal ejes and ODS, JSON), which its rollback puts back; one without stays NULL.
-- Grain: one update per changed record already published. Parameters: $importacion.
update importacion_cambios c
set publicada_antes = cast(to_json(p) as varchar)
from (
    select a.*,
           coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales_publicadas t
                     where t.actividad = a.id), []) as transversales,
           coalesce((select list(o.ods order by o.ods) from actividad_ods_publicadas o where o.actividad = a.id), [])
               as ods
    from actividades_publicadas a
    where a.id in (select registro from importacion_cambios where importacion = $importacion)
) p
where c.importacion = $importacion and c.registro = p.id
