-- Open data: the national programmes and commission work plans. Grain: one row per programa. No parameters.
select clave, nombre, sigla, periodo, tipo, orden, verificado
from programas
order by orden
