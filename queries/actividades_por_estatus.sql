-- Filtered activities by status, every status present even when zero, in display order.
-- Grain: one row per estatus. Parameters: the eight global filters (lists of keys, NULL = all).
with filtradas as (
    select estatus
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus)
)
select s.clave as estatus, s.nombre, s.orden, count(f.estatus) as actividades
from estatus s
left join filtradas f on f.estatus = s.clave
group by all
order by s.orden
