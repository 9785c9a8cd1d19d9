-- The catalog values a template offers in its drop-down lists. Grain: one row per value.
-- Columns: catalogo (organismo, programa, eje, transversal, estatus, ods), clave, valor (what the list shows).
select 'organismo' as catalogo, clave, clave as valor, 1 as orden from organismos
union all select 'programa', clave, clave, orden from programas
union all select case tipo when 'tematico' then 'eje' else 'transversal' end, clave, clave, numero from ejes
union all select 'estatus', clave, nombre, orden from estatus
union all select 'ods', cast(numero as varchar), cast(numero as varchar), numero from ods
order by catalogo, orden, valor
