-- Mark an import batch as rolled back. Parameters: $id, $en, $usuario.
update importaciones set revertida_en = $en, revertida_por = $usuario where id = $id
