-- The filtered activities' average progress as reported up to $fecha (each activity's latest report on or before
-- that day; activities first reported later do not count), beside today's: the change since a reporting date.
-- Grain: one row. Parameters: the eight global filters, $solo_validadas, $fecha DATE.
with elegidas as (
    select id, avance, estatus
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
),
entonces as (
    select actividad, arg_max(avance, en) as avance, arg_max(estatus, en) as estatus
    from reportes_leidos($solo_validadas)
    where actividad in (select id from elegidas) and en < $fecha::date + interval 1 day
    group by actividad
)
select
    cast((select avg(avance) from entonces where cuenta_en_avance(estatus)) as double) as avance_entonces,
    (select count(*) from entonces where cuenta_en_avance(estatus)) as actividades_entonces,
    cast((select avg(avance) from elegidas where cuenta_en_avance(estatus)) as double) as avance_hoy,
    (select count(*) from elegidas where cuenta_en_avance(estatus)) as actividades_hoy
