-- Before an import publishes its trainings: keep in the batch's record of changes the published version each had
-- (whole, JSON), which its rollback puts back; one without stays NULL. Parameters: $importacion.
update importacion_cambios c
set publicada_antes = cast(to_json(p) as varchar)
from (
    select * from capacitaciones_publicadas
    where id in (select registro from importacion_cambios where importacion = $importacion)
) p
where c.importacion = $importacion and c.registro = p.id
