-- The published trainings grouped at the grain of the static site's filters and charts.
-- Grain: one row per entidad × organismo × eje × periodo × month × organiser × modality × type × theme (the
-- charts by organiser, modality, type and theme, and the distinct organisers, need each of them: trainings are a
-- few hundred, so this is about one row each). Parameters: the trainings' global filters (the site passes NULL:
-- all) and $solo_validadas. Every count and sum adds up across groups; `clave_organizador` is what the board's
-- «Organizadores» counts distinct (tableros/capacitaciones_faltantes), `organizador` the name its chart shows.
select
    f.entidad,
    f.organismo,
    f.eje,
    j.programa,
    f.periodo,
    strftime(date_trunc('month', f.fecha_inicio), '%Y-%m') as mes,
    coalesce(f.organismo, f.organizador) as clave_organizador,
    coalesce(o.sigla, f.organizador) as organizador,
    f.modalidad,
    f.tipo,
    coalesce(nullif(trim(f.tema), ''), 'Sin tema registrado') as tema,
    count(*) as n,
    cast(coalesce(sum(f.participantes), 0) as bigint) as participantes,
    cast(coalesce(sum(f.mujeres), 0) as bigint) as mujeres,
    cast(coalesce(sum(f.hombres), 0) as bigint) as hombres,
    cast(coalesce(sum(greatest(coalesce(f.participantes, 0) - coalesce(f.mujeres, 0) - coalesce(f.hombres, 0), 0)), 0)
        as bigint) as participantes_sin_sexo,
    cast(coalesce(sum(f.sujetos_obligados), 0) as bigint) as sujetos_obligados,
    count(*) filter (where f.es_demo) as demo,
    max(f.validada_en) as ultima_validacion
from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas) f
left join ejes j on j.clave = f.eje
left join organismos o on o.clave = f.organismo
group by all
order by all
