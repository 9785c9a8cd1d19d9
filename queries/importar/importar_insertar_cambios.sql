-- What an import batch did, record by record (for its rollback), from the registered relation `cambios_lote`; the
-- published version before (publicada_antes) is filled next by importar_publicadas_antes_* when the import
-- publishes. Parameters: $importacion, $tabla.
insert into importacion_cambios (importacion, orden, tabla, registro, accion, antes, version_despues)
select $importacion, cast(orden as integer), $tabla, cast(registro as integer), accion, antes,
       cast(version_despues as integer)
from cambios_lote
