-- Published links of demo activities to transversal ejes. No parameters.
delete from actividad_ejes_transversales_publicadas where actividad in (select id from actividades where es_demo)
