-- Failed logins of a user since its last success and within the window. Grain: one row.
-- Parameters: $usuario, $desde (start of the window).
select count(*) as fallidos, max(en) as ultimo
from intentos_acceso
where usuario = $usuario
  and not exito
  and en >= $desde
  and en > coalesce((select max(en) from intentos_acceso where usuario = $usuario and exito), timestamp '1900-01-01')
