-- The names «Qué cambió» shows for the catalog keys an audit row stores (estatus «en_proceso» → «En proceso»).
-- Grain: one row per catalog value. Columns: catalogo (organismo, programa, eje, estatus), clave, nombre.
-- No parameters.
select 'organismo' as catalogo, clave, sigla as nombre from organismos
union all select 'programa', clave, sigla from programas
union all
select 'eje', clave, (case tipo when 'tematico' then 'T' else 'X' end) || numero || '. ' || nombre from ejes
union all select 'estatus', clave, nombre from estatus
