-- Every published version of one record, newest first: when it was published, who validated it, and the version
-- before and after (JSON, as the audit row of each publication keeps them).
-- Grain: one row per publication. Parameters: $tabla, $registro.
select en, usuario, antes, despues, detalle
from auditoria
where tabla = $tabla and registro = $registro and accion = 'publicar'
order by id desc
