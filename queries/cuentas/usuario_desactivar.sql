-- Disable an account and end its sessions. Parameters: $usuario, $ahora.
update usuarios set activo = false, sesiones_desde = $ahora, cambiado_en = $ahora where usuario = $usuario
