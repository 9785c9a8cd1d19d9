-- The 32 entidades federativas with the measures the map can show: filtered activities and their average progress,
-- commitments, trainings and people trained, how many of those records are demo data and the newest validation of
-- each kind (NULL in the internal view: working versions have none); en_filtro says whether the place filters
-- include the entidad.
-- Grain: one row per entidad (the federal level '00' is not on the map), by INEGI code. Parameters: the eight filters.
-- Activities are counted per organismo first, then rolled up to the organismo's entidad (the filter macro returns
-- only the activity's columns). avance_promedio is sum / count: avg() itself (avance is NOT NULL).
with actividades_por_organismo as (
    select
        organismo,
        count(*) as actividades,
        sum(avance) filter (where cuenta_en_avance(estatus)) as suma_avance,
        count(*) filter (where cuenta_en_avance(estatus)) as con_avance,
        count(*) filter (where es_demo) as demo,
        max(validada_en) as ultima_validacion
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
    group by organismo
),
actividades as (
    select
        o.entidad,
        cast(sum(p.actividades) as bigint) as actividades,
        sum(p.suma_avance) / nullif(sum(p.con_avance), 0) as avance_promedio,
        cast(sum(p.demo) as bigint) as demo,
        max(p.ultima_validacion) as ultima_validacion
    from actividades_por_organismo p
    join organismos o on o.clave = p.organismo
    group by o.entidad
),
compromisos as (
    select entidad, count(*) as compromisos, count(*) filter (where es_demo or ods_es_demo) as demo,
           max(validada_en) as ultima_validacion
    from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas)
    group by entidad
),
capacitaciones as (
    select
        entidad,
        count(*) as capacitaciones,
        cast(coalesce(sum(participantes), 0) as bigint) as participantes,
        count(*) filter (where es_demo) as demo,
        max(validada_en) as ultima_validacion
    from capacitaciones_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $periodos, $solo_validadas)
    group by entidad
),
final as (
    select
        e.clave as entidad,
        e.nombre,
        e.nombre_corto,
        e.region,
        r.nombre as region_nombre,
        ($regiones is null or list_contains($regiones, e.region))
            and ($entidades is null or list_contains($entidades, e.clave))
            and ($organismos is null
                 or e.clave in (select o.entidad from organismos o where list_contains($organismos, o.clave)))
            as en_filtro,
        a.avance_promedio,
        coalesce(a.actividades, 0) as actividades,
        coalesce(c.compromisos, 0) as compromisos,
        coalesce(k.capacitaciones, 0) as capacitaciones,
        coalesce(k.participantes, 0) as participantes,
        coalesce(a.demo, 0) as demo_actividades,
        coalesce(c.demo, 0) as demo_compromisos,
        coalesce(k.demo, 0) as demo_capacitaciones,
        a.ultima_validacion as validacion_actividades,
        c.ultima_validacion as validacion_compromisos,
        k.ultima_validacion as validacion_capacitaciones
    from entidades e
    join regiones r on r.clave = e.region
    left join actividades a on a.entidad = e.clave
    left join compromisos c on c.entidad = e.clave
    left join capacitaciones k on k.entidad = e.clave
    where e.clave <> '00'
)
select * from final
order by entidad
