-- One record an import inserted or changed, with its state before. Parameters: $importacion, $orden, $tabla,
-- $registro, $accion, $antes (JSON or NULL), $version_despues.
insert into importacion_cambios values ($importacion, $orden, $tabla, $registro, $accion, $antes, $version_despues)
