-- An activity's working transversal ejes back to its published ones (after its working links were removed).
-- Parameters: $id.
insert into actividad_ejes_transversales
select actividad, eje from actividad_ejes_transversales_publicadas
where actividad = $id
