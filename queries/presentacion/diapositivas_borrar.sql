-- Remove every slide of a deck (before writing them again, or with the deck). Parameters: $clave VARCHAR.
delete from diapositivas
where presentacion = $clave
