-- The published commitments grouped at the grain of the static site's filters and charts.
-- Grain: one row per entidad × plan de acción × estatus × ODS × years × demo flags.
-- Parameters: the commitments' global filters (the site passes NULL: all), $solo_validadas and $hoy DATE (overdue).
-- n, con_avance (commitments with a progress figure), suma (of avance) and vencidos add up across groups.
select
    entidad,
    plan_accion,
    estatus,
    ods,
    anio_inicio,
    anio_fin,
    es_demo,
    ods_es_demo,
    count(*) as n,
    count(avance) as con_avance,
    cast(sum(avance) as double) as suma,
    count(*) filter (where es_vencida(estatus, coalesce(fecha_fin, make_date(anio_fin, 12, 31)), $hoy)) as vencidos,
    max(validada_en) as ultima_validacion
from compromisos_filtrados($regiones, $entidades, $organismos, $ods, $periodos, $estatus, $solo_validadas)
group by all
order by all
