-- The organismo with this key, if any. Grain: zero or one row. Parameters: $organismo.
select clave, sigla, entidad from organismos where clave = $organismo
