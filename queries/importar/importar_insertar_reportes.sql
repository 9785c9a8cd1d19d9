-- The progress reports an import batch writes (new activities, and changed ones whose progress or status moved),
-- from the registered relation `reportes_lote`. Parameters: $ahora, $usuario.
insert into reportes_avance
select cast(actividad as integer), $ahora, cast(avance as integer), estatus, $usuario from reportes_lote
