-- Every name a spreadsheet may use for a catalog value: keys, acronyms and names. Grain: one row per alias.
-- Columns: catalogo, clave, alias, grupo (an eje's programa), tipo (an eje's kind). No parameters.
select 'organismo' as catalogo, clave, unnest([clave, sigla, nombre]) as alias, null as grupo, null as tipo
from organismos
union all select 'programa', clave, unnest([clave, sigla, nombre]), null, null from programas
union all select 'eje', clave, unnest([clave, nombre]), programa, tipo from ejes
union all select 'estatus', clave, unnest([clave, nombre]), null, null from estatus
union all select 'ods', cast(numero as varchar), unnest([cast(numero as varchar), nombre]), null, null from ods
