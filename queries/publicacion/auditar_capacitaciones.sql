-- The audit row of each capacitaciones record about to be published (relation `a_publicar`: its ids): the published
-- version before (NULL when it had none) and the one it becomes, whole (JSON). Runs before the published rows are
-- replaced. Parameters: $ahora, $usuario, $detalle.
insert into auditoria (en, usuario, accion, tabla, registro, antes, despues, detalle)
select $ahora, $usuario, 'publicar', 'capacitaciones', cast(n.id as varchar),
       cast(to_json(v) as varchar), cast(to_json(n) as varchar), $detalle
from (select * exclude (notas, observacion) from capacitaciones where id in (select id from a_publicar)) n
left join (select * exclude (notas, observacion) from capacitaciones_publicadas where id in (select id from a_publicar)) v
    on v.id = n.id
order by n.id
