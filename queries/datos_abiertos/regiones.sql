-- Open data: the regions of the SNT. Grain: one row per región. No parameters.
select clave, nombre, orden, verificado, nota
from regiones
order by orden
