-- Every catalog value a written record may use, for the validation rules. Grain: one row per catalog value.
-- Columns: catalogo (organismo, programa, eje, estatus, ods), clave, grupo (an eje's programa), tipo (an eje's tipo).
select 'organismo' as catalogo, clave, null as grupo, null as tipo from organismos
union all select 'programa', clave, null, null from programas
union all select 'eje', clave, programa, tipo from ejes
union all select 'estatus', clave, null, null from estatus
union all select 'ods', cast(numero as varchar), null, null from ods
