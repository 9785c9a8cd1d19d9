-- Published versions of demo trainings. No parameters.
delete from capacitaciones_publicadas where es_demo
