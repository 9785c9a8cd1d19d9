-- What every screen that writes a stored value in words (the upload preview, a rollback's plan, «Qué cambió», a
-- record's history, a conflict) calls each catalog value: the organismo's acronym, the full names of
-- programas, ejes and estatus, and each ODS as «número nombre». Grain: one row per catalog value.
-- Columns: catalogo, clave, nombre. No parameters.
select 'organismo' as catalogo, clave, sigla as nombre from organismos
union all select 'programa', clave, nombre from programas
union all select 'eje', clave, nombre from ejes
union all select 'estatus', clave, nombre from estatus
union all select 'ods', cast(numero as varchar), cast(numero as varchar) || ' ' || nombre from ods
