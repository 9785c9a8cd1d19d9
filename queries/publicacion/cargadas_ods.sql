-- A build from seed/: the ODS of the validated activities not yet published. No parameters.
insert into actividad_ods_publicadas
select o.actividad, o.ods from actividad_ods o
where o.actividad in (select id from actividades where revision = 'validada')
  and o.actividad not in (select id from actividades_publicadas)
