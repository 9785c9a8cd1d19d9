-- Filtered trainings and participants per eje of a programme (NULL eje = training not tied to an eje).
-- Grain: one row per eje present (programa sigla and eje name), by programme and number, the NULL row last.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
select
    f.eje,
    any_value(p.sigla) as programa_sigla,
    any_value(j.nombre) as nombre,
    count(*) as capacitaciones,
    cast(coalesce(sum(f.participantes), 0) as bigint) as participantes
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos) f
left join ejes j on j.clave = f.eje
left join programas p on p.clave = j.programa
group by f.eje
order by f.eje is null, any_value(p.orden), any_value(j.tipo), any_value(j.numero)
