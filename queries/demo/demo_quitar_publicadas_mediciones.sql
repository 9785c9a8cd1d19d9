-- Published versions of demo yearly indicator values. No parameters.
delete from mediciones_publicadas where es_demo
