-- Filtered commitments by status with their average progress; every status present even when zero.
-- Grain: one row per estatus, in display order. avance_promedio counts only commitments with a percentage.
-- Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists of keys, NULL = all).
-- The commitments are counted per estatus first (4 rows), then joined to the catalog: the left join used to run on
-- every filtered commitment. avance_promedio is sum / count, the same value avg() gives.
with conteo as (
    select estatus, count(*) as compromisos, count(avance) as con_avance, sum(avance) as suma
    from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas)
    group by estatus
)
select
    s.clave as estatus,
    s.nombre,
    s.orden,
    coalesce(c.compromisos, 0) as compromisos,
    coalesce(c.con_avance, 0) as con_avance,
    c.suma / c.con_avance as avance_promedio
from estatus s
left join conteo c on c.estatus = s.clave
order by s.orden
