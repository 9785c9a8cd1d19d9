-- The latest audited change of one record: who and when. Grain: zero or one row. Parameters: $tabla, $registro.
select usuario, en, accion
from auditoria
where tabla = $tabla and registro = $registro
order by id desc
limit 1
