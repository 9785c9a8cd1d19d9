-- A new password hash; sessions opened before now end. Parameters: $usuario, $clave_hash, $ahora.
update usuarios set clave_hash = $clave_hash, sesiones_desde = $ahora, cambiado_en = $ahora where usuario = $usuario
