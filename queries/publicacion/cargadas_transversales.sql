-- A build from seed/ (or a test fixture) publishes what it loaded as validated: first the transversal ejes of the
-- validated activities not yet published (cargadas_actividades, which runs last, publishes the activities).
-- No parameters.
insert into actividad_ejes_transversales_publicadas
select t.actividad, t.eje from actividad_ejes_transversales t
where t.actividad in (select id from actividades where revision = 'validada')
  and t.actividad not in (select id from actividades_publicadas)
