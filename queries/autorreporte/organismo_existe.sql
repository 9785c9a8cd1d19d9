-- The organismo with this key, if any. Parameters: $organismo.
select clave, sigla, entidad from organismos where clave = $organismo
