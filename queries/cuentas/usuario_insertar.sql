-- A new account. Parameters: $usuario, $nombre, $correo, $rol, $organismo (NULL unless enlace), $clave_hash, $ahora.
insert into usuarios (usuario, nombre, correo, rol, organismo, clave_hash, activo, sesiones_desde, creado_en, cambiado_en)
values ($usuario, $nombre, $correo, $rol, $organismo, $clave_hash, true, $ahora, $ahora, $ahora)
