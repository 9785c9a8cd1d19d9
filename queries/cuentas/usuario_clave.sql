-- The password hash and state of one account, for the login check only. Grain: zero or one row. Parameters: $usuario.
select usuario, clave_hash, activo from usuarios where usuario = $usuario
