-- Filtered commitments by status with their average progress; every status present even when zero.
-- Grain: one row per estatus, in display order. avance_promedio counts only commitments with a percentage.
-- Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists of keys, NULL = all).
with filtradas as (
    select estatus, avance
    from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus)
)
select
    s.clave as estatus,
    s.nombre,
    s.orden,
    count(f.estatus) as compromisos,
    count(f.avance) as con_avance,
    cast(avg(f.avance) as double) as avance_promedio
from estatus s
left join filtradas f on f.estatus = s.clave
group by all
order by s.orden
