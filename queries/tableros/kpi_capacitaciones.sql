-- Headline figures of the filtered trainings (they carry no ODS or estatus).
-- Grain: one row. Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists, NULL = all).
select
    count(*)                                 as capacitaciones,
    coalesce(sum(participantes), 0)          as participantes,
    coalesce(sum(mujeres), 0)                as mujeres,
    coalesce(sum(hombres), 0)                as hombres,
    count(*) filter (where es_demo)          as demo
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
