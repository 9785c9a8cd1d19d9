-- The statuses in display order. Grain: one row per estatus. No parameters.
select clave, nombre, orden from estatus order by orden
