-- One audit row per record an import batch wrote, from the registered relation `auditoria_lote`.
-- Parameters: $en, $usuario, $tabla, $detalle.
insert into auditoria (en, usuario, accion, tabla, registro, antes, despues, detalle)
select $en, $usuario, accion, $tabla, registro, antes, despues, $detalle from auditoria_lote
