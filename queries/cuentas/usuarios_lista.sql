-- Every account, for `usuarios listar` and the admin: never the password hash. Grain: one row per user.
select usuario, nombre, correo, rol, organismo, activo, sesiones_desde, creado_en, cambiado_en
from usuarios
order by rol, usuario
