-- One deck. Grain: zero or one row. Parameters: $clave VARCHAR.
select clave, titulo, descripcion, intervalo, creada_por, creada_en, cambiada_en, version
from presentaciones
where clave = $clave
