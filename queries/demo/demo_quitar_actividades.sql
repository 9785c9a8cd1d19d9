-- Demo activities. No parameters.
delete from actividades where es_demo
