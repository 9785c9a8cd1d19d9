-- The published commitments grouped at the grain of the static site's filters and charts.
-- Grain: one row per entidad × plan de acción × estatus × ODS × years × policy-area text × demo flags (the plan's
-- number comes with its plan: the board orders plans by it). Parameters: the commitments' global filters (the site passes NULL: all),
-- $solo_validadas and $hoy DATE (overdue). n, con_avance (commitments with a progress figure), suma (of avance)
-- and vencidos add up across groups; `area_politica` is the source's text, as tableros/compromisos_por_area
-- groups it (the site maps it to the catalogue's area, as the board does).
select
    entidad,
    plan_accion,
    plan_numero,
    estatus,
    ods,
    anio_inicio,
    anio_fin,
    coalesce(nullif(trim(area_politica), ''), 'Sin área registrada') as area_politica,
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
