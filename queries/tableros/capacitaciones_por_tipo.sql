-- Filtered trainings and participants per kind of event (curso, taller, diplomado, jornada, webinar, ...).
-- Grain: one row per tipo present, most trainings first.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
select
    tipo,
    count(*) as capacitaciones,
    cast(coalesce(sum(participantes), 0) as bigint) as participantes
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
group by all
order by capacitaciones desc, tipo
