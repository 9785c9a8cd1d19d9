-- Demo indicator sheets, once no value of theirs is left. No parameters.
delete from indicadores where es_demo and clave not in (select indicador from mediciones)
