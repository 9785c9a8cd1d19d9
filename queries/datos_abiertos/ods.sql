-- Open data: the 17 Sustainable Development Goals as the app names them. Grain: one row per ODS. No parameters.
select numero, nombre, nombre_en, color, verificado
from ods
order by numero
