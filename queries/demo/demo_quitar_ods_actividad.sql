-- Links of demo activities to ODS (they go with their activities). No parameters.
delete from actividad_ods where actividad in (select id from actividades where es_demo)
