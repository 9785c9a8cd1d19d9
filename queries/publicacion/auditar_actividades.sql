-- The audit row of each activity about to be published (relation `a_publicar`: its ids): the published version
-- before (NULL when it had none) and the one it becomes, whole, with its transversal ejes and ODS (JSON).
-- Runs before the published rows are replaced. Parameters: $ahora, $usuario, $detalle.
insert into auditoria (en, usuario, accion, tabla, registro, antes, despues, detalle)
with nuevas as (
    select a.* exclude (notas, observacion),
           coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales t where t.actividad = a.id), [])
               as transversales,
           coalesce((select list(o.ods order by o.ods) from actividad_ods o where o.actividad = a.id), []) as ods
    from actividades a
    where a.id in (select id from a_publicar)
),
anteriores as (
    select p.* exclude (notas, observacion),
           coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales_publicadas t
                     where t.actividad = p.id), []) as transversales,
           coalesce((select list(o.ods order by o.ods) from actividad_ods_publicadas o where o.actividad = p.id), [])
               as ods
    from actividades_publicadas p
    where p.id in (select id from a_publicar)
)
select $ahora, $usuario, 'publicar', 'actividades', cast(n.id as varchar),
       cast(to_json(v) as varchar), cast(to_json(n) as varchar), $detalle
from nuevas n
left join anteriores v on v.id = n.id
order by n.id
