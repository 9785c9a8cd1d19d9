-- Ejes temáticos and transversales, for the eje filter; grupo is the programa the eje belongs to.
-- Grain: one row per eje, by programa, kind and number. No parameters.
select
    j.clave,
    p.sigla || ' · ' || (case j.tipo when 'tematico' then 'T' else 'X' end) || j.numero || '. ' || j.nombre as nombre,
    j.programa as grupo,
    j.tipo,
    j.nombre as nombre_eje,
    j.verificado
from ejes j
join programas p on p.clave = j.programa
order by p.orden, j.tipo, j.numero
