-- Progress reports of demo activities. No parameters.
delete from reportes_avance where actividad in (select id from actividades where es_demo)
