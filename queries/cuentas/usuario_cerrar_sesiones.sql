-- Logout everywhere: every session of the user opened before $ahora ends. Parameters: $usuario, $ahora.
update usuarios set sesiones_desde = $ahora where usuario = $usuario
