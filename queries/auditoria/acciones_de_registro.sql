-- Who did what to one record (creation, validation…), oldest first: whether a draft was ever published and who
-- created it. Grain: one row per audited change. Parameters: $tabla, $registro.
select accion, usuario from auditoria where tabla = $tabla and registro = $registro order by id
