-- The organismo with this key, if any. Parameters: $organismo.
select clave, entidad from organismos where clave = $organismo
