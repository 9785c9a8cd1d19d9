-- Filtered commitments per directly aligned ODS (official name and colour), plus one row (ods NULL) for the rest.
-- Grain: one row per ODS with commitments, by number, then the non-aligned row when it is not zero.
-- Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists of keys, NULL = all).
select
    f.ods,
    any_value(o.nombre) as nombre,
    any_value(o.color) as color,
    count(*) as compromisos,
    count(*) filter (where f.ods_es_demo) as alineacion_demo
from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus) f
left join ods o on o.numero = f.ods
group by f.ods
order by f.ods nulls last
