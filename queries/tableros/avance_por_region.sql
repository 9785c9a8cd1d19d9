-- Average progress, activities and organismos reporting per región, for the filtered activities.
-- Grain: one row per región with activities. Parameters: the eight global filters (lists of keys, NULL = all).
-- Counted per organismo first (one row each, so counting them per región counts distinct organismos), then rolled
-- up to the región of the organismo's entidad. avance_promedio is sum / count: avg() itself (avance is NOT NULL).
with por_organismo as (
    select
        organismo,
        count(*) as actividades,
        count(*) filter (where estatus = 'concluida') as concluidas,
        sum(avance) filter (where cuenta_en_avance(estatus)) as suma_avance,
        count(*) filter (where cuenta_en_avance(estatus)) as con_avance
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
    group by organismo
)
select
    r.clave as region,
    r.nombre,
    cast(sum(p.actividades) as bigint) as actividades,
    count(*) as organismos,
    cast(sum(p.concluidas) as bigint) as concluidas,
    sum(p.suma_avance) / nullif(sum(p.con_avance), 0) as avance_promedio
from por_organismo p
join organismos o on o.clave = p.organismo
join entidades e on e.clave = o.entidad
join regiones r on r.clave = e.region
group by r.clave, r.nombre
order by any_value(r.orden)
