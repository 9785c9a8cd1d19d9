-- Published progress reports of demo activities. No parameters.
delete from reportes_publicados where actividad in (select id from actividades where es_demo)
