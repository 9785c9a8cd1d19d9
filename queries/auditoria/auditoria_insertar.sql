-- One audit row. Parameters: $en, $usuario, $accion, $tabla, $registro, $antes, $despues (JSON text), $detalle.
insert into auditoria (en, usuario, accion, tabla, registro, antes, despues, detalle)
values ($en, $usuario, $accion, $tabla, $registro, $antes, $despues, $detalle)
