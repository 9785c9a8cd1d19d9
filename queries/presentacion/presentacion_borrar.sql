-- Remove a deck (its slides first, with diapositivas_borrar). Parameters: $clave VARCHAR.
delete from presentaciones
where clave = $clave
