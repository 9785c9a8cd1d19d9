-- A rollback puts back what the public saw: the audit row of each activity in relation `republicar` (registro,
-- publicada_antes: what the import replaced, JSON, NULL when it had none), with the published version before (the
-- import's, whole, with its transversal ejes and ODS) and the one it goes back to (NULL: it leaves the public
-- boards). Notes and review comments are left out, as at every publication. Runs before the published rows are
-- replaced. Parameters: $ahora, $usuario, $detalle.
insert into auditoria (en, usuario, accion, tabla, registro, antes, despues, detalle)
with actuales as (
    select p.* exclude (notas, observacion),
           coalesce((select list(t.eje order by t.eje) from actividad_ejes_transversales_publicadas t
                     where t.actividad = p.id), []) as transversales,
           coalesce((select list(o.ods order by o.ods) from actividad_ods_publicadas o where o.actividad = p.id), [])
               as ods
    from actividades_publicadas p
    where p.id in (select cast(registro as integer) from republicar)
)
select $ahora, $usuario, 'publicar', 'actividades', cast(r.registro as varchar), cast(to_json(a) as varchar),
       cast(json_merge_patch(cast(r.publicada_antes as varchar), '{"notas": null, "observacion": null}') as varchar),
       $detalle
from republicar r
left join actuales a on a.id = cast(r.registro as integer)
order by r.registro
