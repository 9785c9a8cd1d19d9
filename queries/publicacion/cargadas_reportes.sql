-- A build from seed/: the progress reports of the validated activities not yet published are what the public saw
-- over time. No parameters.
insert into reportes_publicados
select r.actividad, r.en, r.avance, r.estatus from reportes_avance r
where r.actividad in (select id from actividades where revision = 'validada')
  and r.actividad not in (select id from actividades_publicadas)
