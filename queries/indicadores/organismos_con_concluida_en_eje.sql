-- The computed method "porcentaje de organismos garantes con al menos una actividad concluida en el eje X": for
-- each indicator whose sheet names this computation, each year, the organismos garantes (INAI and the local ones)
-- with at least one concluded activity of that year in the indicator's eje (as its eje or a transversal one),
-- over all the garantes. Read from the same set as the other boards: published activities for the public.
-- A year with activities but none concluded in the eje counts 0; a year with no activity at all has no row.
-- Grain: one row per computed indicator and year with activities. Parameters: $programas, $ejes (lists of keys,
-- NULL = all), $solo_validadas.
with computados as (
    select clave, eje from indicadores_elegidos($programas, $ejes)
    where calculo = 'organismos_con_concluida_en_eje'
),
garantes as (
    select clave from organismos where tipo in ('nacional', 'local')
),
concluidas as (
    select a.id, a.organismo, a.periodo, a.eje
    from actividades_leidas($solo_validadas) a
    where a.estatus = 'concluida' and a.organismo in (select clave from garantes)
),
por_eje as (
    select eje, periodo, organismo from concluidas
    union
    select t.eje, c.periodo, c.organismo
    from concluidas c join transversales_leidas($solo_validadas) t on t.actividad = c.id
),
anios as (
    select distinct periodo from actividades_leidas($solo_validadas)
),
final as (
    select k.clave as indicador, y.periodo as anio, count(distinct e.organismo) as organismos,
           (select count(*) from garantes) as garantes
    from computados k
    cross join anios y
    left join por_eje e on e.eje = k.eje and e.periodo = y.periodo
    group by k.clave, y.periodo
)
select indicador, anio, organismos, garantes,
       round(100.0 * organismos / garantes, 1)::double as valor
from final
order by indicador, anio
