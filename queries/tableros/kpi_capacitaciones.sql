-- Headline figures of the filtered trainings (they carry no ODS or estatus). ultima_validacion is the newest
-- validation among them (NULL in the internal view: working versions have none).
-- Grain: one row. Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists, NULL = all).
select
    count(*)                                 as capacitaciones,
    coalesce(sum(participantes), 0)          as participantes,
    coalesce(sum(mujeres), 0)                as mujeres,
    coalesce(sum(hombres), 0)                as hombres,
    count(*) filter (where es_demo)          as demo,
    max(validada_en)                         as ultima_validacion
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
