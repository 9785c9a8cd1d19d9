-- The latest audited change of one record: who and when. A publication is part of its validation (same moment,
-- same person), so the validation is what this names. Grain: zero or one row. Parameters: $tabla, $registro.
select usuario, en, accion
from auditoria
where tabla = $tabla and registro = $registro and accion <> 'publicar'
order by id desc
limit 1
