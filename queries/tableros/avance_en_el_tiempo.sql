-- How an organismo's average progress moved from report to report: at the end of every month in which it reported,
-- the average of each filtered activity's latest reported progress up to then (cancelled reports excluded).
-- Grain: one row per month with a report. Parameters: the eight global filters, $solo_validadas, $organismo.
with elegidas as (
    select id
    from actividades_filtradas($regiones, $entidades, $organismos, $programas, $ejes, $ods, $periodos, $estatus, $solo_validadas)
    where organismo = $organismo
),
reportes as (
    select actividad, en, avance, estatus
    from reportes_leidos($solo_validadas)
    where actividad in (select id from elegidas)
),
cortes as (
    select distinct last_day(en::date) as corte from reportes
)
select
    c.corte,
    cast(avg(r.avance) filter (where cuenta_en_avance(r.estatus)) as double) as avance_promedio,
    count(*) filter (where cuenta_en_avance(r.estatus)) as actividades
from cortes c
cross join (select distinct actividad from reportes) a
asof join reportes r on r.actividad = a.actividad and r.en < c.corte + interval 1 day
group by c.corte
order by c.corte
