-- Filtered trainings and participants per theme as recorded (empty → 'Sin tema registrado').
-- Grain: one row per tema, most trainings first.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
select
    coalesce(nullif(trim(tema), ''), 'Sin tema registrado') as tema,
    count(*) as capacitaciones,
    cast(coalesce(sum(participantes), 0) as bigint) as participantes
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
group by all
order by capacitaciones desc, tema
