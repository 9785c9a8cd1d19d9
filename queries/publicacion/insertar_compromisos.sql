-- Publish the working version of the compromisos in relation `a_publicar` (their ids): it becomes what the public
-- reads, updated when the audit trail last saw its content change (else now), validated now by $usuario.
-- Parameters: $ahora, $usuario.
insert into compromisos_publicados by name
with cambiadas as (
    select cast(registro as integer) as id, max(en) as en
    from auditoria
    where tabla = 'compromisos' and accion in ('crear', 'actualizar')
      and registro in (select cast(id as varchar) from a_publicar)
    group by registro
)
select t.* replace ('validada' as revision, null as observacion), coalesce(c.en, $ahora) as actualizada_en,
       $ahora as validada_en, $usuario as validada_por
from compromisos t
left join cambiadas c on c.id = t.id
where t.id in (select id from a_publicar)
