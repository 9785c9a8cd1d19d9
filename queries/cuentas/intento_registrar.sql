-- One login attempt. Parameters: $usuario (as typed, normalised), $en, $exito.
insert into intentos_acceso values ($usuario, $en, $exito)
