-- Filtered commitments per policy area (area_politica as the source words it; empty → 'Sin área registrada').
-- Grain: one row per area, most commitments first.
-- Parameters: $regiones, $entidades, $organismos, $ods, $periodos, $estatus (lists of keys, NULL = all).
select
    coalesce(nullif(trim(area_politica), ''), 'Sin área registrada') as area,
    count(*) as compromisos,
    count(avance) as con_avance,
    count(*) filter (where estatus = 'concluida') as concluidos,
    cast(avg(avance) as double) as avance_promedio
from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas)
group by all
order by compromisos desc, area
