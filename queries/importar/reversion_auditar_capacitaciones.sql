-- A rollback puts back what the public saw: the audit row of each capacitaciones record in relation `republicar`
-- (registro, publicada_antes: what the import replaced, JSON, NULL when it had none), with the published version
-- before (the import's, whole) and the one it goes back to (NULL: it leaves the public boards). Notes and review
-- comments are left out, as at every publication. Runs before the published rows are replaced.
-- Parameters: $ahora, $usuario, $detalle.
insert into auditoria (en, usuario, accion, tabla, registro, antes, despues, detalle)
select $ahora, $usuario, 'publicar', 'capacitaciones', cast(r.registro as varchar), cast(to_json(a) as varchar),
       cast(json_merge_patch(cast(r.publicada_antes as varchar), '{"notas": null, "observacion": null}') as varchar),
       $detalle
from republicar r
left join (select * exclude (notas, observacion) from capacitaciones_publicadas
           where id in (select cast(registro as integer) from republicar)) a
    on a.id = cast(r.registro as integer)
order by r.registro
