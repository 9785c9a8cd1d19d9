-- Every audited change of one record, newest first. Grain: one row per change. Parameters: $tabla, $registro.
select en, usuario, accion, antes, despues, detalle
from auditoria
where tabla = $tabla and registro = $registro
order by id desc
