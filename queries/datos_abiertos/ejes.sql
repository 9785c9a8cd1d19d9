-- Open data: the thematic and cross-cutting axes of every programme. Grain: one row per eje. No parameters.
select clave, programa, tipo, numero, nombre, verificado
from ejes
order by programa, tipo, numero
