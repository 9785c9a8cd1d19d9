-- One import batch. Parameters: $id, $en, $usuario, $tipo, $archivo, $sha256, $insertadas, $actualizadas,
-- $sin_cambio, $validadas.
insert into importaciones (id, en, usuario, tipo, archivo, sha256, insertadas, actualizadas, sin_cambio, validadas)
values ($id, $en, $usuario, $tipo, $archivo, $sha256, $insertadas, $actualizadas, $sin_cambio, $validadas)
