-- Filtered trainings and their participants per month of their start date; undated trainings are left out
-- (capacitaciones_faltantes counts them). Grain: one row per month with trainings, oldest first.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
select
    cast(date_trunc('month', fecha_inicio) as date) as mes,
    count(*) as capacitaciones,
    cast(coalesce(sum(participantes), 0) as bigint) as participantes
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
where fecha_inicio is not null
group by all
order by mes
