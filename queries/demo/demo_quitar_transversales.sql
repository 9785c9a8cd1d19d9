-- Links of demo activities to transversal ejes (they go with their activities). No parameters.
delete from actividad_ejes_transversales where actividad in (select id from actividades where es_demo)
