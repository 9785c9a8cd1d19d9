-- Filtered trainings and participants per modality (presencial, virtual, autogestiva, mixta; NULL = not reported).
-- Grain: one row per modality present, most trainings first, the unreported row last.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
select
    modalidad,
    count(*) as capacitaciones,
    cast(coalesce(sum(participantes), 0) as bigint) as participantes
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
group by modalidad
order by modalidad is null, capacitaciones desc, modalidad
