-- An activity's working ODS back to its published ones (after its working links were removed). Parameters: $id.
insert into actividad_ods
select actividad, ods from actividad_ods_publicadas
where actividad = $id
