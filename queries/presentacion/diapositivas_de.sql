-- The slides of one deck in order. Grain: one row per diapositiva. Parameters: $clave VARCHAR.
select posicion, vista, titulo, filtros
from diapositivas
where presentacion = $clave
order by posicion
