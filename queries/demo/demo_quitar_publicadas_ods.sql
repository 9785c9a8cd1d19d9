-- Published links of demo activities to ODS. No parameters.
delete from actividad_ods_publicadas where actividad in (select id from actividades where es_demo)
