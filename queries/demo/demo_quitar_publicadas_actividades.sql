-- Published versions of demo activities. No parameters.
delete from actividades_publicadas where es_demo
