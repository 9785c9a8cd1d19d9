-- Filtered commitments per directly aligned ODS (official name and colour), plus one row (ods NULL) for the rest.
-- Grain: one row per ODS with commitments, by number, then the non-aligned row when it is not zero.
-- Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists of keys, NULL = all).
-- Counted per ODS first (a few rows), then the catalog is joined: the join used to run on every commitment.
with conteo as (
    select ods, count(*) as compromisos, count(*) filter (where ods_es_demo) as alineacion_demo
    from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas)
    group by ods
)
select c.ods, o.nombre, o.color, c.compromisos, c.alineacion_demo
from conteo c
left join ods o on o.numero = c.ods
order by c.ods nulls last
