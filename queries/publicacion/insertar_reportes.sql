-- What the public sees an activity's progress become, dated when it was validated: one report per activity in
-- relation `a_publicar` whose published progress or status moved (or that was never published).
-- Runs after the published rows are written. Parameters: $ahora.
insert into reportes_publicados
select p.id, $ahora, p.avance, p.estatus
from actividades_publicadas p
left join (
    select actividad, arg_max(avance, en) as avance, arg_max(estatus, en) as estatus
    from reportes_publicados
    where actividad in (select id from a_publicar)
    group by actividad
) u on u.actividad = p.id
where p.id in (select id from a_publicar)
  and (u.actividad is null or u.avance <> p.avance or u.estatus <> p.estatus)
