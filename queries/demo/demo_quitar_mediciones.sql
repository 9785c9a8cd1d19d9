-- Demo yearly indicator values. No parameters.
delete from mediciones where es_demo
