-- Remove the published transversal ejes of the activities in relation `a_publicar`. No parameters.
delete from actividad_ejes_transversales_publicadas
where actividad in (select id from a_publicar)
