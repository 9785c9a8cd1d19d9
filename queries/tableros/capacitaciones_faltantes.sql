-- What the filtered trainings leave unreported: no start date, no participant count, participants with no sex
-- split (participantes minus the women and men reported), and the organisers. Grain: one row.
-- Parameters: $regiones, $entidades, $organismos, $programas, $ejes, $periodos (lists of keys, NULL = all).
select
    count(*) as capacitaciones,
    count(*) filter (where fecha_inicio is null) as sin_fecha,
    count(*) filter (where participantes is null) as sin_participantes,
    count(*) filter (where participantes > 0 and (mujeres is null or hombres is null)) as sin_desglose_sexo,
    cast(coalesce(sum(greatest(coalesce(participantes, 0) - coalesce(mujeres, 0) - coalesce(hombres, 0), 0)), 0) as bigint)
        as participantes_sin_sexo,
    cast(coalesce(sum(sujetos_obligados), 0) as bigint) as sujetos_obligados,
    count(distinct coalesce(organismo, organizador)) as organizadores
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
