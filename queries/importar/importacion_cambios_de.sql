-- What one import did, last change first (the order a rollback undoes it). Grain: one row per change. Parameters: $importacion.
select tabla, registro, accion, antes, version_despues
from importacion_cambios
where importacion = $importacion
order by orden desc
