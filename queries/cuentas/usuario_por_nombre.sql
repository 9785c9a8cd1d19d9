-- One account by user name (never its password hash). Grain: zero or one row. Parameters: $usuario.
select usuario, nombre, correo, rol, organismo, activo, sesiones_desde
from usuarios
where usuario = $usuario
