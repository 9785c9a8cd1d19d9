-- Choices of the self-report form. Grain: one row per choice. Columns: lista (programa, eje, estatus, ods, tipo),
-- clave, nombre, grupo (an eje's programa), tipo (an eje's kind). No parameters.
select 'programa' as lista, clave, sigla || ' · ' || nombre as nombre, null as grupo, null as tipo, orden as orden
from programas
union all
select 'eje', j.clave, (case j.tipo when 'tematico' then 'T' else 'X' end) || j.numero || '. ' || j.nombre,
       j.programa, j.tipo, j.numero
from ejes j
union all
select 'estatus', clave, nombre, null, null, orden from estatus
union all
select 'ods', cast(numero as varchar), numero || '. ' || nombre, null, null, numero from ods
union all
select distinct 'tipo', tipo, tipo, null, null, 0 from actividades
order by lista, grupo nulls first, tipo nulls first, orden, nombre
