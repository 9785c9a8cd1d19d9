-- Filtered activities by status, every status present even when zero, in display order.
-- Grain: one row per estatus. Parameters: the eight global filters (lists of keys, NULL = all).
-- Counted per estatus before the catalog join, so the join reads four rows, not every activity.
with conteos as (
    select estatus, count(*) as actividades
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
    group by estatus
)
select s.clave as estatus, s.nombre, s.orden, coalesce(c.actividades, 0) as actividades
from estatus s
left join conteos c on c.estatus = s.clave
order by s.orden
