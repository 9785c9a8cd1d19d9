-- The published trainings grouped at the grain of the static site's filters and charts.
-- Grain: one row per entidad × organismo × eje × periodo × month. Parameters: the trainings' global filters (the
-- site passes NULL: all) and $solo_validadas. The counts and sums add up across groups.
select
    f.entidad,
    f.organismo,
    f.eje,
    j.programa,
    f.periodo,
    strftime(date_trunc('month', f.fecha_inicio), '%Y-%m') as mes,
    count(*) as n,
    cast(coalesce(sum(f.participantes), 0) as bigint) as participantes,
    cast(coalesce(sum(f.mujeres), 0) as bigint) as mujeres,
    cast(coalesce(sum(f.hombres), 0) as bigint) as hombres,
    count(*) filter (where f.es_demo) as demo,
    max(f.validada_en) as ultima_validacion
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas) f
left join ejes j on j.clave = f.eje
group by all
order by all
