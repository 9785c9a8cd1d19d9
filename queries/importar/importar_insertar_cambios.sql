-- What an import batch did, record by record (for its rollback), from the registered relation `cambios_lote`.
-- Parameters: $importacion, $tabla.
insert into importacion_cambios
select $importacion, cast(orden as integer), $tabla, cast(registro as integer), accion, antes,
       cast(version_despues as integer)
from cambios_lote
